class Temperature:
    scale = "C"

    def __init__(self, degrees):
        self.degrees = degrees

    @staticmethod
    def c_to_f(c):
        return c * 9 // 5 + 32

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 // 9)

    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.scale


class Kelvin(Temperature):
    scale = "K"


print(Temperature.c_to_f(100), Temperature(0).c_to_f(37))
t = Temperature.from_f(212)
print(type(t).__name__, t.degrees)
k = Kelvin.from_f(32)
print(type(k).__name__, k.degrees)
print(Temperature.describe(), Kelvin.describe(), k.describe())
sm = staticmethod(len)
print(type(sm).__name__)
