import math
for value in (2.5, -2.5, 2.4999, -0.1, 3.0):
    print(value, math.floor(value), math.ceil(value), math.trunc(value))
print(math.floor(-0.0), math.ceil(1e-300), type(math.trunc(2.5)))
print(math.sqrt(144), math.sqrt(0.25), math.isqrt(17) if hasattr(math, "isqrt") else 4)
