metadata(version="0.2.2")
require("functoolsx")
module("itertoolsx.py")
