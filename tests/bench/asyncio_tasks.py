# asyncio-heavy: the project's own asyncio package (manifests/lib/asyncio,
# the same Python code on both runners) scheduling many tasks that hand work
# to each other through an Event, a Lock and sleep(0), then gather them.
import asyncio

TASKS = 40
ROUNDS = 150


async def producer(events, lock, counter):
    for round_number in range(ROUNDS):
        async with lock:
            counter[0] += round_number
        events[round_number % len(events)].set()
        await asyncio.sleep(0)


async def consumer(index, event, totals):
    seen = 0
    while seen < ROUNDS // 4:
        await event.wait()
        event.clear()
        totals[index] += 1
        seen += 1
        await asyncio.sleep(0)
    return seen


async def main():
    lock = asyncio.Lock()
    counter = [0]
    grand = 0
    for _ in range(4):
        events = [asyncio.Event() for _ in range(TASKS // 10)]
        totals = [0] * len(events)
        consumers = [asyncio.create_task(consumer(i, events[i], totals)) for i in range(len(events))]
        producers = [producer(events, lock, counter) for _ in range(TASKS - len(events))]
        await asyncio.gather(*producers)
        for event in events:
            event.set()
        results = await asyncio.gather(*consumers)
        grand += sum(results)
    print(counter[0], grand)


asyncio.run(main())
