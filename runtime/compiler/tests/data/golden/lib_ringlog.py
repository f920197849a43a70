# Logging to a fixed-size ring buffer: levels, per-module loggers, level
# filtering, formatting with a fake monotonic clock, dumping, counters,
# and a rate-limited logger.

DEBUG, INFO, WARN, ERROR = 10, 20, 30, 40
NAMES = {DEBUG: "DBG", INFO: "INF", WARN: "WRN", ERROR: "ERR"}


class Clock:
    def __init__(self):
        self.ms = 0

    def tick(self, ms):
        self.ms += ms

    def now(self):
        return self.ms


class RingLog:
    def __init__(self, size, clock):
        self.size = size
        self.buf = [None] * size
        self.head = 0
        self.total = 0
        self.clock = clock
        self.counts = {}

    def write(self, level, module, msg):
        self.buf[self.head] = (self.clock.now(), level, module, msg)
        self.head = (self.head + 1) % self.size
        self.total += 1
        self.counts[level] = self.counts.get(level, 0) + 1

    def entries(self):
        n = min(self.total, self.size)
        start = (self.head - n) % self.size
        return [self.buf[(start + i) % self.size] for i in range(n)]

    def dump(self, min_level=DEBUG, module=None):
        out = []
        for ts, lvl, mod, msg in self.entries():
            if lvl >= min_level and (module is None or mod == module):
                out.append("%6d.%03d %s %-6s %s" % (ts // 1000, ts % 1000, NAMES[lvl], mod, msg))
        return out

    def dropped(self):
        return max(0, self.total - self.size)


class Logger:
    def __init__(self, ring, module, level=INFO):
        self.ring, self.module, self.level = ring, module, level

    def log(self, level, fmt, *args):
        if level >= self.level:
            self.ring.write(level, self.module, fmt % args if args else fmt)

    def debug(self, fmt, *a):
        self.log(DEBUG, fmt, *a)

    def info(self, fmt, *a):
        self.log(INFO, fmt, *a)

    def warn(self, fmt, *a):
        self.log(WARN, fmt, *a)

    def error(self, fmt, *a):
        self.log(ERROR, fmt, *a)

    def exception(self, exc, context):
        self.log(ERROR, "%s: %s(%s)", context, type(exc).__name__, exc)


class RateLimited(Logger):
    def __init__(self, ring, module, interval_ms, level=INFO):
        super().__init__(ring, module, level)
        self.interval = interval_ms
        self.last = {}
        self.suppressed = 0

    def log(self, level, fmt, *args):
        now = self.ring.clock.now()
        key = (level, fmt)
        if key in self.last and now - self.last[key] < self.interval:
            self.suppressed += 1
            return
        self.last[key] = now
        super().log(level, fmt, *args)


clock = Clock()
ring = RingLog(12, clock)
net = Logger(ring, "net", DEBUG)
sensor = Logger(ring, "sensor")
noisy = RateLimited(ring, "adc", 1000)
net.info("boot")
for i in range(10):
    clock.tick(250)
    sensor.debug("raw=%d", i * 7)
    sensor.info("temp=%.1f", 20 + i * 0.5)
    if i % 3 == 0:
        net.debug("poll %d", i)
    noisy.warn("adc saturated")
    if i == 6:
        try:
            {}["ssid"]
        except KeyError as e:
            net.exception(e, "config")
clock.tick(1500)
net.error("link down after %d ms", clock.now())
noisy.warn("adc saturated")
print("total:", ring.total, "dropped:", ring.dropped(), "suppressed:", noisy.suppressed)
print("counts:", sorted((NAMES[k], v) for k, v in ring.counts.items()))
print("-- all --")
for line in ring.dump():
    print(line)
print("-- warn+ --")
for line in ring.dump(WARN):
    print(line)
print("-- net only --")
for line in ring.dump(module="net"):
    print(line)
small = RingLog(3, clock)
lg = Logger(small, "x", DEBUG)
for w in "one two three four five".split():
    lg.debug(w)
print("small ring:", [e[3] for e in small.entries()], small.dropped())
