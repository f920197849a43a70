# Bound methods: their __name__, equality (same object and function) and
# hash; OrderedDict equality, which minds the order; int() of a memoryview;
# __next__ of builtin iterators.
from collections import OrderedDict


class A:
    def f(self):
        return 1

    def g(self):
        yield 2


a, b = A(), A()
print(a.f.__name__, a.g.__name__)
print(a.f == a.f, a.f != a.f, a.f == b.f, a.f == a.g, a.f == None, None != a.f)
print(hash(a.f) == hash(a.f), hash(a.f) == hash(a.g), hash(a.f) == hash(b.f))
try:
    (1).to_bytes.__name__
except AttributeError:
    print("AttributeError")

x, y, z = OrderedDict(), OrderedDict(), OrderedDict()
x["a"], x["b"] = 1, 2
y["a"], y["b"] = 1, 2
z["b"], z["a"] = 2, 1
print(x == y, y == z, dict(y) == dict(z))
del z["b"]
z["b"] = 2
print(y == z)

print(int(memoryview(b"123")), int(memoryview(b" -7 ")), int(bytearray(b"12")), int(b"ff", 16))
for data in (memoryview(b"ff"), bytearray(b"ff")):
    try:
        int(data, 16)
    except TypeError as error:
        print("TypeError:", error)

it = iter([1, 2])
step = it.__next__
print(step(), it.__next__())
try:
    it.__next__()
except StopIteration:
    print("StopIteration")
print(iter(range(4)).__next__(), enumerate("z").__next__(), (c for c in "ab").__next__())
print(iter({"k": 1}).__next__(), iter("xy").__next__(), zip("a", "b").__next__())
