# throw() into a generator suspended in `yield from` over an object with its
# own throw method passes that method what throw() was given (a non-exception
# or a class, as is), as MicroPython does; a generator delegate gets the
# exception made of it.
class Catcher:
    def __iter__(self):
        return self

    def __next__(self):
        return "next"

    def throw(self, given):
        print("throw got", repr(given))
        return "caught"


def outer():
    result = yield from Catcher()
    print("never", result)


g = outer()
print(next(g), g.throw(123), g.throw(KeyError), g.throw(KeyError("k")))


def inner():
    try:
        yield 1
    except TypeError as error:
        print("inner", type(error).__name__)
        yield 2


def delegating():
    yield from inner()


d = delegating()
print(next(d), d.throw(123))
