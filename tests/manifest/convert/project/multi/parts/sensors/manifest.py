# The sensor part of the multi demo.
module("temp.py")
