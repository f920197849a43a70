# MicroPython's generator.pend_throw: the exception is thrown at the next
# resumption; it returns the one pending before, and None cancels it.
def counter():
    i = 0
    while True:
        try:
            yield i
        except KeyError:
            print("caught KeyError")
        i += 1


g = counter()
print(next(g))
print(g.pend_throw(KeyError()))
print(next(g))
print(next(g))
g.pend_throw(ValueError("first"))
print(repr(g.pend_throw(ValueError("second"))))
try:
    next(g)
except ValueError as e:
    print("raised", repr(e))

g = counter()
next(g)
g.pend_throw(KeyError())
print(g.pend_throw(None))
print(next(g))

# Unstarted: the exception comes out at once.
g = counter()
g.pend_throw(OSError(5))
try:
    next(g)
except OSError as e:
    print("raised", repr(e))


# From inside the running generator: ValueError.
def selfish():
    g.pend_throw(KeyError())
    yield


g = selfish()
try:
    next(g)
except ValueError as e:
    print(repr(e))


# throw() through `yield from` gives an iterator's own throw() the value as it is.
class Inner:
    def __iter__(self):
        return self

    def __next__(self):
        return 1

    def throw(self, value):
        print("inner throw", value)
        return 2


def outer():
    yield from Inner()


g = outer()
print(next(g), g.throw(123), g.throw(ZeroDivisionError))


# An exception class whose __new__ makes no exception cannot be thrown.
class Odd(Exception):
    def __new__(cls, *args):
        return 1


def plain():
    yield


try:
    plain().throw(Odd)
except TypeError as e:
    print("TypeError", e)
