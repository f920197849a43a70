assert 1 + 1 == 2
assert True, "message"
x = [1, 2, 3]
y = {1: "one", 2: "two"}
z = {1, 2, 3}
w = {}
x.append(4)
y.update({3: "three"})
print(__name__, __file__ if False else None, x, y, z, w, len(x), x[0], y[1])
print(type(x) is list, callable(print), getattr(x, "append") is not None)
if __debug__:
    print("debug")
while False:
    pass
