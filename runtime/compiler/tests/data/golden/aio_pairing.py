# Async state machine for a BLE-like pairing flow: each state is an async method that
# returns the next state name; events are delivered through an asyncio.Event mailbox.
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


class Mailbox:
    def __init__(self):
        self.q = []
        self.ev = asyncio.Event()

    def post(self, *events):
        self.q.extend(events)
        self.ev.set()

    async def next(self):
        while not self.q:
            self.ev.clear()
            await self.ev.wait()
        return self.q.pop(0)


class Pairing:
    def __init__(self, box, pin):
        self.box = box
        self.pin = pin
        self.trace = []
        self.attempts = 0

    async def run(self, state="idle"):
        while state != "done":
            handler = getattr(self, "st_" + state)
            nxt = await handler()
            self.trace.append("%s->%s" % (state, nxt))
            state = nxt
        return self.trace[-2].split("->")[1] if len(self.trace) > 1 else state

    async def st_idle(self):
        ev = await self.box.next()
        return "advertising" if ev == "start" else "idle"

    async def st_advertising(self):
        ev = await self.box.next()
        if ev == "connect":
            return "auth"
        if ev == "stop":
            return "idle"
        return "advertising"

    async def st_auth(self):
        ev = await self.box.next()
        if ev.startswith("pin:"):
            self.attempts += 1
            if ev[4:] == self.pin:
                return "bonded"
            return "locked" if self.attempts >= 3 else "auth"
        return "advertising" if ev == "disconnect" else "auth"

    async def st_bonded(self):
        ev = await self.box.next()
        return "done" if ev == "disconnect" else "bonded"

    async def st_locked(self):
        for _ in range(3):
            await asyncio.sleep_ms(0)
        return "done"


async def feeder(box, script):
    for ev in script:
        box.post(ev)
        await asyncio.sleep(0)


async def scenario(name, script):
    box = Mailbox()
    fsm = Pairing(box, "4711")
    task = asyncio.create_task(feeder(box, script))
    try:
        last = await asyncio.wait_for_ms(fsm.run(), 200)
    except asyncio.TimeoutError:
        last = "timeout"
    await task
    print("%-9s final=%-8s attempts=%d" % (name, last, fsm.attempts))
    print("          " + " ".join(fsm.trace))


async def main():
    await scenario("happy", ["start", "connect", "pin:4711", "disconnect"])
    await scenario("retry", ["start", "noise", "connect", "pin:0000", "pin:4711", "ping", "disconnect"])
    await scenario("locked", ["start", "connect", "pin:1", "pin:2", "pin:3"])
    await scenario("stalled", ["start", "stop", "start", "connect"])
    return "ok"


print(run(main()))
