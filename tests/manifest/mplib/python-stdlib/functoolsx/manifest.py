metadata(version="0.0.7")
require("operatorx")
module("functoolsx.py")
