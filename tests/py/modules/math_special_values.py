# The math module's special values as MicroPython's: a nan made from numbers,
# or an infinity made from finite numbers, is ValueError("math domain error");
# infinite or nan operands give inf and nan through.
import math

inf = math.inf
nan = math.nan
one = ("exp", "expm1", "cosh", "sinh", "lgamma", "gamma", "sqrt", "log10", "log2", "acos", "atanh", "tan", "fabs")
for name in one:
    function = getattr(math, name)
    results = []
    for x in (1000, -3, 1, 0, inf, -inf, nan):
        try:
            results.append("%.6g" % function(x))
        except ValueError as error:
            results.append(str(error)[:6])
    print(name, " ".join(results))
two = ("pow", "atan2", "fmod", "copysign")
for name in two:
    function = getattr(math, name)
    results = []
    for x, y in ((0, -inf), (0, -1), (10, 400), (-8, 1 / 3), (inf, inf), (1, inf), (1, nan), (nan, 0), (2, 0)):
        try:
            results.append("%.6g" % function(x, y))
        except ValueError as error:
            results.append(str(error)[:6])
    print(name, " ".join(results))
print(math.degrees(1e308), math.radians(-1e308))
