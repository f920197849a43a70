class Point:
    def __init__(self, x):
        self.x = x


p = Point(3)
print(p.__dict__, Point.__name__)
o = object()
print(type(o).__name__, isinstance(o, object))
try:
    o.attr = 1
except AttributeError:
    print("object() has no __dict__")
print(str(p).startswith("<Point object at "), repr(p) == str(p))
print(p != Point(3), p == p)
p.y = 4
print(sorted(p.__dict__.items()))
