# Method calls on instances keep finding what the class and its bases
# hold now: methods replaced, added, deleted or shadowed after earlier calls.
import gc

class Base:
    def who(self):
        return "Base.who"
    def other(self):
        return "Base.other"

class Middle(Base):
    pass

class Leaf(Middle):
    def own(self):
        return "Leaf.own"

leaf = Leaf()
for _ in range(3):
    print(leaf.who(), leaf.other(), leaf.own())

# Replaced in the class that defines it.
Base.who = lambda self: "new Base.who"
print(leaf.who())

# Added to a class nearer the instance's class.
Middle.who = lambda self: "Middle.who"
print(leaf.who())
Leaf.who = lambda self: "Leaf.who"
print(leaf.who())

# Deleted again: the next class down the chain answers.
del Leaf.who
print(leaf.who())
del Middle.who
print(leaf.who())

# Shadowed by the instance's own attribute, then unshadowed.
leaf.other = lambda: "instance other"
print(leaf.other())
del leaf.other
print(leaf.other())

# Static and class methods, and a plain value, in the class.
class Kinds:
    def method(self):
        return "method"
for _ in range(2):
    print(Kinds().method())
Kinds.method = staticmethod(lambda: "static")
print(Kinds().method())
Kinds.method = classmethod(lambda cls: cls.__name__)
print(Kinds().method())
Kinds.method = len
print(Kinds().method([1, 2]))

# Two bases: the first base's method, then the second's once it is gone.
class A:
    def f(self):
        return "A.f"
class B:
    def f(self):
        return "B.f"
class AB(A, B):
    pass
ab = AB()
print(ab.f(), ab.f())
del A.f
print(ab.f())

# Classes made and dropped in a loop: each finds its own method, also
# after collections reuse the memory of the ones before.
for n in range(6):
    class Made:
        def get(self, n=n):
            return n
    made = Made()
    print(made.get(), made.get(), end=" ")
    gc.collect()
print()

# Operators find the special method the class holds now.
class Num:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        return Num(self.n + other.n)
class Sub(Num):
    pass
a, b = Sub(1), Sub(2)
print((a + b).n, (a + b).n)
Num.__add__ = lambda self, other: Num(self.n * 10 + other.n)
print((a + b).n)
Sub.__add__ = lambda self, other: Num(-1)
print((a + b).n)
del Sub.__add__
print((a + b).n)
