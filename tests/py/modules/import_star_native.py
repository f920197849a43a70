# `from MODULE import *` of a built-in module binds its public functions and
# constants, the floats among them (math.pi, cmath.e), and no underscore names.
from math import *

print(sqrt(16), floor(2.5), "%.6f %.6f %.6f" % (pi, e, tau), inf, isnan(nan))
from cmath import *

print("%.6f %.6f" % (e, pi), phase(-1), sqrt(-4))
from struct import *

print(calcsize("<hi"), pack("<h", 258))
print(__name__ not in ("math", "cmath", "struct"))
