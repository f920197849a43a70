# complex() and the cmath functions convert objects with __complex__ or
# __float__; a wrong result type, or neither method, is a TypeError naming the
# type. A complex number with a NaN part is not equal to itself.
import cmath


class Half:
    def __float__(self):
        return 0.5


class Rotated:
    def __complex__(self):
        return complex(3, 4)


class WrongComplex:
    def __complex__(self):
        return 6


class WrongFloat:
    def __float__(self):
        return 6


class Plain:
    pass


print(complex(Half()), complex(Rotated()), complex(2, Half()), complex(Half(), 1j))
print(cmath.phase(Half()), cmath.polar(Rotated()), cmath.rect(Half(), 0))
for value in (WrongComplex(), WrongFloat(), Plain()):
    for convert in (complex, cmath.sqrt, lambda v: complex(1, v)):
        try:
            convert(value)
        except TypeError as error:
            print("TypeError", error)
z = float("nan") * 1j
print(z == z, z != z, [z] == [z], complex(1, 2) == complex(1, 2))
