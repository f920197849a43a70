# array as MicroPython's objarray.c: construction reads other arrays item by
# item and bytes raw; + and += concatenate buffers; extend takes buffers raw
# and other iterables item by item; comparisons need compatible typecodes;
# the O and P typecodes.
from array import array

print(array("H", array("b", [1, -2])), array("f", array("h", [1, 2])), array("d", array("f", [0.5])))
print(array("h", b"\x01\x02\x03"), array("b", bytearray(b"\x05\x06")))
a = array("I", [1])
print(a + array("I", [2]), a + b"\x03\x00\x00\x00\x04", array("b", [1]) + array("h", [2]))
a += array("I", [5, 6])
a += [7]
a.extend(b"\x08\x00\x00\x00")
a.extend(x * 2 for x in (5, 6))
print(a, len(a))
try:
    a + [1]
except TypeError:
    print("TypeError")
for left, right in (("b", "b"), ("b", "B"), ("h", "H"), ("i", "I"), ("q", "Q")):
    print(left, right, array(left, [1, 2]) == array(right, [1, 2]), array(left, [1]) == array(right, [1, 2]))
print(array("b", b"abc") == b"abc", b"abc" == array("B", b"abc"), array("B", b"ab") != b"ab")
print(array("B", b"ab") == bytearray(b"ab"), bytearray(b"ab") == array("b", b"ab"))
print(array("B", b"ab") == memoryview(b"ab"))
for code in "BHIQ":
    low, high = array(code, [1, 0]), array(code, [1, 2])
    print(code, low < high, low <= low, high > low, low >= high)
for left, right in (("b", "h"), ("f", "f"), ("d", "d"), ("b", "b"), ("O", "P")):
    for op in ("==", "<"):
        try:
            if op == "==":
                print(left, right, op, array(left) == array(right))
            else:
                print(left, right, op, array(left) < array(right))
        except NotImplementedError:
            print(left, right, op, "NotImplementedError")
print("12" in array("B", b"12"), [] in array("B", b"12"), b"1" in array("B", b"12"))
try:
    1 in array("B", b"12")
except NotImplementedError:
    print("NotImplementedError")
objects = array("O")
objects.append("text")
objects.append((1, [2]))
objects.append(None)
print(objects[0], objects[1], objects[2], len(objects))
pointers = array("P", [1, 2])
pointers.append(3)
print(pointers[2], len(pointers), len(array("S")))
print(array("b", [1]) < [1], array("b") > 5, array("B", [1]) <= None, array("B", [1]) == [1], [1] == array("B", [1]))
