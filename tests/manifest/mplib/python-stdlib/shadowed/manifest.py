metadata(version="1.0.0")
module("shadowed.py")
