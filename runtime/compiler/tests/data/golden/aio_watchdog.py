# Software watchdog for asyncio tasks: workers must "kick" within a deadline measured in
# scheduler rounds; a monitor cancels and restarts stalled workers.
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


class Watchdog:
    def __init__(self, timeout):
        self.timeout = timeout
        self.last = {}
        self.now = 0
        self.expired = []

    def kick(self, name):
        self.last[name] = self.now

    def check(self):
        late = [n for n, t in sorted(self.last.items()) if self.now - t > self.timeout]
        for n in late:
            del self.last[n]
            self.expired.append((self.now, n))
        return late


async def worker(name, wd, stall_at, work):
    i = 0
    try:
        while True:
            wd.kick(name)
            work.append(name)
            i += 1
            if i == stall_at:
                await asyncio.Event().wait()  # hang forever
            await asyncio.sleep_ms(0)
    except asyncio.CancelledError:
        work.append(name + "-killed")
        raise


async def monitor(wd, tasks, specs, work, rounds):
    restarts = {}
    for _ in range(rounds):
        wd.now += 1
        for name in wd.check():
            tasks[name].cancel()
            restarts[name] = restarts.get(name, 0) + 1
            stall = specs[name] * 3 if restarts[name] < 2 else 0
            tasks[name] = asyncio.create_task(worker(name, wd, stall, work))
        await asyncio.sleep_ms(0)
    for t in tasks.values():
        t.cancel()
    await asyncio.sleep_ms(0)
    return restarts


async def main():
    wd = Watchdog(timeout=3)
    specs = {"net": 4, "sensor": 0, "display": 7}
    work = []
    tasks = {n: asyncio.create_task(worker(n, wd, s, work)) for n, s in specs.items()}
    restarts = await monitor(wd, tasks, specs, work, 60)
    print("restarts", sorted(restarts.items()))
    print("expired", wd.expired)
    counts = {}
    for w in work:
        counts[w] = counts.get(w, 0) + 1
    print("work", sorted(counts.items()))
    kills = [w for w in work if w.endswith("-killed")]
    print("kill order", kills)
    return len(wd.expired)


print("expirations", run(main()))
