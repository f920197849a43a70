# dict's subscript operations as methods, as MicroPython's dicts have them.
d = {}
d.__setitem__("a", 1)
d.__setitem__(2, "two")
print(d.__getitem__("a"), d.__getitem__(2), d)
d.__delitem__("a")
print(d)
try:
    d.__getitem__("missing")
except KeyError as e:
    print("KeyError", e)
try:
    d.__delitem__("missing")
except KeyError as e:
    print("KeyError", e)
get = {1: "one"}.__getitem__
print(get(1))

