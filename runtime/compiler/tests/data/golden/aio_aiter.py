# Async iteration: `async for` over async iterator classes (a sensor stream, a paged
# log reader), async context managers, and a sliding-window statistics consumer.
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


class SensorStream:
    """Yields `count` readings; each __anext__ awaits the scheduler once."""

    def __init__(self, name, values):
        self.name = name
        self.values = list(values)
        self.i = 0
        self.awaits = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= len(self.values):
            raise StopAsyncIteration
        await asyncio.sleep_ms(0)
        self.awaits += 1
        v = self.values[self.i]
        self.i += 1
        return self.i - 1, v


class PagedLog:
    def __init__(self, lines, page=3):
        self.lines = lines
        self.page = page

    def __aiter__(self):
        self.pos = 0
        self.buf = []
        return self

    async def _fetch(self):
        await asyncio.sleep(0)
        chunk = self.lines[self.pos:self.pos + self.page]
        self.pos += len(chunk)
        return chunk

    async def __anext__(self):
        if not self.buf:
            self.buf = await self._fetch()
            if not self.buf:
                raise StopAsyncIteration
        return self.buf.pop(0)


class Session:
    def __init__(self, name):
        self.name = name
        self.events = []

    async def __aenter__(self):
        await asyncio.sleep_ms(0)
        self.events.append("open")
        return self

    async def __aexit__(self, et, ev, tb):
        self.events.append("close" if et is None else "close-after-" + et.__name__)
        return False


class Window:
    def __init__(self, n):
        self.n = n
        self.data = []

    def push(self, v):
        self.data.append(v)
        if len(self.data) > self.n:
            self.data.pop(0)

    @property
    def mean(self):
        return sum(self.data) / len(self.data)

    @property
    def spread(self):
        return max(self.data) - min(self.data)


async def consume(stream, win, out):
    async for i, v in stream:
        win.push(v)
        out.append("%s[%d]=%5.1f mean=%6.2f spread=%4.1f" % (stream.name, i, v, win.mean, win.spread))
    return stream.awaits


async def main():
    temps = [20.0 + ((i * 7) % 5) * 0.5 for i in range(8)]
    hums = [40.0 + i * 1.5 for i in range(5)]
    out_t, out_h = [], []
    awaits = await asyncio.gather(consume(SensorStream("T", temps), Window(3), out_t),
                                  consume(SensorStream("H", hums), Window(2), out_h))
    for line in out_t + out_h:
        print(line)
    print("awaits", awaits)
    lines = ["boot", "wifi up", "ntp ok", "sensor 1", "sensor 2", "low batt", "sleep"]
    got = []
    async for line in PagedLog(lines):
        if line.startswith("sensor"):
            continue
        got.append(line)
        if line == "low batt":
            break
    print("log lines", got)
    count = 0
    async for _ in PagedLog([]):
        count += 1
    print("empty log count", count)
    s = Session("s1")
    async with s:
        async for i, v in SensorStream("x", [1, 2]):
            s.events.append("read %d" % v)
    try:
        async with s:
            raise RuntimeError("link lost")
    except RuntimeError as e:
        print("caught", e)
    print("session events", s.events)
    return len(out_t) + len(out_h)


print("total lines", run(main()))
