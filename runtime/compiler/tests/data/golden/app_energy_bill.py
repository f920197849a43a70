# Smart energy meter app: pulse counting (1000 imp/kWh), time-of-use tariffs,
# daily buckets, cost computation in integer cents, and a bill printout.
from micropython import const

_IMP_PER_KWH = const(1000)
_DAYS = const(7)
TARIFFS = ((0, 7, "night", 18), (7, 17, "day", 31), (17, 21, "peak", 45), (21, 24, "night", 18))


def tariff(hour):
    for start, end, name, cents in TARIFFS:
        if start <= hour < end:
            return name, cents
    raise ValueError(hour)


def load_profile(day, hour):
    base = 250 if hour < 7 else 400
    if 17 <= hour < 21:
        base += 900
    if day >= 5 and 9 <= hour < 17:
        base += 600
    if hour == 19 and day == 2:
        base += 2000  # oven + washer
    return base + (day * 31 + hour * 17) % 90


class Meter:
    def __init__(self):
        self.pulses = 0
        self.buckets = {}

    def record(self, day, hour, watts):
        pulses = watts * _IMP_PER_KWH // 1000  # one hour at `watts`
        self.pulses += pulses
        name, _ = tariff(hour)
        key = (day, name)
        self.buckets[key] = self.buckets.get(key, 0) + pulses


m = Meter()
for day in range(_DAYS):
    for hour in range(24):
        m.record(day, hour, load_profile(day, hour))
print("total %.3f kWh" % (m.pulses / _IMP_PER_KWH))
rates = {name: cents for _, _, name, cents in TARIFFS}
names = ["night", "day", "peak"]
print("day   " + "".join("%9s" % n for n in names) + "     cost")
week_cost = 0
daily = []
for day in range(_DAYS):
    row = [m.buckets.get((day, n), 0) for n in names]
    cost = sum(p * rates[n] for p, n in zip(row, names)) // _IMP_PER_KWH
    week_cost += cost
    daily.append(cost)
    print("%-5s " % ("Mo Tu We Th Fr Sa Su".split()[day]) + "".join("%9.3f" % (p / 1000) for p in row) + "%6d.%02d" % divmod(cost, 100))
print("week cost %d.%02d EUR, standing charge 3.50 -> %d.%02d" % (divmod(week_cost, 100) + divmod(week_cost + 350, 100)))
worst = max(range(_DAYS), key=lambda d: daily[d])
print("most expensive day", worst, "cost", daily[worst])
share = {n: sum(m.buckets.get((d, n), 0) for d in range(_DAYS)) for n in names}
total = sum(share.values())
print("shares", ["%s %.1f%%" % (n, 100 * share[n] / total) for n in names])
flat = m.pulses * 29 // _IMP_PER_KWH
print("flat-rate comparison: %d.%02d vs ToU %d.%02d" % (divmod(flat, 100) + divmod(week_cost, 100)))
