# async def / await / async for / async with, driven by a tiny hand-written
# event loop (this MicroPython port's asyncio has no asyncio.run), plus a
# check that the real asyncio coroutines can be stepped manually.
import asyncio


class Sleep:
    # awaitable: MicroPython awaits via __iter__
    def __init__(self, ticks):
        self.ticks = ticks

    def __iter__(self):
        yield ("sleep", self.ticks)
        return self.ticks

    __await__ = __iter__


class Loop:
    def __init__(self):
        self.now = 0
        self.ready = []
        self.log = []

    def spawn(self, coro, name):
        self.ready.append((0, len(self.ready), name, coro, None))

    def run(self):
        seq = 100
        results = {}
        while self.ready:
            self.ready.sort()
            when, _, name, coro, val = self.ready.pop(0)
            self.now = max(self.now, when)
            try:
                req = coro.send(val)
            except StopIteration as e:
                results[name] = e.value
                self.log.append("t=%d %s finished -> %r" % (self.now, name, e.value))
                continue
            kind, ticks = req
            seq += 1
            self.ready.append((self.now + ticks, seq, name, coro, ticks))
        return results


async def worker(name, delays, log):
    total = 0
    for d in delays:
        got = await Sleep(d)
        total += got
        log.append("%s slept %d" % (name, d))
    return total


async def add_async(a, b):
    await Sleep(1)
    return a + b


async def compute(log):
    x = await add_async(1, 2)
    y = await add_async(x, 10)
    log.append("compute x=%d y=%d" % (x, y))
    return y * 2


class AsyncRange:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Sleep(1)
        self.i += 1
        return self.i - 1


class AsyncRes:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    async def __aenter__(self):
        await Sleep(1)
        self.log.append("open " + self.name)
        return self

    async def __aexit__(self, et, ev, tb):
        self.log.append("close %s (%s)" % (self.name, et.__name__ if et else "ok"))
        return False


async def consumer(log):
    seen = []
    async for v in AsyncRange(4):
        seen.append(v * 10)
    async with AsyncRes("file", log) as r:
        log.append("using " + r.name)
    try:
        async with AsyncRes("sock", log):
            raise OSError("reset")
    except OSError as e:
        log.append("handled " + str(e))
    return seen


log = []
loop = Loop()
loop.spawn(worker("A", [3, 1, 2], log), "A")
loop.spawn(worker("B", [2, 2], log), "B")
loop.spawn(compute(log), "C")
loop.spawn(consumer(log), "D")
res = loop.run()
for line in log:
    print(line)
for line in loop.log:
    print(line)
print("results:", sorted(res.items()))


async def real_sleep_step(n):
    out = []
    for i in range(n):
        await asyncio.sleep(0)
        out.append(i)
    return out


c = real_sleep_step(3)
steps = 0
try:
    while True:
        c.send(None)
        steps += 1
except StopIteration as e:
    print("asyncio.sleep(0) coroutine:", e.value, "steps:", steps)


async def raiser():
    await Sleep(1)
    raise ValueError("async failure")


async def catcher():
    try:
        await raiser()
    except ValueError as e:
        return "caught " + str(e)


l2 = Loop()
l2.spawn(catcher(), "X")
print(l2.run())
print("coroutine type name:", type(catcher()).__name__ in ("coroutine", "generator"))
