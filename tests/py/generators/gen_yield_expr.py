def gen():
    x = yield 1
    print("x =", x)
    y = yield x * 2 if x else "no x"
    print("y =", y)
    z = (yield) or "default"
    print("z =", z)


g = gen()
print(next(g))
print(g.send(21))
print(g.send("why"))
try:
    g.send(None)
except StopIteration:
    print("done")
