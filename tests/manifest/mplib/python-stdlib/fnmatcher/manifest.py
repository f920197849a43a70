metadata(version="0.2.0")
module("fnmatcher.py")
