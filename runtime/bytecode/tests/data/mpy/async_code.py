async def fetch(x):
    return x * 2


class Resource:
    async def __aenter__(self):
        return self

    async def __aexit__(self, a, b, c):
        return False


class Stream:
    def __init__(self):
        self.n = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.n += 1
        if self.n > 3:
            raise StopAsyncIteration
        return self.n


async def main():
    v = await fetch(1)
    async with Resource() as r:
        v += 1
    async for item in Stream():
        v += item
    return v


coro = main()
try:
    coro.send(None)
except StopIteration as e:
    print(e.value)
