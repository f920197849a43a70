# Button debouncers: integrator, shift-register, and a time-window debouncer fed with
# simulated bounce traces. Times are simulated ticks, never the real clock.
from micropython import const

_INTEGRATOR_MAX = const(4)
_STABLE_MASK = const(0xFF)
PRESSED = const(1)
RELEASED = const(0)


class Integrator:
    def __init__(self, limit=_INTEGRATOR_MAX):
        self.limit = limit
        self.count = 0
        self.state = RELEASED

    def update(self, raw):
        if raw:
            self.count = min(self.count + 1, self.limit)
        else:
            self.count = max(self.count - 1, 0)
        if self.count == self.limit:
            self.state = PRESSED
        elif self.count == 0:
            self.state = RELEASED
        return self.state


class ShiftDebouncer:
    def __init__(self):
        self.history = 0
        self.state = RELEASED

    def update(self, raw):
        self.history = ((self.history << 1) | (1 if raw else 0)) & _STABLE_MASK
        if self.history == _STABLE_MASK:
            self.state = PRESSED
        elif self.history == 0:
            self.state = RELEASED
        return self.state


class WindowDebouncer:
    def __init__(self, window=5, on_change=None):
        self.window = window
        self.last_raw = 0
        self.changed_at = 0
        self.state = RELEASED
        self.on_change = on_change

    def update(self, raw, now):
        if raw != self.last_raw:
            self.last_raw = raw
            self.changed_at = now
        elif raw != self.state and now - self.changed_at >= self.window:
            self.state = raw
            if self.on_change:
                self.on_change(raw, now)
        return self.state


def bounce_trace():
    """Press with bounce, hold, release with bounce, then a glitch."""
    trace = [0] * 5
    trace += [1, 0, 1, 1, 0, 1, 0, 1]
    trace += [1] * 12
    trace += [0, 1, 0, 0, 1, 0]
    trace += [0] * 12
    trace += [1, 0, 0]
    trace += [0] * 6
    return trace


def edges(states):
    out = []
    prev = states[0]
    for i, s in enumerate(states):
        if s != prev:
            out.append(("down" if s else "up", i))
            prev = s
    return out


trace = bounce_trace()
print("trace ", "".join(str(b) for b in trace))
for name, deb in (("integ", Integrator()), ("shift", ShiftDebouncer())):
    states = [deb.update(b) for b in trace]
    print("%-6s" % name, "".join(str(s) for s in states))
    print("       edges", edges(states))
events = []
win = WindowDebouncer(3, on_change=lambda s, t: events.append((s, t)))
states = [win.update(b, t) for t, b in enumerate(trace)]
print("window", "".join(str(s) for s in states))
print("callbacks", events)


class Button:
    def __init__(self, debouncer):
        self.deb = debouncer
        self.presses = 0
        self._prev = RELEASED
        self.held = 0
        self.longest = 0

    def feed(self, raw):
        s = self.deb.update(raw)
        if s == PRESSED:
            self.held += 1
            self.longest = max(self.longest, self.held)
            if self._prev == RELEASED:
                self.presses += 1
        else:
            self.held = 0
        self._prev = s


btn = Button(Integrator(3))
for burst in (trace, trace[::-1], [1] * 20 + [0] * 5):
    for b in burst:
        btn.feed(b)
print("presses", btn.presses, "longest hold", btn.longest)
noise = [(i * 7 + 3) % 11 < 5 for i in range(40)]
print("noise ", "".join("1" if n else "0" for n in noise))
for limit in (2, 3, 5):
    d = Integrator(limit)
    out = [d.update(n) for n in noise]
    print("limit %d" % limit, "".join(str(s) for s in out), "changes", len(edges(out)))
