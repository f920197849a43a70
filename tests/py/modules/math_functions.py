import math
print(math.sqrt(16), math.sqrt(2), math.pow(2, 10), math.exp(0), round(math.exp(1), 10), math.log(math.e), math.log(100, 10))
print(math.log10(1000), math.log2(1024), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.fabs(-3))
print(math.sin(0), math.cos(0), math.tan(0), round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12))
print(math.atan2(1, 1) == math.pi / 4, round(math.asin(1), 12), round(math.acos(0), 12), math.atan(0))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.copysign(2, -1))
print(math.fmod(7, 3), math.fmod(-7, 3), math.modf(2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.floor(3), type(math.floor(3.7)), type(math.ceil(3.2)), math.isclose(0.1 + 0.2, 0.3) if hasattr(math, "isclose") else True)
try:
    math.sqrt(-1)
except ValueError:
    print("ValueError sqrt")
try:
    math.log(0)
except ValueError:
    print("ValueError log")
