# `C(...)` of a plain class runs `__init__` straight from the dispatch loop:
# the result is the instance; argument errors, exceptions and a non-None
# return from `__init__`; `return` inside try/finally; inherited and
# missing `__init__`; classes with `__new__` or a builtin base next to it.
class P:
    def __init__(self, x, y=2, *rest, **named):
        self.x = x
        self.y = y
        self.rest = rest
        self.named = named
p = P(1)
print(p.x, p.y, p.rest, p.named)
p = P(1, 3, 4, 5, k=6)
print(p.x, p.y, p.rest, sorted(p.named.items()))
try:
    P()
except TypeError as e:
    print("TypeError", e)

class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError as e:
    print("TypeError", e)

class Gen:
    def __init__(self):
        yield 1
try:
    Gen()
except TypeError as e:
    print("TypeError", e)

class Raises:
    def __init__(self, n):
        self.n = 10 // n
for n in (5, 0):
    try:
        print(Raises(n).n)
    except ZeroDivisionError:
        print("ZeroDivisionError")

class Finally:
    def __init__(self, log):
        try:
            log.append("body")
            return
        finally:
            log.append("finally")
log = []
f = Finally(log)
print(type(f).__name__, log)

class Base:
    def __init__(self, v):
        self.v = v
class Derived(Base):
    pass
class Derived2(Base):
    def __init__(self, v):
        super().__init__(v * 2)
print(Derived(3).v, Derived2(3).v)

class NoInit:
    pass
print(type(NoInit()).__name__)

class WithNew:
    def __new__(cls, v):
        o = object.__new__(cls)
        o.made_by_new = True
        return o
    def __init__(self, v):
        self.v = v
w = WithNew(4)
print(w.made_by_new, w.v)

class MyList(list):
    def __init__(self, items):
        super().__init__(items)
        self.extra = 1
print(MyList([1, 2]), MyList([1]).extra)

class MyError(Exception):
    def __init__(self, code):
        super().__init__("code", code)
        self.code = code
try:
    raise MyError(7)
except MyError as e:
    print(e.code, e.args)

class Node:
    def __init__(self, depth):
        self.child = Node(depth - 1) if depth else None
n = Node(50)
count = 0
while n:
    count += 1
    n = n.child
print(count)

class Endless:
    def __init__(self):
        Endless()
try:
    Endless()
except RuntimeError as e:
    print("RuntimeError", e)

objs = [P(i) for i in range(5)]
print([o.x for o in objs])
def make(cls, *args):
    return cls(*args)
print(make(P, 9).x, make(Base, 8).v)
# Without __init__ the arguments are ignored, as MicroPython does.
class Empty:
    pass
e = Empty(1, 2, k=3)
print(type(e).__name__, type(Empty(*[1, 2])).__name__)
class EmptyChild(Empty):
    x = 5
print(EmptyChild().x)
