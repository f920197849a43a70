o = object()
print(type(o).__name__, o == o, o != object(), isinstance(o, object))
class Plain:
    pass
a = Plain()
b = Plain()
print(a == a, a == b, a != b, a is not b)
print(str(a).startswith("<"), repr(a).startswith("<"))
try:
    o.attr = 1
except AttributeError:
    print("AttributeError")
print(hash(a) == hash(a), hash(a) != hash(b) or True)
