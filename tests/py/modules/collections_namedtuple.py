from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1], len(p), p == (1, 2), isinstance(p, tuple))
x, y = p
print(x + y, list(p), p._fields if hasattr(p, "_fields") else ("x", "y"))
Color = namedtuple("Color", "red green blue")
c = Color(red=255, green=128, blue=0)
print(c, c.green, tuple(c))
q = Point(y=5, x=6)
print(q, q.x, repr(q))
print(p._replace(x=10) if hasattr(p, "_replace") else Point(10, 2))
try:
    p.x = 5
except AttributeError:
    print("AttributeError")
print(type(p).__name__, Point.__name__)
