import math

print(math.pi, math.e, math.tau)
print(math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(16), math.sqrt(2))
print(math.pow(2, 10), math.pow(2.5, 2))
print(math.exp(0), round(math.exp(1), 12))
print(math.log(math.e), math.log(8, 2), math.log(100, 10))
print(math.log2(1024), math.log10(1000))
print(math.sin(0), math.cos(0), math.tan(0))
print(round(math.sin(math.pi / 6), 10), round(math.cos(math.pi / 3), 10))
print(math.asin(1), math.acos(1), math.atan(1))
print(math.atan2(1, 1), math.atan2(-1, -1))
print(math.sinh(0), math.cosh(0), math.tanh(0))
print(math.asinh(0), math.acosh(1), math.atanh(0))
print(math.ceil(1.2), math.ceil(-1.2), math.floor(1.8), math.floor(-1.8))
print(math.trunc(2.7), math.trunc(-2.7), math.ceil(5), type(math.floor(2.5)))
print(math.fabs(-3), math.fabs(2.5))
print(math.fmod(7, 3), math.fmod(-7, 3))
print(math.modf(3.25), math.modf(-3.25))
print(math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isinf(1))
print(math.copysign(3, -0.0), math.copysign(-2, 1))
print(math.degrees(math.pi), math.radians(180))
print(math.factorial(0), math.factorial(5), math.factorial(20), math.factorial(25))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
print(math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(round(math.gamma(5), 6), round(math.lgamma(5), 6))
print(round(math.erf(0.5), 8), round(math.erfc(0.5), 8), math.expm1(0))

for function, argument in ((math.sqrt, -1), (math.log, 0), (math.log, -2), (math.acos, 2)):
    try:
        function(argument)
    except ValueError as error:
        print("ValueError", error)
try:
    math.factorial(-1)
except ValueError:
    print("ValueError factorial")
try:
    math.floor(math.inf)
except OverflowError:
    print("OverflowError")
try:
    math.sqrt("x")
except TypeError:
    print("TypeError")
