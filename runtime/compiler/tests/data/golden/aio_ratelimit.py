# Token-bucket rate limiter shared by asyncio tasks, with a virtual millisecond clock
# advanced by a ticker task, so the output does not depend on real time.
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


class VClock:
    def __init__(self):
        self.ms = 0


class TokenBucket:
    def __init__(self, clock, rate_per_s, burst):
        self.clock = clock
        self.rate = rate_per_s
        self.burst = burst
        self.tokens = float(burst)
        self.stamp = 0
        self.denied = 0

    def _refill(self):
        dt = self.clock.ms - self.stamp
        self.stamp = self.clock.ms
        self.tokens = min(self.burst, self.tokens + dt * self.rate / 1000)

    def try_take(self, n=1):
        self._refill()
        if self.tokens >= n:
            self.tokens -= n
            return True
        self.denied += 1
        return False

    async def take(self, n=1):
        while not self.try_take(n):
            await asyncio.sleep_ms(0)


async def ticker(clock, step, until):
    while clock.ms < until:
        clock.ms += step
        await asyncio.sleep_ms(0)


async def sender(name, bucket, clock, count, log, cost=1):
    for i in range(count):
        await bucket.take(cost)
        log.append((clock.ms, name, i))
    return name


async def main():
    clock = VClock()
    bucket = TokenBucket(clock, rate_per_s=20, burst=3)
    log = []
    tick = asyncio.create_task(ticker(clock, 10, 2000))
    await asyncio.gather(sender("gps", bucket, clock, 5, log), sender("lora", bucket, clock, 4, log, cost=2))
    print("sent", len(log), "messages by t=%d ms, denied polls %d" % (clock.ms, bucket.denied))
    for t, name, i in log:
        print("  %5d ms %-4s #%d" % (t, name, i))
    gaps = [b[0] - a[0] for a, b in zip(log, log[1:])]
    print("gaps", gaps)
    start = clock.ms
    burst = [bucket.try_take() for _ in range(6)]
    print("instant burst", burst, "tokens left %.2f" % bucket.tokens)
    await tick
    print("clock stopped at", clock.ms, "elapsed since burst", clock.ms - start)
    bucket._refill()
    print("refilled tokens %.1f of %d" % (bucket.tokens, bucket.burst))
    return len(log)


print("total", run(main()))
