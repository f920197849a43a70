metadata(version="0.1.0")

require("colorsys2")
module("ledstrip.py", opt=3)
