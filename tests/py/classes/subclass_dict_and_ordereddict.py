# A class derived from dict prints like a dict; OrderedDict and classes
# derived from it print with their class name; namedtuple subclasses keep
# their fields.
from collections import OrderedDict, namedtuple


class Registry(dict):
    def names(self):
        return sorted(self.keys())


class Settings(OrderedDict):
    pass


registry = Registry()
registry["b"] = 2
print(registry, registry.names(), isinstance(registry, dict))
ordered = OrderedDict()
ordered["z"] = 1
ordered["a"] = 2
print(ordered, list(ordered.keys()))
settings = Settings()
settings["k"] = "v"
print(settings, type(settings) is Settings, isinstance(settings, OrderedDict))

Point = namedtuple("Point", "x y")


class Vector(Point):
    def length2(self):
        return self.x * self.x + self.y * self.y


v = Vector(3, 4)
print(v, v.length2(), v[0], tuple(v))

import sys

print([name for name in sys.modules if " " in name])
