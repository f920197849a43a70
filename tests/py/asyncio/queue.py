# rime-only: MicroPython 1.27's asyncio has no Queue; rime's frozen asyncio adds one (expected output from CPython)
# Queue: producer and consumer with a bounded queue, and the nowait forms.
import asyncio

log = []


async def producer(queue, count):
    for i in range(count):
        await queue.put(i)
        log.append("put %d (size %d)" % (i, queue.qsize()))
    await queue.put(None)


async def consumer(queue, seen):
    while True:
        item = await queue.get()
        if item is None:
            return len(seen)
        seen.append(item)
        log.append("got %d" % item)


async def main():
    queue = asyncio.Queue(2)
    print(queue.empty(), queue.full(), queue.qsize())
    seen = []
    consumed = asyncio.create_task(consumer(queue, seen))
    await producer(queue, 5)
    print("consumed", await consumed, seen)
    print("max size stayed within 2:", all(int(line[-2]) <= 2 for line in log if line.startswith("put")))
    small = asyncio.Queue(1)
    small.put_nowait("x")
    print("full", small.full())
    try:
        small.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull")
    print(small.get_nowait())
    try:
        small.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    unbounded = asyncio.Queue()
    for i in range(10):
        unbounded.put_nowait(i)
    print("unbounded", unbounded.qsize(), unbounded.full())


asyncio.run(main())
