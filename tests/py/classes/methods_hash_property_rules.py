# Bound methods, hashes and properties as MicroPython 1.27 treats them:
# bound methods compare and hash by object and method and are named by
# their function, a class with __eq__ and no __hash__ is unhashable,
# __hash__ must give an int (a bool counts), property() with no accessor
# or by keyword, and super() of a builtin type.


class A:
    def f(self):
        return 1

    def g(self):
        return 2


a, b = A(), A()
method = a.f
print(method == a.f, method != a.f, method == b.f, method == a.g, a.f == None, None != a.f)
print(hash(method) == hash(a.f), hash(a.f) == hash(a.g), {a.f: 1}[a.f])
print(a.f.__name__, A.g.__name__, A().g.__name__)


class OnlyEq:
    def __eq__(self, other):
        return True


class HashBool:
    def __hash__(self):
        return True


class HashNone:
    def __hash__(self):
        return None


for value in (OnlyEq(), HashBool(), HashNone()):
    try:
        print(hash(value))
    except TypeError:
        print("TypeError")
try:
    {OnlyEq(): 1}
except TypeError:
    print("TypeError")


class Props:
    empty = property()
    answer = property(lambda self: 42, doc="The answer.")


props = Props()
print(props.answer, type(property()), type(property(None, None, None, None)))
for action in ("get", "set", "del"):
    try:
        if action == "get":
            props.empty
        elif action == "set":
            props.empty = 1
        else:
            del props.empty
    except AttributeError:
        print("AttributeError", action)

print(str(super(object, A()))[:21])
print(type(hash(super(object, A()))))
for arguments in ((str, 0), (str, int), (0, int), (int, bool)):
    try:
        print(str(super(*arguments))[:20])
    except TypeError:
        print("TypeError")
