# Sensor pipeline with asyncio: sampler -> median filter -> threshold detector -> logger,
# stages connected by small channels, shut down by propagating an end marker.
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


_END = object()


class Channel:
    def __init__(self, size=2):
        self.size = size
        self.buf = []
        self.changed = asyncio.Event()
        self.max_fill = 0

    async def send(self, v):
        while len(self.buf) >= self.size:
            self.changed.clear()
            await self.changed.wait()
        self.buf.append(v)
        self.max_fill = max(self.max_fill, len(self.buf))
        self.changed.set()

    async def recv(self):
        while not self.buf:
            self.changed.clear()
            await self.changed.wait()
        v = self.buf.pop(0)
        self.changed.set()
        return v


def signal(n):
    # deterministic "noisy" waveform with spikes
    out = []
    for i in range(n):
        base = 20 + (i % 10) * 0.8 if i < 20 else 28 - (i - 20) * 0.6
        spike = 15 if i in (5, 13, 27) else 0
        out.append(round(base + spike, 2))
    return out


async def sampler(out, values):
    for v in values:
        await out.send(v)
        await asyncio.sleep_ms(0)
    await out.send(_END)
    return len(values)


async def median_filter(inp, out, k=3):
    window = []
    n = 0
    while True:
        v = await inp.recv()
        if v is _END:
            await out.send(_END)
            return n
        window.append(v)
        if len(window) > k:
            window.pop(0)
        await out.send(sorted(window)[len(window) // 2])
        n += 1


async def detector(inp, out, high=26.0, low=24.0):
    state = False
    i = 0
    while True:
        v = await inp.recv()
        if v is _END:
            await out.send(_END)
            return i
        if not state and v >= high:
            state = True
            await out.send(("ALARM", i, v))
        elif state and v <= low:
            state = False
            await out.send(("CLEAR", i, v))
        i += 1


async def logger(inp, lines):
    while True:
        item = await inp.recv()
        if item is _END:
            return len(lines)
        lines.append("%-5s at sample %2d value %.2f" % item)


async def main():
    raw = signal(32)
    print("raw", raw[:12], "...")
    c1, c2, c3 = Channel(), Channel(), Channel(1)
    lines = []
    counts = await asyncio.gather(sampler(c1, raw), median_filter(c1, c2), detector(c2, c3), logger(c3, lines))
    print("counts", counts)
    for l in lines:
        print(l)
    print("max fill", [c.max_fill for c in (c1, c2, c3)])
    plain = []
    await asyncio.gather(sampler(c1, raw), detector(c1, c3), logger(c3, plain))
    print("without filter:", len(plain), "events vs", len(lines))
    return len(lines)


print("events", run(main()))
