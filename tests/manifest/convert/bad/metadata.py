metadata(version="1.0")
module("a.py")
metadata(version="1.1")
