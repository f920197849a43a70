module("x.py")
