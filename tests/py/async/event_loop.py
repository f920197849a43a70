# A tiny round-robin scheduler written in Python, driving coroutines by hand.
class Yield:
    def __iter__(self):
        yield

    __await__ = __iter__


async def worker(name, steps, log):
    for i in range(steps):
        log.append("%s%d" % (name, i))
        await Yield()
    return name + " done"


def run_all(coros):
    ready = list(coros)
    results = {}
    while ready:
        coro = ready.pop(0)
        try:
            coro.send(None)
        except StopIteration as e:
            results[e.value] = True
            continue
        ready.append(coro)
    return sorted(results)


log = []
print(run_all([worker("a", 3, log), worker("b", 1, log), worker("c", 2, log)]))
print(log)
