from array import array
a = array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.append(7)
print(list(a), len(a), a[0], a[-1], list(a[2:4]), sum(a))
a[0] = 100
print(a[0], max(a), min(a), sorted(a, reverse=True)[:2])
for item in array("h", [3, 1]):
    print("item", item)
b = array("B")
print(len(b), list(b), bool(b), bool(a))
print(list(array("b", bytes([1, 255]))), bytes(array("H", [258])))
try:
    a[10]
except IndexError:
    print("IndexError")
