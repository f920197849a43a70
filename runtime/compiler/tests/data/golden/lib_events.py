# Event dispatcher: subscribe/unsubscribe, priorities, wildcard topics,
# one-shot handlers, event propagation stopping, deferred queue and
# error isolation between handlers.


class Event:
    def __init__(self, topic, **data):
        self.topic = topic
        self.data = data
        self.stopped = False

    def stop(self):
        self.stopped = True


class Dispatcher:
    def __init__(self):
        self.handlers = {}
        self.seq = 0
        self.queue = []
        self.errors = []

    def on(self, topic, fn, priority=0, once=False):
        self.seq += 1
        self.handlers.setdefault(topic, []).append((-priority, self.seq, fn, once))
        self.handlers[topic].sort(key=lambda h: (h[0], h[1]))
        return (topic, self.seq)

    def off(self, token):
        topic, seq = token
        lst = self.handlers.get(topic, [])
        self.handlers[topic] = [h for h in lst if h[1] != seq]
        return len(lst) != len(self.handlers[topic])

    def _matching(self, topic):
        found = []
        for pattern, hs in self.handlers.items():
            if pattern == topic or pattern == "*" or (
                    pattern.endswith(".*") and topic.startswith(pattern[:-1])):
                found.extend((h, pattern) for h in hs)
        found.sort(key=lambda x: (x[0][0], x[0][1]))
        return found

    def emit(self, topic, **data):
        ev = Event(topic, **data)
        called = 0
        for (prio, seq, fn, once), pattern in self._matching(topic):
            if once:
                self.off((pattern, seq))
            try:
                fn(ev)
                called += 1
            except Exception as e:
                self.errors.append("%s in handler %d: %s" % (type(e).__name__, seq, e))
            if ev.stopped:
                break
        return called

    def post(self, topic, **data):
        self.queue.append((topic, data))

    def pump(self):
        n = 0
        while self.queue:
            topic, data = self.queue.pop(0)
            self.emit(topic, **data)
            n += 1
        return n


log = []
bus = Dispatcher()


def logger(ev):
    log.append("log  %s %s" % (ev.topic, sorted(ev.data.items())))


def button(ev):
    log.append("btn  pressed pin=%d" % ev.data["pin"])
    if ev.data["pin"] == 99:
        ev.stop()


def guard(ev):
    log.append("guard (high priority)")
    if ev.data.get("pin") == 13:
        raise RuntimeError("pin 13 reserved")


def chain(ev):
    log.append("chain posts follow-up")
    bus.post("led.on", pin=ev.data["pin"] + 100)


bus.on("*", logger, priority=-10)
t_btn = bus.on("input.button", button)
bus.on("input.button", guard, priority=5)
bus.on("input.*", lambda ev: log.append("wildcard input " + ev.topic))
bus.on("input.button", chain, once=True)
bus.on("led.on", lambda ev: log.append("led on %d" % ev.data["pin"]))
print("called:", bus.emit("input.button", pin=2))
print("called:", bus.emit("input.button", pin=99))
print("called:", bus.emit("input.button", pin=13))
print("pumped:", bus.pump())
print("off:", bus.off(t_btn), bus.off(t_btn))
print("called:", bus.emit("input.button", pin=5))
print("called:", bus.emit("input.dial", value=7))
print("called:", bus.emit("other.topic"))
for line in log:
    print(" ", line)
print("errors:", bus.errors)
counts = {}


def counter(ev):
    counts[ev.topic] = counts.get(ev.topic, 0) + 1


b2 = Dispatcher()
b2.on("*", counter)
for i in range(20):
    b2.post("tick" if i % 3 else "tock", n=i)
print("pump:", b2.pump(), sorted(counts.items()))
