# Namedtuples with more fields than have static getters, field names from a
# constant tuple (shared with the class), a list and a string, and the same
# field tuple given to two classes.
from collections import namedtuple

names = ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")
Wide = namedtuple("Wide", names)
w = Wide(*range(11))
print(w)
print(w.a, w.g, w.h, w.i, w.j, w.k, w[10], len(w))
print(isinstance(w, tuple), type(w).__name__)

Point = namedtuple("Point", ("x", "y"))
Other = namedtuple("Other", ("x", "y"))
p = Point(1, 2)
o = Other(y=4, x=3)
print(p, o, p.x + o.x, p.y + o.y)
print(p == (1, 2), o == (3, 4))

Listed = namedtuple("Listed", ["first", "second"])
print(Listed(5, 6).second)
Spaced = namedtuple("Spaced", "u v w")
s = Spaced(7, 8, 9)
print(s.u, s.v, s.w, s)
try:
    p.x = 10
except AttributeError:
    print("AttributeError")
print(names)
