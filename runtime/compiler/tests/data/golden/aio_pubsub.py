# Publish/subscribe event bus for asyncio tasks: topic wildcards, per-subscriber mailboxes
# built on asyncio.Event, and graceful shutdown.
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


def topic_matches(pattern, topic):
    p, t = pattern.split("/"), topic.split("/")
    for i, part in enumerate(p):
        if part == "#":
            return True
        if i >= len(t) or (part != "+" and part != t[i]):
            return False
    return len(p) == len(t)


class Mailbox:
    def __init__(self):
        self.items = []
        self.ev = asyncio.Event()

    def post(self, item):
        self.items.append(item)
        self.ev.set()

    async def take(self):
        while not self.items:
            self.ev.clear()
            await self.ev.wait()
        return self.items.pop(0)


class Bus:
    def __init__(self):
        self.subs = []
        self.published = 0

    def subscribe(self, pattern):
        box = Mailbox()
        self.subs.append((pattern, box))
        return box

    def publish(self, topic, payload):
        self.published += 1
        n = 0
        for pattern, box in self.subs:
            if topic_matches(pattern, topic):
                box.post((topic, payload))
                n += 1
        return n

    def close(self):
        for _, box in self.subs:
            box.post(None)


async def listener(name, box, out):
    while True:
        msg = await box.take()
        if msg is None:
            return name
        topic, payload = msg
        out.append("%-8s got %-18s %s" % (name, topic, payload))
        await asyncio.sleep_ms(0)


async def publisher(bus, events):
    fanout = []
    for topic, payload in events:
        fanout.append(bus.publish(topic, payload))
        await asyncio.sleep(0)
    return fanout


async def main():
    for pat, topic in (("a/+/c", "a/b/c"), ("a/#", "a"), ("a/#", "a/b/c"), ("+", "a/b"), ("a/b", "a/b")):
        print("match %-6s %-6s %s" % (pat, topic, topic_matches(pat, topic)))
    bus = Bus()
    out = []
    listeners = [
        asyncio.create_task(listener("all", bus.subscribe("#"), out)),
        asyncio.create_task(listener("temps", bus.subscribe("sensor/+/temp"), out)),
        asyncio.create_task(listener("kitchen", bus.subscribe("sensor/kitchen/#"), out)),
        asyncio.create_task(listener("alarms", bus.subscribe("alarm/#"), out)),
    ]
    events = [("sensor/kitchen/temp", 21.5), ("sensor/hall/temp", 19.0), ("sensor/kitchen/hum", 44),
              ("alarm/smoke", "kitchen"), ("status", "ok"), ("sensor/kitchen", "raw")]
    fanout = await publisher(bus, events)
    print("fanout", fanout)
    bus.close()
    names = await asyncio.gather(*listeners)
    print("stopped", names)
    for line in out:
        print(line)
    per = {}
    for line in out:
        k = line.split()[0]
        per[k] = per.get(k, 0) + 1
    print("deliveries", sorted(per.items()), "published", bus.published)
    return sum(fanout)


print("total deliveries", run(main()))
