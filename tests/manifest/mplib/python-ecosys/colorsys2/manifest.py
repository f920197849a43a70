metadata(version="0.1.0", description="Colour conversions.", license="MIT")
module("colorsys2.py", opt=1)
