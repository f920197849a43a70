# OrderedDict equality is ordered, dict views are false when empty and only
# values views hash, int.to_bytes refuses a negative length and range a
# bound beyond a small int, as in MicroPython 1.27 on 32-bit boards.
from collections import OrderedDict

first, second = OrderedDict(), OrderedDict()
first["a"], first["b"] = 1, 2
second["b"], second["a"] = 2, 1
print(first == second, first == dict(first), dict(first) == first, first != second, dict(first) == dict(second))
del second["b"]
second["b"] = 2
print(first == second, first != second)

for mapping in ({}, {1: 2}):
    print(bool(mapping.keys()), bool(mapping.values()), bool(mapping.items()), len(mapping.items()))
for view in ({}.keys(), {}.values(), {}.items()):
    try:
        print(type(hash(view)))
    except TypeError:
        print("TypeError")

for length in (-1, 0, 1):
    try:
        print((0).to_bytes(length, "little"))
    except (ValueError, OverflowError) as error:
        print(type(error).__name__)

for bound in (1 << 29, 1 << 40, -(1 << 40)):
    try:
        print(len(range(0, bound, 1 << 28)))
    except OverflowError:
        print("OverflowError")
