# NaN never equals itself, so NaN constants are told apart by where they come
# from: every math.nan is one object, every folded NaN is one of its own.
import math
a = math.nan
b = -math.nan
c = math.nan
def f():
    return math.nan, -math.nan, math.inf - math.inf, math.inf
print(a, b, c, f(), math.inf, -math.inf, math.tau)
