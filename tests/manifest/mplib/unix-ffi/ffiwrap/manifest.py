metadata(version="0.1.0")
module("ffiwrap.py")
