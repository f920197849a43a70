# A sensor logger: samples a (simulated) temperature sensor into a fixed-size
# ring buffer that never allocates after start-up, and reports statistics
# over the most recent window.
import gc


class RingBuffer:
    def __init__(self, size):
        # A list allocated once; an array("h") would be smaller, but the VM
        # has no array module yet.
        self.data = [0] * size
        self.size = size
        self.head = 0
        self.count = 0

    def push(self, value):
        self.data[self.head] = value
        self.head = (self.head + 1) % self.size
        if self.count < self.size:
            self.count += 1

    def values(self):
        start = (self.head - self.count) % self.size
        for i in range(self.count):
            yield self.data[(start + i) % self.size]


class FakeSensor:
    # Temperatures in hundredths of a degree, from a fixed pseudo-random walk.
    def __init__(self, seed):
        self.state = seed
        self.value = 2150

    def read(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        self.value += (self.state >> 16) % 41 - 20
        return self.value


def stats(buffer):
    total = 0
    low = None
    high = None
    for value in buffer.values():
        total += value
        low = value if low is None or value < low else low
        high = value if high is None or value > high else high
    return low, high, total // buffer.count


def show(centi):
    return "%d.%02d" % (centi // 100, centi % 100)


sensor = FakeSensor(42)
log = RingBuffer(16)
for sample in range(1, 49):
    log.push(sensor.read())
    if sample % 12 == 0:
        low, high, mean = stats(log)
        print("sample %2d: last %d values min %s max %s mean %s" % (sample, log.count, show(low), show(high), show(mean)))
print("newest four:", [show(v) for v in log.values()][-4:])
alloc = getattr(gc, "mem_alloc", None)
print("heap:", alloc() if alloc else 0, "bytes")
