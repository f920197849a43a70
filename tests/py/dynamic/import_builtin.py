# __import__ and the three-argument type().
json = __import__("json")
print(json.dumps([1, 2]))
print(__import__("json", None, None, (), 0) is json)
print(__import__("sys").byteorder)
try:
    __import__("no_such_module")
except ImportError as error:
    print("ImportError", error)

Point = type("Point", (), {"x": 1, "norm": lambda self: self.x * 2})
print(Point.__name__, Point.x, Point().norm())


class Base:
    def hello(self):
        return "hello from " + type(self).__name__


Child = type("Child", (Base,), {"extra": 3})
child = Child()
print(child.hello(), child.extra, isinstance(child, Base), issubclass(Child, Base))

Enum = type("Enum", (), {"RED": 1, "GREEN": 2})
print(Enum.RED, Enum.GREEN)

try:
    type("Bad", (), 5)
except TypeError:
    print("TypeError")
print(type(5) is int)
