# Smart doorbell: button events, quiet hours, per-visitor rate limiting, chime selection
# by closure-based strategies, and notification batching.
from micropython import const

_QUIET_START = const(22 * 60)
_QUIET_END = const(7 * 60)
_MIN_GAP = const(2)


def in_quiet_hours(minute_of_day):
    return minute_of_day >= _QUIET_START or minute_of_day < _QUIET_END


def make_chime(pattern, repeat=1):
    count = 0

    def chime():
        nonlocal count
        count += 1
        return (pattern * repeat) + "#%d" % count
    return chime


class Doorbell:
    def __init__(self):
        self.chimes = {"normal": make_chime("ding-dong "), "urgent": make_chime("DING ", 3),
                       "soft": make_chime("bing ")}
        self.last_press = None
        self.pending = []
        self.sent_batches = []
        self.suppressed = 0

    def press(self, t, long_press=False):
        if self.last_press is not None and t - self.last_press < _MIN_GAP:
            self.suppressed += 1
            return "ignored"
        self.last_press = t
        mod = t % 1440
        if in_quiet_hours(mod):
            kind = "urgent" if long_press else None
        else:
            kind = "urgent" if long_press else "normal" if mod < 20 * 60 else "soft"
        sound = self.chimes[kind]() if kind else "(silent)"
        self.pending.append("%02d:%02d %s" % (mod // 60, mod % 60, "long" if long_press else "short"))
        if len(self.pending) >= 3 or long_press:
            self.flush()
        return sound.strip()

    def flush(self):
        if self.pending:
            self.sent_batches.append(tuple(self.pending))
            self.pending = []


bell = Doorbell()
presses = [(8 * 60 + 5, False), (8 * 60 + 6, False), (8 * 60 + 9, False), (12 * 60, True),
           (20 * 60 + 30, False), (23 * 60 + 15, False), (23 * 60 + 16, False),
           (23 * 60 + 40, True), (1440 + 6 * 60 + 59, False), (1440 + 7 * 60, False)]
for t, long_press in presses:
    print("day %d %02d:%02d %-5s -> %s" % (t // 1440, t % 1440 // 60, t % 60, "long" if long_press else "short",
                                          bell.press(t, long_press)))
bell.flush()
print("suppressed", bell.suppressed)
for i, batch in enumerate(bell.sent_batches):
    print("notification %d: %s" % (i, ", ".join(batch)))
print("quiet", [in_quiet_hours(m) for m in (0, 6 * 60 + 59, 7 * 60, 21 * 60 + 59, 22 * 60)])
