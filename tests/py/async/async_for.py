class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def collect():
    seen = []
    async for value in Ticker(3):
        seen.append(value)
    else:
        seen.append("else")
    async for value in Ticker(5):
        if value == 2:
            break
        seen.append(value * 10)
    return seen


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


print(run(collect()))
