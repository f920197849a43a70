def gen():
    yield 1
    yield 2


g = gen()
print(hasattr(g, "send"), hasattr(g, "throw"))
print(g.__next__(), next(g))
it = iter(g)
print(it is g, list(it))
print(type(g).__name__)
