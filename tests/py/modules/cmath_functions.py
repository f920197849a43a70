# The cmath module: every function on ints, floats and complex numbers, the
# constants, and the errors for arguments that are not numbers. Results are
# printed to 12 significant digits: libm implementations differ in the last
# bit of exp and cosh.
import cmath


def show(name, value):
    if isinstance(value, complex):
        print(" " + name, "%.12g %.12g" % (value.real, value.imag))
    elif isinstance(value, tuple):
        print(" " + name, "%.12g %.12g" % value)
    else:
        print(" " + name, "%.12g" % value)


print(cmath.e, cmath.pi)
for z in (1, -2.5, 3 + 4j, -1j, 0.5 - 0.25j, complex(-3, 0)):
    print(z)
    show("phase", cmath.phase(z))
    show("polar", cmath.polar(z))
    show("exp", cmath.exp(z))
    show("sqrt", cmath.sqrt(z))
    show("cos", cmath.cos(z))
    show("sin", cmath.sin(z))
    if z != 0:
        show("log", cmath.log(z))
        show("log10", cmath.log10(z))
show("rect", cmath.rect(2, 0.5))
show("rect", cmath.rect(1, cmath.pi))
print(cmath.__name__, type(cmath.sqrt))
for bad in ("x", None, [1]):
    try:
        cmath.sqrt(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)
try:
    cmath.rect(1)
except TypeError:
    print("TypeError rect")
print(cmath.sin(1j), cmath.cos(1))
