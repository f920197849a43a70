class Meters:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        if not isinstance(other, Meters):
            return NotImplemented
        return Meters(self.v + other.v)

    def __eq__(self, other):
        if not isinstance(other, Meters):
            return NotImplemented
        return self.v == other.v

    def __repr__(self):
        return "%dm" % self.v


print(Meters(1) + Meters(2), Meters(3) == Meters(3), Meters(3) == 3)
try:
    Meters(1) + 1
except TypeError:
    print("TypeError for Meters + int")


class Feet:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        return Meters(other.v + self.v // 3)


print(Meters(1) + Feet(6))
