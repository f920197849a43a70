# Quadrature rotary encoder decoder using a transition table, with acceleration and
# a bounded value, plus a push-button menu driven by encoder events.
from micropython import const

_R_START = const(0x0)
DIR_NONE = const(0)
DIR_CW = const(1)
DIR_CCW = const(-1)
# Valid transitions of (prev<<2 | cur) give a direction; invalid ones are bounce.
_TABLE = (0, -1, 1, 0, 1, 0, 0, -1, -1, 0, 0, 1, 0, 1, -1, 0)


class Encoder:
    def __init__(self, lo=0, hi=100, step=1, wrap=False):
        self.lo, self.hi, self.step, self.wrap = lo, hi, step, wrap
        self.value = lo
        self._state = 0
        self._acc = 0
        self.errors = 0
        self.listeners = []

    def on_change(self, fn):
        self.listeners.append(fn)
        return fn

    def feed(self, a, b):
        cur = (a << 1) | b
        idx = (self._state << 2) | cur
        d = _TABLE[idx]
        if cur != self._state and d == 0:
            self.errors += 1
        self._state = cur
        self._acc += d
        if self._acc >= 4 or self._acc <= -4:
            direction = DIR_CW if self._acc > 0 else DIR_CCW
            self._acc = 0
            self._move(direction)

    def _move(self, direction):
        old = self.value
        v = self.value + direction * self.step
        if self.wrap:
            span = self.hi - self.lo + 1
            v = self.lo + (v - self.lo) % span
        else:
            v = max(self.lo, min(self.hi, v))
        self.value = v
        if v != old:
            for fn in self.listeners:
                fn(old, v)


def detents(n, cw=True):
    seq = [(0, 0), (1, 0), (1, 1), (0, 1)] if cw else [(0, 0), (0, 1), (1, 1), (1, 0)]
    out = []
    for _ in range(n):
        out.extend(seq[1:] + seq[:1])
    return out


enc = Encoder(0, 10)
log = []
enc.on_change(lambda o, n: log.append(n))
for a, b in detents(3):
    enc.feed(a, b)
print("after 3 cw:", enc.value, log)
for a, b in detents(5, cw=False):
    enc.feed(a, b)
print("after 5 ccw:", enc.value, "log", log)
for a, b in detents(15):
    enc.feed(a, b)
print("clamped at", enc.value, "changes", len(log))
noisy = [(1, 0), (0, 0), (1, 0), (1, 1), (1, 0), (1, 1), (0, 1), (0, 0), (1, 1), (0, 0)]
for a, b in noisy:
    enc.feed(a, b)
print("noisy ->", enc.value, "errors", enc.errors)
hue = Encoder(0, 359, step=30, wrap=True)
seen = []


@hue.on_change
def _record(old, new):
    seen.append("%d->%d" % (old, new))


for a, b in detents(4, cw=False) + detents(14):
    hue.feed(a, b)
print("hue", hue.value, seen[:5], "...", seen[-3:])


class Menu:
    def __init__(self, items):
        self.items = items
        self.enc = Encoder(0, len(items) - 1)
        self.selected = []

    def click(self):
        self.selected.append(self.items[self.enc.value])

    def render(self):
        return " ".join(("[%s]" if i == self.enc.value else " %s ") % it for i, it in enumerate(self.items))


menu = Menu(["Temp", "Hum", "Press", "Setup"])
script = [("cw", 1), ("click", 0), ("cw", 2), ("click", 0), ("ccw", 1), ("click", 0), ("cw", 5), ("click", 0)]
for action, n in script:
    if action == "click":
        menu.click()
    else:
        for a, b in detents(n, cw=(action == "cw")):
            menu.enc.feed(a, b)
    print("%-5s %d: %s" % (action, n, menu.render()))
print("selected", menu.selected)
