# What a class attribute gives through an instance: functions, lambdas,
# closures and generator functions bind self; builtin functions, types,
# callable instances and bound methods do not, as in MicroPython.
def make_closure(tag):
    def closure(me, arg):
        return tag, me is c, arg

    return closure


class Callable:
    def __call__(self, arg):
        return "called", arg

    def method(self, arg):
        return "method", arg


class C:
    def f1(self, arg):
        return "f1", self is c, arg

    f2 = lambda self, arg: ("f2", self is c, arg)
    f3 = make_closure("f3")

    def f4(self, arg):
        yield self is c, arg

    f5 = int
    f6 = abs
    f7 = len
    f8 = Callable()
    f9 = Callable().method
    f10 = max


c = C()
print(c.f1(1), c.f2(2), c.f3(3), next(c.f4(4)))
print(c.f5("5"), c.f6(-6), c.f7("seven"), c.f8(8), c.f9(9), c.f10(1, 10))
print(C.f5("11"), C.f6(-12), C.f8(13), C.f9(14))


# A class's builtin base still gives methods bound to the instance.
class L(list):
    pass


items = L()
items.append(1)
items.extend([2, 3])
print(items, items.index(2))
