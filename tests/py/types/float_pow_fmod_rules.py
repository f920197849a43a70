# Float powers and fmod at the edges, as MicroPython 1.27 computes them:
# zero to a negative finite power is a ZeroDivisionError but to -inf is inf,
# a negative base to a fractional power is complex, and fmod of a nan
# operand is nan where fmod of numbers that make a nan is a domain error.
import math

inf = float("inf")
nan = float("nan")
for base, exponent in ((0.0, -inf), (0.0, inf), (0.0, nan), (-1, inf), (-1, nan), (-2.0, -inf), (0.0, -2.0), (0, -1.5)):
    try:
        print(base, exponent, base**exponent, pow(base, exponent))
    except ZeroDivisionError:
        print(base, exponent, "ZeroDivisionError")
print((-2) ** 0.5, pow(-8.0, 1 / 3), (-4.0) ** -0.5, (-2.0) ** 2.0)
for x, y in ((nan, 0.0), (inf, nan), (inf, 1.0), (1.0, 0.0), (5.5, inf), (-7.0, 2.0)):
    try:
        print(x, y, math.fmod(x, y))
    except ValueError as error:
        print(x, y, "ValueError", error)
