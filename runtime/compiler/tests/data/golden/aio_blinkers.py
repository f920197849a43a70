# Cooperative LED blinkers: several asyncio tasks toggle simulated pins with different
# periods measured in scheduler rounds (sleep_ms(0)), and a supervisor stops them.
import asyncio


def run(main):
    # The WebAssembly port's asyncio is driven by the JS event loop and has no
    # asyncio.run(); drive its scheduler by hand there.
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


class Pin:
    def __init__(self, name):
        self.name = name
        self.level = 0
        self.toggles = 0

    def toggle(self):
        self.level ^= 1
        self.toggles += 1


class Clock:
    def __init__(self):
        self.rounds = 0


async def ticker(clock, stop):
    while not stop[0]:
        clock.rounds += 1
        await asyncio.sleep_ms(0)


async def blink(pin, period, clock, stop, trace):
    next_at = period
    while not stop[0]:
        if clock.rounds >= next_at:
            pin.toggle()
            trace.append((clock.rounds, pin.name, pin.level))
            next_at += period
        await asyncio.sleep_ms(0)
    return pin.toggles


async def pattern(pin, morse, clock, stop, trace):
    # dots = 1 round on, dashes = 3 rounds on, 1 round gap
    for sym in morse:
        on = 1 if sym == "." else 3
        pin.level = 1
        trace.append((clock.rounds, pin.name, "on"))
        start = clock.rounds
        while clock.rounds - start < on:
            await asyncio.sleep(0)
        pin.level = 0
        start = clock.rounds
        while clock.rounds - start < 1:
            await asyncio.sleep(0)
    return morse


async def main():
    clock = Clock()
    stop = [False]
    trace = []
    pins = [Pin("red"), Pin("green"), Pin("blue")]
    tick = asyncio.create_task(ticker(clock, stop))
    tasks = [asyncio.create_task(blink(p, per, clock, stop, trace)) for p, per in zip(pins, (3, 5, 7))]
    sos_pin = Pin("sos")
    sos = await pattern(sos_pin, "...---...", clock, stop, trace)
    print("pattern", sos, "finished at round", clock.rounds)
    while clock.rounds < 40:
        await asyncio.sleep_ms(0)
    stop[0] = True
    counts = []
    for t in tasks:
        counts.append(await t)
    await tick
    print("toggle counts", counts, "levels", [p.level for p in pins])
    by_pin = {}
    for r, name, lvl in trace:
        by_pin.setdefault(name, []).append(r)
    for name in sorted(by_pin):
        print("%-5s rounds %s" % (name, by_pin[name][:10]))
    first = trace[:8]
    print("first events", first)
    return clock.rounds


print("stopped after", run(main()), "rounds")
