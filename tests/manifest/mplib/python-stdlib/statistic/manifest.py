metadata(version="0.5.0")

require("bisection")
module("statistic.py")
