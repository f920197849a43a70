# Shared I2C bus guarded by asyncio.Lock with `async with`, a custom async context
# manager that tracks bus transactions, and tasks that would interleave without the lock.
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


class Bus:
    def __init__(self):
        self.owner = None
        self.transcript = []
        self.collisions = 0

    async def transfer(self, who, data):
        for b in data:
            if self.owner not in (None, who):
                self.collisions += 1
            self.owner = who
            self.transcript.append("%s:%02x" % (who, b))
            await asyncio.sleep_ms(0)
        self.owner = None


class Transaction:
    """async context manager: acquire the lock, count, release even on error."""

    count = 0

    def __init__(self, lock, name):
        self.lock = lock
        self.name = name

    async def __aenter__(self):
        await self.lock.acquire()
        Transaction.count += 1
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.lock.release()
        if exc_type is ValueError:
            print("  txn %s swallowed: %s" % (self.name, exc))
            return True
        return False


async def device(name, bus, lock, payloads, use_lock=True):
    for p in payloads:
        if use_lock:
            async with lock:
                await bus.transfer(name, p)
        else:
            await bus.transfer(name, p)
        await asyncio.sleep(0)
    return name


async def risky(lock, bus):
    async with Transaction(lock, "risky") as t:
        await bus.transfer("R", b"\x01")
        raise ValueError("sensor NAK")
    return "risky survived, lock free=%s" % (not lock.locked())


async def fatal(lock):
    async with Transaction(lock, "fatal"):
        raise KeyError("boom")


async def main():
    payloads = [b"\x10\x11\x12", b"\x20\x21"]
    bus = Bus()
    await asyncio.gather(device("A", bus, None, payloads, False), device("B", bus, None, payloads, False))
    print("unlocked: collisions", bus.collisions, "transcript", " ".join(bus.transcript[:8]))
    bus = Bus()
    lock = asyncio.Lock()
    names = await asyncio.gather(device("A", bus, lock, payloads), device("B", bus, lock, payloads),
                                 device("C", bus, lock, [b"\xff"]))
    print("locked: collisions", bus.collisions, "finished", names)
    print("transcript", " ".join(bus.transcript))
    print(await risky(lock, bus))
    try:
        await fatal(lock)
    except KeyError as e:
        print("KeyError propagated:", e, "locked:", lock.locked())
    print("transactions", Transaction.count)
    return bus.collisions


print("result", run(main()))
