"""Module docstring: miscellaneous syntax coverage.

pass everywhere, semicolons, one-line suites, docstrings in functions and
classes, global in nested functions, conditional expressions, del, assert,
walrus operator, None-checks, and truthiness of many types.
"""

x = 1; y = 2; z = x + y; print("semicolons:", x, y, z)
if z > 2: print("one-line if")
for i in range(2): print("one-line for", i)
while False: pass
def noop(): pass
class Empty: pass
class WithDoc:
    """Class docstring."""
    def m(self):
        """Method docstring."""
        return 1
print("noop:", noop(), Empty.__name__, WithDoc().m())


def documented(a):
    "single-quoted docstring"
    pass
    return a


print("documented:", documented(5))
if x:
    pass
elif y:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
for _ in ():
    pass
else:
    pass
with open("ignored.txt", "w") if False else Empty and None or __import__("io").StringIO() as fh:
    pass
print("pass blocks ok")
grade = lambda s: "A" if s >= 90 else "B" if s >= 80 else "C" if s >= 70 else "F"
print("conditional chain:", [grade(s) for s in (95, 85, 75, 10)])
val = None
print("cond on None:", "none" if val is None else val, (val or "fallback"), (val and val.x))
print("nested cond:", (1 if True else 2) + (3 if False else 4))
truthy = [0, 1, -1, 0.0, 0.5, "", "a", b"", b"\0", [], [0], (), (None,), {}, {0: 0}, set(), None, True, False, range(0), range(1)]
print("truthiness:", "".join("T" if v else "f" for v in truthy))
a = [1, 2, 3, 4, 5]
del a[0]
del a[-1]
print("del items:", a)
del a[0:1]
print("del slice:", a)
d = {"k": 1, "j": 2}
del d["k"]
print("del key:", sorted(d))
tmp = 5
del tmp
try:
    print(tmp)
except NameError:
    print("deleted name -> NameError")


class Obj:
    pass


o = Obj()
o.attr = 1
o.other = 2
del o.attr
print("del attr:", hasattr(o, "attr"), o.other)
p, q = 1, 2
del p, q
print("del multiple ok")
assert True
assert 1 == 1, "not shown"
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print("assert message:", e)
try:
    assert 0
except AssertionError as e:
    print("assert without message:", e.args)
data = [5, 3, 8, 1]
if (n := len(data)) > 3:
    print("walrus if:", n)
while (item := data.pop()) != 3:
    print("walrus while popped", item)
print("remaining:", data)
print("walrus expr value:", (w := 10) * 2, w)


def outer():
    def inner():
        global gcount
        gcount = gcount + 1 if "gcount" in globals() else 1
        return gcount
    inner()
    inner()
    return inner()


print("global in nested:", outer(), gcount)
print("is/is not:", None is None, 1 is not None, [] is not [])
print("ellipsis:", ..., type(...).__name__ if type(...).__name__ else "")
print("chained method:", " A,b ,C ".strip().lower().replace(" ", "").split(","))
print("paren continuation:", (1 +
                              2 +
                              3))
total = 1 + \
    2 + \
    3
print("backslash continuation:", total)
lst = [
    1,
    2,
]
print("trailing comma list:", lst)
print("empty return:", (lambda: None)(), noop() is None)
print("id equality:", id(lst) == id(lst))
print("callable:", callable(print), callable(1), callable(Obj), callable(lambda: 0))
print("type checks:", type(1) is int, type("") is str, isinstance(True, int), isinstance(1, (str, float)))
print("builtins:", len("abc"), abs(-3), min(3, 1, 2), max("abc"), sorted("cba"), ord("A"), chr(66))
print("sum/any/all:", sum([1, 2]), sum([], 10), any([0, 1]), all([1, 0]))
print("repr/str:", repr("q"), str(12), repr([1, "a"]), str(None), repr(None))
print("hash equal:", hash(1) == hash(1.0), hash("a") == hash("a"))
print("divmod/round:", divmod(9, 4), round(2.675, 1) in (2.7, 2.6))
print("docstring present:", documented.__doc__ if hasattr(documented, "__doc__") and documented.__doc__ else "docstrings stripped")
