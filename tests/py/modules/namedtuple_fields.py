# MicroPython's namedtuples have their fields as attributes and indices but
# expose no `_fields` on the class or on instances.
from collections import namedtuple

Point = namedtuple("Point", ("x", "y"))
p = Point(3, 4)
print(p.x, p[1], p, len(p), isinstance(p, tuple))
print(hasattr(Point, "_fields"), hasattr(p, "_fields"))
Reading = namedtuple("Reading", "temp hum")
r = Reading(hum=40, temp=21.5)
print(r, r.temp + r.hum, r == (21.5, 40), tuple(r))
try:
    p.z
except AttributeError:
    print("AttributeError")
