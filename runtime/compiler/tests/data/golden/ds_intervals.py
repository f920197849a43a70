# Interval algorithms: merge, insert, intersect, free-slot search, and a
# simple calendar booking system.


def merge(intervals):
    out = []
    for s, e in sorted(intervals):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1][1] = e
        else:
            out.append([s, e])
    return [tuple(x) for x in out]


def insert(intervals, new):
    s, e = new
    left, right = [], []
    for a, b in intervals:
        if b < s:
            left.append((a, b))
        elif a > e:
            right.append((a, b))
        else:
            s = min(s, a)
            e = max(e, b)
    return left + [(s, e)] + right


def intersect(xs, ys):
    i = j = 0
    out = []
    while i < len(xs) and j < len(ys):
        lo = max(xs[i][0], ys[j][0])
        hi = min(xs[i][1], ys[j][1])
        if lo <= hi:
            out.append((lo, hi))
        if xs[i][1] < ys[j][1]:
            i += 1
        else:
            j += 1
    return out


def free_slots(busy, day_start, day_end, min_len):
    slots = []
    cur = day_start
    for s, e in merge(busy):
        if s - cur >= min_len:
            slots.append((cur, s))
        cur = max(cur, e)
    if day_end - cur >= min_len:
        slots.append((cur, day_end))
    return slots


def hhmm(m):
    return "%02d:%02d" % divmod(m, 60)


class Calendar:
    def __init__(self):
        self.booked = []

    def book(self, start, end, who):
        for s, e, w in self.booked:
            if start < e and s < end:
                return "conflict with %s (%s-%s)" % (w, hhmm(s), hhmm(e))
        self.booked.append((start, end, who))
        self.booked.sort()
        return "ok"

    def cancel(self, who):
        before = len(self.booked)
        self.booked = [b for b in self.booked if b[2] != who]
        return before - len(self.booked)


def max_overlap(intervals):
    events = []
    for s, e in intervals:
        events.append((s, 1))
        events.append((e, -1))
    events.sort()
    cur = best = 0
    at = None
    for t, d in events:
        cur += d
        if cur > best:
            best, at = cur, t
    return best, at


data = [(1, 3), (2, 6), (8, 10), (15, 18), (17, 20), (9, 9), (21, 21), (20, 21)]
print("merge:", merge(data))
print("merge empty:", merge([]))
print("merge nested:", merge([(1, 10), (2, 3), (4, 5), (11, 12)]))
base = [(1, 2), (3, 5), (6, 7), (8, 10), (12, 16)]
for new in [(4, 8), (0, 0), (17, 19), (2, 13), (11, 11)]:
    print("insert", new, "->", insert(base, new))
print("intersect:", intersect([(0, 2), (5, 10), (13, 23), (24, 25)], [(1, 5), (8, 12), (15, 24), (25, 26)]))

busy = [(9 * 60, 10 * 60 + 30), (12 * 60, 13 * 60), (10 * 60, 11 * 60), (15 * 60 + 15, 16 * 60)]
for ln in (30, 60, 120):
    fs = free_slots(busy, 8 * 60, 18 * 60, ln)
    print("free >= %3d min:" % ln, ", ".join(hhmm(a) + "-" + hhmm(b) for a, b in fs))

cal = Calendar()
requests = [(540, 600, "ana"), (570, 630, "bob"), (600, 660, "bob"),
            (480, 540, "cy"), (650, 700, "dee"), (700, 720, "dee")]
for s, e, w in requests:
    print("book %-4s %s-%s: %s" % (w, hhmm(s), hhmm(e), cal.book(s, e, w)))
print("cancel dee:", cal.cancel("dee"))
print("book dee again:", cal.book(650, 700, "dee"))
for s, e, w in cal.booked:
    print("  %s-%s %s" % (hhmm(s), hhmm(e), w))
print("max overlap:", max_overlap([(1, 5), (2, 6), (4, 8), (7, 9), (5, 6)]))
