async def f():
    return 1


def g():
    yield 1


c = f()
print(type(c).__name__, type(g()).__name__)
print(hasattr(c, "send"), hasattr(c, "throw"), hasattr(c, "close"))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
