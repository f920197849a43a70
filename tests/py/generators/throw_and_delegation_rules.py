# Generators and special methods as MicroPython 1.27 runs them: throw(type,
# value) throws the value, yield from takes the value of a StopIteration a
# Python iterator's __next__ or a function called by map raises, special
# methods wrapped in staticmethod or classmethod, and super's repr.


def catcher():
    try:
        yield 1
    except Exception as error:
        print("caught", type(error).__name__, repr(error.args))
    yield 2


for arguments in ((ValueError, ValueError(7)), (ValueError(8), None), (KeyError, None), (ValueError, KeyError("k"))):
    generator = catcher()
    next(generator)
    print(generator.throw(*arguments))

generator = catcher()
next(generator)
try:
    generator.throw(ValueError, 5)
except TypeError as error:
    print("TypeError", error)


def outer():
    result = yield from catcher()
    print("result", result)


generator = outer()
next(generator)
print(generator.throw(ValueError, ValueError(9)))


class Stopper:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(42)


def delegating(iterable):
    value = yield from iterable
    print("yield from gave", value)


print(list(delegating(Stopper())))


def stops_at_three(x):
    if x < 3:
        return x
    raise StopIteration(444)


print(list(delegating(map(stops_at_three, range(10)))))


class Special:
    @staticmethod
    def __sub__(other):
        print("static sub", other)
        return "sub"

    @classmethod
    def __add__(cls, other):
        print("class add", cls.__name__, other)
        return "add"

    @staticmethod
    def __getitem__(index):
        return ("item", index)

    @staticmethod
    def __setitem__(index, value):
        print("static set", index, value)

    @staticmethod
    def __len__(self):
        return 3


special = Special()
print(special - 1, special + 2, special[3], len(special))
special[4] = 5


class Base:
    def method(self):
        return "base"


class Derived(Base):
    def show(self):
        text = str(super())
        print(text[: text.index(",")], super().method())


Derived().show()
