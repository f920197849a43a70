metadata(version="0.1.3")
require("crcutil")
module("fakesensor.py", opt=3)
