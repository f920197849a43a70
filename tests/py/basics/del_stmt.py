x = 1
del x
try:
    x
except NameError:
    print("x is gone")
items = [0, 1, 2, 3, 4, 5]
del items[0]
del items[-1]
print(items)
del items[1:3]
print(items)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(sorted(d))
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)


class Obj:
    pass


o = Obj()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
try:
    print(a)
except NameError:
    print("a deleted too")


def local_del():
    v = 5
    del v
    try:
        return v
    except NameError:
        return "local deleted"


print(local_del())
