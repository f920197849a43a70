# asyncio.gather over sensor-read coroutines: results ordering, return_exceptions,
# fan-out/fan-in, and tasks created with create_task awaited later.
import asyncio

def run(main):
    # No asyncio.run() in the WebAssembly port (its loop is driven by JS): drive the
    # scheduler by hand there.
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


class SensorTimeout(Exception):
    pass


class Sensor:
    def __init__(self, name, values, delay_rounds, fail_at=()):
        self.name = name
        self.values = values
        self.delay = delay_rounds
        self.fail_at = fail_at
        self.reads = 0

    async def read(self):
        n = self.reads
        self.reads += 1
        for _ in range(self.delay):
            await asyncio.sleep_ms(0)
        if n in self.fail_at:
            raise SensorTimeout("%s read %d" % (self.name, n))
        return self.values[n % len(self.values)]


order = []


async def tracked(tag, coro):
    try:
        r = await coro
        order.append(tag)
        return r
    except Exception:
        order.append(tag + "!")
        raise


async def poll_all(sensors):
    return await asyncio.gather(*[tracked(s.name, s.read()) for s in sensors], return_exceptions=True)


async def square(x):
    await asyncio.sleep(0)
    return x * x


async def fan_out(n):
    tasks = [asyncio.create_task(square(i)) for i in range(n)]
    total = 0
    for t in tasks:
        total += await t
    return total


async def main():
    sensors = [Sensor("temp", [21.5, 21.7, 21.6], 3), Sensor("hum", [40, 41], 1, fail_at=(1,)),
               Sensor("press", [1013, 1012, 1011], 2), Sensor("co2", [415], 0, fail_at=(0, 2, 3))]
    for cycle in range(3):
        order.clear()
        results = await poll_all(sensors)
        shown = [("ERR(%s)" % r) if isinstance(r, Exception) else r for r in results]
        print("cycle", cycle, shown)
        print("   completion order", order)
    try:
        await asyncio.gather(sensors[3].read(), sensors[0].read())
        print("no error?")
    except SensorTimeout as e:
        print("gather raised:", e)
    print("fan out", await fan_out(10), "expected", sum(i * i for i in range(10)))
    nested = await asyncio.gather(asyncio.gather(square(2), square(3)), square(4))
    print("nested", nested)
    empty = await asyncio.gather()
    print("empty gather", empty)
    print("reads", {s.name: s.reads for s in sensors if s.reads > 3})
    return sum(s.reads for s in sensors)


print("total reads", run(main()))
