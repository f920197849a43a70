# With the heap locked, for loops over bytes, bytearray, array, dict, set,
# frozenset and generators, and all/any/min/max/sum over builtin
# collections, allocate nothing (MicroPython's iterators live on the stack).
import array
import micropython


def walk(collection):
    micropython.heap_lock()
    try:
        total = 0
        for item in collection:
            total += item
        return total
    finally:
        micropython.heap_unlock()


def gen():
    yield 5
    yield 6


for collection in (b"\x01\x02", bytearray(b"\x03\x04"), array.array("H", (7, 8)), {9: 0, 10: 0}, {11, 12}, frozenset((13,)), gen(), [14], (15,)):
    print(type(collection).__name__, walk(collection))

def builtins_locked(t, s, b):
    micropython.heap_lock()
    a = all(t)
    c = any(s)
    e = min(t)
    f = max(b)
    g = sum(t)
    h = sum(s)
    i = min(s)
    j = all(b)
    micropython.heap_unlock()
    return a, c, e, f, g, h, i, j


print(builtins_locked((3, 1, 2), {4, 5}, b"\x07\x09"))

# A slice is not stored as a key of a plain dict; looked up, it misses.
d = {}
try:
    d[1:2] = 1
except TypeError:
    print("TypeError", d)
for action in (lambda: d[1:2], lambda: d.__delitem__(0)):
    try:
        action()
    except KeyError:
        print("KeyError")
