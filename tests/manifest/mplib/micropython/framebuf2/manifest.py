metadata(version="0.2.1")
module("framebuf2.py")
