# A button debouncer: raw samples from a bouncing contact are filtered with
# an integrator so only stable presses and releases come through, and long
# presses are told apart from short ones.
import gc


class Debouncer:
    def __init__(self, threshold, long_press):
        self.threshold = threshold
        self.long_press = long_press
        self.count = 0
        self.state = 0
        self.held = 0

    def sample(self, raw):
        if raw and self.count < self.threshold:
            self.count += 1
        elif not raw and self.count > 0:
            self.count -= 1
        events = []
        if self.state == 0 and self.count == self.threshold:
            self.state = 1
            self.held = 0
            events.append("press")
        elif self.state == 1 and self.count == 0:
            self.state = 0
            events.append("release (%s)" % ("long" if self.held >= self.long_press else "short"))
        if self.state:
            self.held += 1
            if self.held == self.long_press:
                events.append("long press")
        return events


# Raw readings every millisecond: bounces around each edge.
PATTERN = "0000101101111111111110100100000000" + "0110111111111111111111111111111111111111011000" + "000101"
button = Debouncer(threshold=4, long_press=20)
edges = 0
for ms, char in enumerate(PATTERN):
    raw = char == "1"
    if ms and raw != (PATTERN[ms - 1] == "1"):
        edges += 1
    for event in button.sample(raw):
        print("%3d ms: %s" % (ms, event))
print("raw edges", edges, "final state", button.state)
alloc = getattr(gc, "mem_alloc", None)
print("heap:", alloc() if alloc else 0, "bytes")
