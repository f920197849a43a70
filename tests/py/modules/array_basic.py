from array import array
import struct

a = array("h", [1, -2, 3])
print(len(a), a[0], a[1], a[-1], list(a))
a.append(400)
a.extend([5, 6])
print(len(a), list(a), bool(a), bool(array("b")))
a[1] = -1000
print(a[1], list(a[1:3]), list(reversed(list(a))))
for value in array("B", [10, 20]):
    print("item", value)
print(bytes(array("H", [1, 0x0203])))
print(bytes(array("i", [-1])))
f = array("f", [1.5, -0.25])
print(list(f), f[0] + f[1])
d = array("d", (1, 2.5))
print(list(d))
q = array("Q", [2**64 - 1])
print(q[0], list(array("q", [-2**63])))
u = array("I", [0xFFFFFFFF, 7])
print(list(u), len(bytes(u)))
raw = array("b", b"\x01\xff")
print(list(raw))
print(struct.unpack("<hh", array("h", [7, -7])))
view = memoryview(array("B", [1, 2, 3]))
print(bytes(view[1:]))
buf = array("B", [0, 0, 0, 0])
struct.pack_into("<H", buf, 1, 0xBEEF)
print(list(buf))
try:
    array("z")
except ValueError:
    print("ValueError typecode")
try:
    a[100]
except IndexError:
    print("IndexError")
