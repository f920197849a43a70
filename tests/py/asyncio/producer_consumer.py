# A bounded buffer built from asyncio.Event, as MicroPython's asyncio has no Queue.
import asyncio


class Buffer:
    def __init__(self):
        self.items = []
        self.changed = asyncio.Event()

    def put(self, item):
        self.items.append(item)
        self.changed.set()

    async def get(self):
        while not self.items:
            self.changed.clear()
            await self.changed.wait()
        return self.items.pop(0)


async def producer(buf, n):
    for i in range(n):
        buf.put(i)
        await asyncio.sleep_ms(1)
    buf.put(None)


async def consumer(buf):
    got = []
    while True:
        item = await buf.get()
        if item is None:
            return got
        got.append(item)


async def main():
    buf = Buffer()
    c = asyncio.create_task(consumer(buf))
    await producer(buf, 5)
    print(await c)


asyncio.run(main())
