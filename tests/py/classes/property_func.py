class Box:
    def __init__(self):
        self._v = 1

    def get_v(self):
        return self._v * 10

    def set_v(self, v):
        self._v = v

    v = property(get_v, set_v)
    ro = property(lambda self: "read only")


b = Box()
print(b.v, b.ro)
b.v = 4
print(b.v)
print(type(Box.v).__name__)


class Derived(Box):
    @property
    def v(self):
        return "overridden"


print(Derived().v)
