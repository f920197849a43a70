# Iterating an array reads one item at a time from its bytes (no copy), so
# an iterator sees items appended after it was made, as MicroPython's.
from array import array
a = array("H", range(5))
print(list(a), sum(a), [x * 2 for x in a], tuple(array("f", [0.5, 1.5])), list(array("O", ["x", None])))
it = iter(a)
print(next(it), next(it))
a.append(9)
print(list(it), max(array("b", [-3, 7, 2])), sorted(array("i", [3, -1, 2])))
for x in array("q", [2**40, -2**40]):
    print(x)
print(list(array("d")), 3 in list(a))
