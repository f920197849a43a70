class Step:
    def __iter__(self):
        value = yield "step"
        return value

    __await__ = __iter__


async def leaf(n):
    got = await Step()
    return n + got


async def middle():
    a = await leaf(1)
    b = await leaf(10)
    return a, b


async def top():
    return await middle()


c = top()
print(c.send(None))
print(c.send(100))
try:
    c.send(1000)
except StopIteration as e:
    print(e.value)
