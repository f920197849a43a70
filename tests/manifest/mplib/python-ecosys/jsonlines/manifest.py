metadata(version="0.2.0")
require("textwrapper")
module("jsonlines.py")
