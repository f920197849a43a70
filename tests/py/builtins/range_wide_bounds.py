# Ranges with 32-bit bounds beyond small ints (sys.maxsize is 2**31 - 1 on
# the 32-bit ports): length, items, slices, attributes, printing, iteration.
import sys

top = sys.maxsize
r = range(top, 0, -1)
print(len(r), r.start, r.stop, r.step, r[0], r[1], r[-1], r)
items = iter(r)
print(next(items), next(items), next(items))
wide = range(-top + 1, -1)
print(len(wide), wide[0], wide[-2], wide, bool(wide), bool(range(top, top)))
print(list(range(top - 3, top)), list(range(-top, -top + 6, 2)))
print(r[2:5], r[::top // 2], range(2**30 - 2, 2**30 + 2)[1:3])
for value in range(top - 2, top):
    print(value)
try:
    range(top - 1, top + 5)
except OverflowError:
    print("OverflowError")
