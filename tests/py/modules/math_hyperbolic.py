import math
print(math.sinh(0), math.cosh(0), math.tanh(0), round(math.sinh(1), 10), round(math.cosh(1), 10), round(math.tanh(1), 10))
print(round(math.asinh(1), 10), math.acosh(1), round(math.atanh(0.5), 10))
print(round(math.expm1(1e-5), 15) if hasattr(math, "expm1") else 1e-05, math.gamma(5), round(math.lgamma(10), 8))
print(round(math.erf(1), 10), round(math.erfc(1), 10))
