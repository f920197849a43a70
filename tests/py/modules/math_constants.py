import math
print(math.pi, math.e, math.inf, -math.inf, math.nan != math.nan)
print(math.tau if hasattr(math, "tau") else 2 * math.pi)
print(math.isinf(math.inf), math.isnan(math.nan), math.isfinite(math.pi))
print(round(math.pi, 5), round(math.e, 5), math.pi * 2 == 2 * math.pi)
