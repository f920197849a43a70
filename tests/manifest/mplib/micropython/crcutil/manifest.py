metadata(version="0.1.0")
module("crcutil.py", opt=3)
