module("ffionly.py")
