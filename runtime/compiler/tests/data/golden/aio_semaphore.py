# Counting semaphore and barrier built on asyncio.Event, limiting concurrent ADC
# conversions and synchronising worker phases.
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


class Semaphore:
    def __init__(self, value):
        self.value = value
        self.ev = asyncio.Event()
        self.peak_waiting = 0
        self.waiting = 0

    async def acquire(self):
        while self.value == 0:
            self.waiting += 1
            self.peak_waiting = max(self.peak_waiting, self.waiting)
            self.ev.clear()
            await self.ev.wait()
            self.waiting -= 1
        self.value -= 1

    def release(self):
        self.value += 1
        self.ev.set()

    async def __aenter__(self):
        await self.acquire()
        return self

    async def __aexit__(self, *exc):
        self.release()


class Barrier:
    def __init__(self, parties):
        self.parties = parties
        self.count = 0
        self.generation = 0
        self.ev = asyncio.Event()

    async def wait(self):
        gen = self.generation
        self.count += 1
        if self.count == self.parties:
            self.count = 0
            self.generation += 1
            self.ev.set()
            return True
        while gen == self.generation:
            await self.ev.wait()
            if gen == self.generation:
                self.ev.clear()
        return False


active = [0]
peak = [0]
events = []


async def convert(sem, ch):
    async with sem:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        events.append("start%d" % ch)
        for _ in range(ch % 3 + 1):
            await asyncio.sleep_ms(0)
        active[0] -= 1
        events.append("end%d" % ch)
    return ch * 100


async def phased(name, barrier, phases, log):
    leader_count = 0
    for p in range(phases):
        for _ in range(len(name)):
            await asyncio.sleep(0)
        log.append("%s:p%d" % (name, p))
        if await barrier.wait():
            leader_count += 1
            log.append("--- phase %d complete" % p)
    return leader_count


async def main():
    sem = Semaphore(2)
    results = await asyncio.gather(*[convert(sem, ch) for ch in range(6)])
    print("results", results)
    print("peak concurrency", peak[0], "peak waiting", sem.peak_waiting, "final value", sem.value)
    print("events", " ".join(events))
    barrier = Barrier(3)
    log = []
    leaders = await asyncio.gather(phased("a", barrier, 3, log), phased("bbb", barrier, 3, log),
                                   phased("cc", barrier, 3, log))
    for line in log:
        print(line)
    print("leaders", leaders, "generation", barrier.generation)
    ok = True
    phase_of = [int(l.split(":p")[1]) for l in log if ":p" in l]
    for i in range(1, len(phase_of)):
        ok = ok and phase_of[i] >= phase_of[i - 1]
    print("phases monotonic", ok)
    return barrier.generation


print("generations", run(main()))
