module("dup.py")
