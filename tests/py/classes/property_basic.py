class Circle:
    def __init__(self, r):
        self._r = r

    @property
    def radius(self):
        print("get radius")
        return self._r

    @radius.setter
    def radius(self, value):
        print("set radius", value)
        if value < 0:
            raise ValueError("negative")
        self._r = value

    @radius.deleter
    def radius(self):
        print("del radius")
        self._r = 0

    @property
    def area(self):
        return 3 * self._r * self._r


c = Circle(2)
print(c.radius, c.area)
c.radius = 5
print(c.area)
try:
    c.radius = -1
except ValueError as e:
    print("error", e)
del c.radius
print(c._r)
try:
    c.area = 3
except AttributeError:
    print("area is read-only")
