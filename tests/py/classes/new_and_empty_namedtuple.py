# __new__ is a static method without the decorator, also reached through an
# instance, and an empty namedtuple prints with its name (MicroPython 1.27).
from collections import namedtuple


class A:
    def __new__(cls):
        print("A.__new__", cls.__name__)
        return super(cls, A).__new__(cls)

    def __init__(self):
        print("A.__init__")

    def meth(self):
        return "meth"


a = A()
b = a.__new__(A)
print(type(b).__name__, b.meth(), A.__new__(A).meth())


class NotMade:
    def __new__(cls, first, second):
        print("NotMade.__new__", first, second)

    def __init__(self, first, second):
        print("not called")


print(NotMade(1, 2))

Empty = namedtuple("Empty", [])
empty = Empty()
print(empty, len(empty), empty == (), type(empty).__name__, list(empty))
Pair = namedtuple("Pair", "x y")
print(Pair(1, 2), Pair(x=3, y=4).y)
