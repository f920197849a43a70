# A publish/subscribe event bus decoupling a device's parts: topics with
# wildcard subscriptions, one-shot handlers and a handler that fails.
import gc


class Bus:
    def __init__(self):
        self.subscribers = []
        self.failures = 0

    def subscribe(self, pattern, handler, once=False):
        entry = [pattern, handler, once]
        self.subscribers.append(entry)
        return entry

    def unsubscribe(self, entry):
        self.subscribers.remove(entry)

    def matches(self, pattern, topic):
        if pattern.endswith("/*"):
            return topic.startswith(pattern[:-1])
        return pattern == topic

    def publish(self, topic, payload=None):
        delivered = 0
        for entry in list(self.subscribers):
            pattern, handler, once = entry
            if not self.matches(pattern, topic):
                continue
            if once:
                self.unsubscribe(entry)
            try:
                handler(topic, payload)
                delivered += 1
            except Exception as error:
                self.failures += 1
                print("  handler for %s failed: %s" % (pattern, error))
        return delivered


log = []
bus = Bus()
bus.subscribe("sensor/*", lambda topic, value: log.append("display %s=%s" % (topic, value)))
bus.subscribe("sensor/temp", lambda topic, value: log.append("alarm check %s" % (value > 30)))
bus.subscribe("button/press", lambda topic, value: log.append("first press seen"), once=True)


def strict(topic, value):
    if value is None:
        raise ValueError("no payload")
    log.append("strict got %s" % value)


strict_entry = bus.subscribe("net/*", strict)
events = [("sensor/temp", 24), ("sensor/humidity", 61), ("button/press", None), ("button/press", None),
          ("net/up", "10.0.0.7"), ("net/down", None), ("sensor/temp", 33)]
for topic, payload in events:
    print("publish %s -> %d handlers" % (topic, bus.publish(topic, payload)))
bus.unsubscribe(strict_entry)
print("after unsubscribe:", bus.publish("net/up", "x"))
for line in log:
    print(" ", line)
print("failures", bus.failures, "subscribers", len(bus.subscribers))
alloc = getattr(gc, "mem_alloc", None)
print("heap:", alloc() if alloc else 0, "bytes")
