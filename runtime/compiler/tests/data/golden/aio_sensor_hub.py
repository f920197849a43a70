# Async sensor hub: each sensor driver is an object with an async read(); the hub polls
# them at different rates (in scheduler rounds), caches values, and flags stale data.
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


class BaseSensor:
    kind = "generic"

    def __init__(self, name, period, latency):
        self.name = name
        self.period = period
        self.latency = latency
        self.reads = 0

    async def read(self):
        for _ in range(self.latency):
            await asyncio.sleep_ms(0)
        self.reads += 1
        return self.sample(self.reads)

    def sample(self, n):
        return n

    def __repr__(self):
        return "<%s %s every %d>" % (self.kind, self.name, self.period)


class Thermo(BaseSensor):
    kind = "thermo"

    def sample(self, n):
        return 20.0 + (n % 5) * 0.25


class Light(BaseSensor):
    kind = "light"

    def sample(self, n):
        return (n * 137) % 1000


class Flaky(Thermo):
    kind = "flaky"

    def sample(self, n):
        if n % 3 == 0:
            raise OSError(5)
        return super().sample(n) + 100


class Hub:
    def __init__(self, sensors):
        self.sensors = sensors
        self.cache = {}
        self.round = 0
        self.errors = []

    async def poller(self, s, rounds):
        while self.round < rounds:
            try:
                v = await s.read()
                self.cache[s.name] = (v, self.round)
            except OSError as e:
                self.errors.append((self.round, s.name, e.errno))
            for _ in range(s.period):
                await asyncio.sleep_ms(0)

    async def clock(self, rounds):
        while self.round < rounds:
            self.round += 1
            await asyncio.sleep_ms(0)

    def snapshot(self, max_age):
        out = []
        for s in self.sensors:
            v, at = self.cache.get(s.name, (None, -999))
            age = self.round - at
            out.append("%s=%s%s" % (s.name, ("%.2f" % v) if isinstance(v, float) else v, "(stale)" if age > max_age else ""))
        return " ".join(out)


async def runner():
    sensors_done = await main_with_clock()
    return sensors_done


async def main_with_clock():
    sensors = [Thermo("t1", 3, 1), Light("lux", 5, 0), Flaky("t2", 2, 2), Thermo("t3", 50, 1)]
    print(sensors)
    hub = Hub(sensors)
    tasks = [asyncio.create_task(hub.poller(s, 30)) for s in sensors]
    tick = asyncio.create_task(hub.clock(30))
    snaps = []
    while hub.round < 30:
        await asyncio.sleep_ms(0)
        if hub.round % 10 == 0 and hub.round // 10 > len(snaps):
            snaps.append("r%02d %s" % (hub.round, hub.snapshot(6)))
    await tick
    await asyncio.gather(*tasks)
    for s in snaps:
        print(s)
    print("reads", [(s.name, s.reads) for s in sensors])
    print("errors", hub.errors)
    print("final", hub.snapshot(6))
    return len(hub.errors)


print("error count", run(runner()))
