# Instantiating a class again after its __init__ is replaced, deleted or
# added, after a __new__ is added, and after a collection: each call sees
# the class as it is then.
import gc


class A:
    def __init__(self, x):
        self.x = x


class B:
    pass


def init_twice(self, x):
    self.x = 2 * x


def make_new(cls, *args):
    print("new", cls.__name__, args)
    return object.__new__(cls)


for _ in range(3):
    print(A(1).x, type(B()).__name__)
A.__init__ = init_twice
print(A(5).x)
A.__init__ = None
A.__init__ = init_twice
print(A(6).x)
del A.__init__
a = A()
print(hasattr(a, "x"))


def init_b(self, y=3):
    self.y = y


B.__init__ = init_b
print(B().y, B(4).y)
B.__new__ = make_new
print(B(6).y)
del B.__new__
print(B(8).y)
gc.collect()


class C:
    def __init__(self):
        self.c = "c"


classes = [type("K" + str(i), (), {"__init__": init_b}) for i in range(20)]
print([k(i).y for i, k in enumerate(classes)][-3:], C().c, A().__class__.__name__)
