# Classes: inheritance, multiple inheritance and MRO, super() chains,
# properties with setters/deleters, classmethod/staticmethod, class
# attributes vs instance attributes, __slots__-free dynamic attrs.


class Base:
    kind = "base"
    instances = 0

    def __init__(self, name):
        self.name = name
        Base.instances += 1

    def describe(self):
        return "%s(%s)" % (self.kind, self.name)

    def hello(self):
        return ["Base.hello"]

    @classmethod
    def create(cls, name):
        return cls(name.upper())

    @staticmethod
    def helper(x):
        return x * 2


class Left(Base):
    kind = "left"

    def hello(self):
        return ["Left.hello"] + super().hello()


class Right(Base):
    kind = "right"

    def hello(self):
        return ["Right.hello"] + super().hello()


# NOTE: MicroPython's super() walks depth-first, so Right.hello is skipped
# in this diamond (CPython uses the C3 MRO and includes it).
class Diamond(Left, Right):
    def hello(self):
        return ["Diamond.hello"] + super().hello()


class Mixin:
    def tag(self):
        return "<%s>" % self.describe()


class Tagged(Mixin, Left):
    kind = "tagged"


d = Diamond("d")
print(d.describe(), d.hello())
print("mro-ish:", [c.__name__ for c in (Diamond, Left, Right, Base)])
print(Tagged("t").tag(), isinstance(Tagged("x"), Mixin), isinstance(d, Right), issubclass(Diamond, Base))
print("classmethod:", Left.create("abc").describe(), Diamond.create("q").hello()[0])
print("staticmethod:", Base.helper(21), d.helper(5))
print("instances:", Base.instances)


class Temperature:
    def __init__(self, celsius=0.0):
        self._c = celsius
        self.changes = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
        self.changes += 1

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9

    @property
    def kelvin(self):
        return self._c + 273.15


t = Temperature(25)
print("C=%.2f F=%.2f K=%.2f" % (t.celsius, t.fahrenheit, t.kelvin))
t.fahrenheit = 212
print("after F=212: C=%.2f changes=%d" % (t.celsius, t.changes))
try:
    t.celsius = -300
except ValueError as e:
    print("setter error:", e)
try:
    t.kelvin = 5
except AttributeError:
    print("read-only property -> AttributeError")


class Shape:
    def area(self):
        raise NotImplementedError("area")

    def __repr__(self):
        return "%s(area=%.2f)" % (type(self).__name__, self.area())


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)


class Circle(Shape):
    PI = 3.14159

    def __init__(self, r):
        self.r = r

    def area(self):
        return self.PI * self.r ** 2


shapes = [Rect(2, 3), Square(4), Circle(1), Circle(2.5)]
print(sorted(shapes, key=lambda s: s.area()))
print("total area: %.3f" % sum(s.area() for s in shapes))
try:
    Shape().area()
except NotImplementedError as e:
    print("abstract:", e)


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1
        self.id = Counter.count


a, b = Counter(), Counter()
a.count = 99
print("class vs instance attr:", Counter.count, a.count, b.count, a.id, b.id)


class Dyn:
    pass


o = Dyn()
o.x = 1
setattr(o, "y", 2)
print("dynamic attrs:", o.x, getattr(o, "y"), getattr(o, "z", "default"), hasattr(o, "x"))
delattr(o, "x")
print("after delattr:", hasattr(o, "x"))


class Node:
    def __init__(self, val, parent=None):
        self.val = val
        self.parent = parent

    def depth(self):
        return 0 if self.parent is None else 1 + self.parent.depth()


root = Node("r")
leaf = Node("c", Node("b", Node("a", root)))
print("chain depth:", leaf.depth())


class Meta:
    registry = {}

    @classmethod
    def register(cls, sub):
        cls.registry[sub.__name__] = sub
        return sub


@Meta.register
class PluginA:
    pass


@Meta.register
class PluginB(PluginA):
    pass


print("registry:", sorted(Meta.registry), issubclass(Meta.registry["PluginB"], PluginA))
print("type names:", type(d).__name__, type(t).__name__, Diamond.__name__)


class WithInitSubclassFree(Base):
    def __init__(self, name, extra):
        Base.__init__(self, name)
        self.extra = extra


w = WithInitSubclassFree("w", 7)
print("explicit base init:", w.describe(), w.extra)
