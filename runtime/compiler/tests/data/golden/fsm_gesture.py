# Button gesture recogniser: click, double click, long press and hold-repeat from a
# sampled button level at 10 ms steps (simulated time).
from micropython import const

_DEBOUNCE = const(3)
_DOUBLE_GAP = const(25)
_LONG = const(80)
_REPEAT = const(30)
S_IDLE = const(0)
S_DOWN = const(1)
S_UP_WAIT = const(2)
S_DOWN2 = const(3)
S_LONG = const(4)


class Gestures:
    def __init__(self, emit):
        self.emit = emit
        self.state = S_IDLE
        self.t = 0
        self.since = 0
        self.stable = 0
        self.level = 0
        self.raw_count = 0

    def sample(self, raw):
        self.t += 1
        if raw != self.level:
            self.raw_count += 1
            if self.raw_count >= _DEBOUNCE:
                self.level = raw
                self.raw_count = 0
                self._edge(raw)
        else:
            self.raw_count = 0
        self._timeout()

    def _go(self, st):
        self.state = st
        self.since = self.t

    def _edge(self, down):
        st = self.state
        if st == S_IDLE and down:
            self._go(S_DOWN)
        elif st == S_DOWN and not down:
            self._go(S_UP_WAIT)
        elif st == S_UP_WAIT and down:
            self._go(S_DOWN2)
        elif st == S_DOWN2 and not down:
            self.emit("double", self.t)
            self._go(S_IDLE)
        elif st == S_LONG and not down:
            self.emit("release", self.t)
            self._go(S_IDLE)

    def _timeout(self):
        age = self.t - self.since
        if self.state == S_DOWN and age >= _LONG:
            self.emit("long", self.t)
            self._go(S_LONG)
        elif self.state == S_LONG and age >= _REPEAT:
            self.emit("repeat", self.t)
            self.since = self.t
        elif self.state == S_UP_WAIT and age >= _DOUBLE_GAP:
            self.emit("click", self.t)
            self._go(S_IDLE)


def press(ms_down, ms_up, bounce=False):
    seq = []
    if bounce:
        seq += [1, 0, 1, 0]
    seq += [1] * (ms_down // 10)
    if bounce:
        seq += [0, 1, 0]
    seq += [0] * (ms_up // 10)
    return seq


scenarios = [
    ("single", press(150, 500)),
    ("single bouncy", press(150, 500, bounce=True)),
    ("double", press(100, 120) + press(100, 500)),
    ("long", press(1000, 300)),
    ("hold", press(2000, 300)),
    ("glitch", [1, 1, 0, 0, 1, 0] + [0] * 40),
    ("triple", press(80, 100) * 3 + [0] * 40),
]
for name, seq in scenarios:
    events = []
    g = Gestures(lambda kind, t: events.append("%s@%d" % (kind, t)))
    for level in seq:
        g.sample(level)
    print("%-14s %3d samples -> %s" % (name, len(seq), events))
counts = {}


def tally(kind, t):
    counts[kind] = counts.get(kind, 0) + 1


g = Gestures(tally)
for name, seq in scenarios:
    for level in seq:
        g.sample(level)
print("combined", sorted(counts.items()), "final state", g.state)
