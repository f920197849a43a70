x = None
print(x, type(x), x is None, x == None, x is not None, bool(x), str(x), repr(x))
def nothing():
    pass
print(nothing(), nothing() is None, [None] * 2, {None: 1}[None])
print(None in [1, None], (None,) == (None,), hash(None) == hash(None))
try:
    None + 1
except TypeError:
    print("TypeError")
