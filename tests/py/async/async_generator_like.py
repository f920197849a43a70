# async iteration over a class that awaits inside __anext__.
class Pause:
    def __iter__(self):
        yield "paused"

    __await__ = __iter__


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Pause()
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def main():
    return await gather_values()


async def gather_values():
    out = []
    async for v in Countdown(3):
        out.append(v)
    return out


c = main()
pauses = 0
try:
    while True:
        c.send(None)
        pauses += 1
except StopIteration as e:
    print(e.value, pauses)
