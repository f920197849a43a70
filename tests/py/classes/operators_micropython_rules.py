# Operators, calls and builtins as MicroPython 1.27 checks them: results of
# __eq__/__ne__ as they are, reflected ordering, NotImplemented from both
# sides a TypeError, `except` of a non-exception, a builtin method called
# through its type with another type, keyword arguments builtins refuse,
# object.__new__ of a builtin type, slice.indices and __dir__.


def attempt(function):
    try:
        print(repr(function()))
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)


class Equal:
    def __eq__(self, other):
        print("Equal eq", other)
        return 123


class NotEqual:
    def __ne__(self, other):
        print("NotEqual ne", other)
        return -456


for value in (None, 1, "a"):
    print(Equal() == value, value == Equal(), Equal() != value, value != Equal())
    print(NotEqual() == value, value == NotEqual(), NotEqual() != value, value != NotEqual())
print(Equal() != 1, NotEqual() != 1)


class Ordered:
    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        print("lt", self.value)
        return NotImplemented

    def __gt__(self, other):
        print("gt", self.value)
        return "greater"


attempt(lambda: Ordered(1) < Ordered(2))
attempt(lambda: 1 < Ordered(3))
attempt(lambda: Ordered(4) < 1)
attempt(lambda: Ordered(5) > 1)


def bad_except(kind):
    try:
        raise ValueError
    except kind:
        return "caught"


attempt(lambda: bad_except(1))
attempt(lambda: bad_except((ValueError, 1)))
attempt(lambda: bad_except((KeyError, ValueError)))
attempt(lambda: bad_except((KeyError, 1)))
attempt(lambda: list.append(1, 2))
attempt(lambda: getattr(list, "append")((), 2))
attempt(lambda: str.upper(b"a"))
attempt(lambda: dict.fromkeys([1]))
attempt(lambda: [].sort(noexist=1))
attempt(lambda: range(end=1))
attempt(lambda: object.__new__(int))
attempt(lambda: object.__new__(1))


class BadInt:
    def __int__(self):
        return None


try:
    int(BadInt())
except TypeError:
    print("TypeError")


class Sliced:
    def __getitem__(self, index):
        return index


for length in (10, 5, 0):
    for index in (Sliced()[:], Sliced()[2:], Sliced()[-3:-1], Sliced()[2:7:-2], Sliced()[7:2:-2], Sliced()[::-1]):
        print(index.indices(length), end=" ")
    print()
attempt(lambda: Sliced()[::0].indices(3))
attempt(lambda: Sliced()[::].indices(None))


class Listed:
    def __dir__(self):
        return ["x", "y"]


print(dir(Listed()), "x" in dir(Listed))
