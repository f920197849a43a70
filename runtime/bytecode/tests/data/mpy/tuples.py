empty = ()
single = (1,)
mixed = (1, "a", b"xy", None, True, False, ..., 2.5)
nested = ((1, 2), (3, (4, 5)), ())
strings = ("alpha", "beta", "gamma")
dup = (1, "a", b"xy", None, True, False, ..., 2.5)
x = 5
dynamic = (x, x + 1)
el = ...
print(empty, single, mixed, nested, strings, dup, dynamic, el)
