# Producer/consumer over a hand-written bounded async queue (MicroPython's asyncio has
# no Queue), with multiple producers, a sentinel shutdown, and back-pressure stats.
import asyncio


def run(main):
    if hasattr(asyncio, "run"):
        return asyncio.run(main)
    box = []

    async def top():
        try:
            box.append((True, await main))
        except Exception as e:
            box.append((False, e))

    asyncio.create_task(top())
    while not box:
        asyncio.core._run_iter()
    ok, value = box[0]
    if not ok:
        raise value
    return value


class QueueFull(Exception):
    pass


class Queue:
    def __init__(self, maxsize=0):
        self.items = []
        self.maxsize = maxsize
        self._put_ev = asyncio.Event()
        self._get_ev = asyncio.Event()
        self.put_waits = 0
        self.get_waits = 0

    def qsize(self):
        return len(self.items)

    def full(self):
        return 0 < self.maxsize <= len(self.items)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull()
        self.items.append(item)
        self._put_ev.set()

    async def put(self, item):
        while self.full():
            self.put_waits += 1
            self._get_ev.clear()
            await self._get_ev.wait()
        self.put_nowait(item)

    async def get(self):
        while not self.items:
            self.get_waits += 1
            self._put_ev.clear()
            await self._put_ev.wait()
        item = self.items.pop(0)
        self._get_ev.set()
        return item


async def producer(name, q, count, log):
    for i in range(count):
        item = "%s%d" % (name, i)
        await q.put(item)
        log.append("put " + item)
        if i % 2:
            await asyncio.sleep_ms(0)
    return name


async def consumer(cid, q, results):
    handled = 0
    while True:
        item = await q.get()
        if item is None:
            break
        results.append((cid, item))
        handled += 1
        await asyncio.sleep(0)
    return handled


async def main():
    q = Queue(maxsize=3)
    log = []
    results = []
    consumers = [asyncio.create_task(consumer(c, q, results)) for c in ("c1", "c2")]
    done = await asyncio.gather(producer("a", q, 5, log), producer("b", q, 4, log))
    print("producers done", done)
    for _ in consumers:
        await q.put(None)
    handled = []
    for t in consumers:
        handled.append(await t)
    print("handled per consumer", handled, "total", sum(handled))
    print("order", [item for _, item in results])
    print("by consumer", {c: [i for cc, i in results if cc == c] for c in ("c1",)})
    print("put waits", q.put_waits, "get waits", q.get_waits, "left", q.qsize())
    try:
        small = Queue(1)
        small.put_nowait(1)
        small.put_nowait(2)
    except QueueFull:
        print("QueueFull raised")
    return len(results)


print("items", run(main()))
