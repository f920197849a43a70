# python-stdlib has a package of the same name, and MicroPython searches
# micropython/, python-stdlib/ and python-ecosys/ in that order: this one is
# never found by require("shadowed").
metadata(version="2.0.0")
module("shadowed.py")
