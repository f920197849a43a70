# Calls that bind only positional arguments take a short path: wrong
# argument counts, methods, closures and defaults next to them, recursion
# deep enough to spill frames off the frame stack and to hit the limit,
# exceptions raised through such calls, and a function redefined between
# calls (another code behind the same name).
def two(a, b):
    return a - b
print(two(5, 3))
for args in ((), (1,), (1, 2, 3)):
    try:
        two(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    two(1)
except TypeError as e:
    print("TypeError", e)
try:
    two(1, 2, 3)
except TypeError as e:
    print("TypeError", e)

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def norm1(self):
        return abs(self.x) + abs(self.y)
p = Point(1, 2).moved(3, -9)
print(p.x, p.y, p.norm1())
try:
    p.moved(1)
except TypeError as e:
    print("TypeError", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError", e)
m = p.norm1
print(m(), Point.norm1(p))

def with_default(a, b=10):
    return a + b
print(with_default(1), with_default(1, 2))

def outer(n):
    def inner(k):
        return n * k
    return inner
print(outer(3)(4))

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(150))

def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RuntimeError as e:
    print("RuntimeError", e)

def fail(a):
    return 1 // a
def middle(a, b):
    return fail(a) + b
for a in (1, 0, 2):
    try:
        print(middle(a, 5))
    except ZeroDivisionError:
        print("ZeroDivisionError at", a)

def swap(a, b):
    return b, a
print(swap(1, 2))
def swap(a, b, c):
    return c, b, a
print(swap(1, 2, 3))
# Many locals and a deep stack in one frame.
def many(a, b, c, d, e, f, g, h):
    x = [a, b, c, d, e, f, g, h]
    return sum(x) + len([[[[[[a]]]]]])
print(many(1, 2, 3, 4, 5, 6, 7, 8))
