metadata(description="A display driver without a display.", version="0.3.0")

require("framebuf2")
module("fakedisplay.py", opt=3)
