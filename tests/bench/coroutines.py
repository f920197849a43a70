# An asyncio-style scheduler written in Python: coroutines that await a
# yielding awaitable, run round-robin by a small event loop.
class Yield:
    def __await__(self):
        yield None

    __iter__ = __await__


async def worker(name, steps, log):
    total = 0
    for i in range(steps):
        total += i
        await Yield()
    log.append((name, total))
    return total


def run(coros):
    queue = list(coros)
    results = 0
    while queue:
        coro = queue.pop(0)
        try:
            coro.send(None)
            queue.append(coro)
        except StopIteration as stop:
            results += stop.value
    return results


log = []
print(run([worker(i, 3000, log) for i in range(8)]), len(log))
