metadata(version="1.0.2")

# Small and hot: compiled with every optimisation.
module("bisection.py", opt=3)
