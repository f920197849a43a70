# async def, await, async for and async with, run by a small event loop written in Python.
class Sleep:
    def __init__(self, rounds):
        self.rounds = rounds

    def __await__(self):
        for _ in range(self.rounds):
            yield self

    __iter__ = __await__


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
        await Sleep(1)
        return self.i


class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    async def __aenter__(self):
        self.log.append("enter " + self.name)
        await Sleep(1)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.log.append("exit %s %s" % (self.name, exc_type.__name__ if exc_type else None))
        return exc_type is KeyError


async def compute(x):
    await Sleep(2)
    return x * 10


async def task(name, log):
    total = 0
    async for value in Ticker(3):
        total += value
        log.append("%s tick %d" % (name, value))
    async with Resource(name, log) as r:
        log.append("inside " + r.name)
    async with Resource(name + "!", log):
        raise KeyError("swallowed")
    result = await compute(total)
    log.append("%s result %d" % (name, result))
    return result


def run(coros):
    queue = list(coros)
    results = {}
    rounds = 0
    while queue:
        rounds += 1
        index, coro = queue.pop(0)
        try:
            coro.send(None)
            queue.append((index, coro))
        except StopIteration as stop:
            results[index] = stop.value
    return [results[i] for i in sorted(results)], rounds


log = []
print(run([(0, task("a", log)), (1, task("b", log))]))
for line in log:
    print(line)


async def failing():
    await Sleep(1)
    raise ValueError("inside coroutine")


coro = failing()
coro.send(None)
try:
    coro.send(None)
except ValueError as e:
    print("coroutine raised", e)


async def cancellable(log):
    try:
        await Sleep(5)
    except GeneratorExit:
        log.append("closed")
        raise


log = []
c = cancellable(log)
c.send(None)
c.close()
print(log)
print(isinstance(StopAsyncIteration(), Exception))
