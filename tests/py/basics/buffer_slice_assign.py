# Slice assignment into bytearrays and memoryviews, memoryview equality and
# the item types of a view of an array; the assignments of equal length, and
# the other operations MicroPython does without allocating, also run with
# the heap locked.
import array
import micropython

# A view of an array with 4-byte items takes slices in items.
a1 = array.array("i", [0] * 5)
a2 = array.array("i", [3] * 5)
m4 = memoryview(a1)
m4[1:3] = memoryview(a2)[1:3]
print(a1)
for bad in (memoryview(bytearray(8))[0:2], b"12345678"):
    try:
        m4[1:3] = bad
    except ValueError:
        print("ValueError")
try:
    m4[0:1] = [1]
except NotImplementedError:
    print("NotImplementedError")

# Overlapping copies move the bytes as memmove does.
b = bytearray(range(8))
mv = memoryview(b)
mv[1:] = mv[:-1]
print(b)
mv[:-1] = mv[1:]
print(b)

# Equality of views compares bytes.
print(memoryview(b"abc") == b"abc", b"abc" == memoryview(b"abc"))
print(memoryview(b"abcdef")[2:4] == b"cd", memoryview(b"abcdef")[2:4] != b"cd")
print(memoryview(bytearray(b"xy")) == memoryview(b"xy"), memoryview(b"xy") == b"xz")

# A view of a signed byte array reads signed items.
print(list(memoryview(array.array("b", [0x7F, -0x80]))))
v = memoryview(array.array("b", [0, 0]))
v[1] = -5
print(list(v))


def locked(b, m):
    micropython.heap_lock()
    b[3:5] = b"aa"
    m[5:7] = b"bb"
    same = "foo".replace(",", "_")
    n1 = int.from_bytes(b"12", "little")
    n2 = int.from_bytes(b"2\x00\x00\x00\x00\x00\x00\x00\x00", "little")
    micropython.heap_unlock()
    return same, n1, n2


b = bytearray(range(10))
print(locked(b, memoryview(b)), b)

# Unequal lengths still resize a bytearray.
b[0:2] = b"xyz"
print(b)
b[0:3] = b""
print(b)
