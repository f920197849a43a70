inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf < 0 < inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf, inf > 1e308)
print(abs(-inf), max(1.0, inf), min(-inf, 0), inf / 2, 1 / inf)
import math
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0), math.isfinite(inf), math.isnan(inf))
for bad in (inf, -inf, nan):
    try:
        int(bad)
    except (OverflowError, ValueError) as error:
        print(type(error).__name__)
