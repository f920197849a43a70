# Classes derived from tuple, str, bytes, map, the io streams and
# the other builtins whose instances are the builtin value typed with the class.
import io


class Pair(tuple):
    def swap(self):
        return Pair((self[1], self[0]))


p = Pair((1, 2))
print(p, len(p), p[0], p == (1, 2), (1, 2) == p, p < (1, 3))
print(p.swap(), type(p.swap()).__name__, isinstance(p, tuple))
print(Pair(), len(Pair()), Pair() == ())
print(p + (3,), hash(p) == hash((1, 2)), p.count(1))


class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("hello")
print(n, repr(n), n == "hello", "hello" == n, n.shout(), len(n), n[1:3])
print({n: 1}["hello"], "ell" in n, n + " there", Name() == "", type(n) is Name)


class Blob(bytes):
    pass


b = Blob([65, 66])
print(b, b + b"C", b"C" + b, bytes(b), 65 in b, b"B" in b, b.decode())


class Plus(map):
    pass


print(list(Plus(lambda x: x + 10, range(3))))


class Log(io.StringIO):
    def line(self, text):
        self.write(text + "\n")


log = Log()
log.line("one")
log.line("two")
print(repr(log.getvalue()))
log.seek(0)
for line in log:
    print(line.strip())


# A class's own special methods win over the builtin's.
class Reversed(list):
    def __iter__(self):
        return iter([30, 20, 10])


print([x for x in Reversed([1, 2, 3])])


# Multiple bases, one of them a builtin.
class Base:
    def __init__(self, *args):
        print("Base.__init__", args)


class Both(Base, tuple):
    pass


print(len(Both([4, 5, 6])))


# super().__init__ builds a list or dict subclass's items anew.
class Items(list):
    def reset(self, items):
        super().__init__(items)


items = Items([1, 2, 3])
items.reset("ab")
print(items)


# Not every type is a base type; two builtin bases must agree.
for bases in ((type([].append),), (list, tuple)):
    try:
        type("X", bases, {})
    except TypeError:
        print("TypeError")



# Instances keep attributes of their own, as MicroPython's do.
p.note = "pair"
n.lang = "en"
log.level = 3
print(p.note, n.lang, log.level, p, n)
del p.note
try:
    p.note
except AttributeError:
    print("AttributeError")


class Loud(io.StringIO):
    def __init__(self, prefix):
        super().__init__()
        self.prefix = prefix

    def say(self, text):
        self.write(self.prefix + text)


loud = Loud("> ")
loud.say("hi")
print(repr(loud.getvalue()), loud.prefix)

# namedtuple instances take no attributes.
from collections import namedtuple

Point = namedtuple("Point", ("x", "y"))
pt = Point(1, 2)
try:
    pt.z = 3
except AttributeError:
    print("AttributeError")
print(pt, pt.x)
