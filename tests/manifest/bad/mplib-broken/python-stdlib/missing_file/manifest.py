metadata(version="0.1.0")
module("not_there.py", opt=3)
