# A scheduler with a virtual clock: coroutines await Sleep(n) and wake in order.
class Sleep:
    def __init__(self, delay):
        self.delay = delay

    def __iter__(self):
        yield self.delay

    __await__ = __iter__


async def task(name, delays, log):
    for d in delays:
        await Sleep(d)
        log.append(name)


def run(coros):
    now = 0
    queue = [(0, i, c) for i, c in enumerate(coros)]
    order = len(queue)
    while queue:
        queue.sort(key=lambda entry: (entry[0], entry[1]))
        wake, _, coro = queue.pop(0)
        now = wake
        try:
            delay = coro.send(None)
        except StopIteration:
            continue
        order += 1
        queue.append((now + delay, order, coro))
    return now


log = []
end = run([task("slow", [5, 5], log), task("fast", [1, 1, 1], log), task("mid", [3], log)])
print(log, end)
