# Number formatting: thousands separators, fixed/engineering notation,
# human-readable byte sizes, durations, percentages, padded tables,
# currency rounding with integers, and ordinal suffixes.


def group(n, sep=","):
    s = str(abs(n))
    parts = []
    while len(s) > 3:
        parts.append(s[-3:])
        s = s[:-3]
    parts.append(s)
    return ("-" if n < 0 else "") + sep.join(reversed(parts))


def money(cents, symbol="$"):
    neg = cents < 0
    c = abs(cents)
    return "%s%s%s.%02d" % ("-" if neg else "", symbol, group(c // 100), c % 100)


def round_half_even_cents(value_milli):
    q, r = divmod(value_milli, 10)
    if r > 5 or (r == 5 and q % 2):
        q += 1
    return q


def human_bytes(n):
    units = ("B", "KiB", "MiB", "GiB", "TiB")
    i = 0
    x = n
    while x >= 1024 and i < len(units) - 1:
        x /= 1024
        i += 1
    return ("%d %s" % (x, units[i])) if i == 0 else ("%.1f %s" % (x, units[i]))


def duration(sec):
    parts = []
    for name, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if sec >= size or (name == "s" and not parts):
            parts.append("%d%s" % (sec // size, name))
            sec %= size
    return " ".join(parts)


def engineering(x):
    if x == 0:
        return "0.000e0"
    exp = 0
    m = abs(x)
    while m >= 1000:
        m /= 1000
        exp += 3
    while m < 1:
        m *= 1000
        exp -= 3
    return "%s%.3fe%d" % ("-" if x < 0 else "", m, exp)


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


for n in (0, 7, 1234, -98765, 1000000, 2 ** 40, -(10 ** 15)):
    print("%22s  %s" % (group(n), group(n, "_")))
for c in (0, 5, 99, 100, 123456, -250075, 10 ** 10):
    print("money:", money(c), money(c, "EUR "))
print("bankers:", [round_half_even_cents(v) for v in (12345, 12355, 12344, 12346, 5, 15)])
for n in (0, 512, 1023, 1024, 1536, 10 ** 6, 3 * 2 ** 30, 2 ** 45):
    print("bytes %-16d %s" % (n, human_bytes(n)))
for s in (0, 59, 61, 3600, 3725, 90061, 1000000):
    print("duration %-8d %s" % (s, duration(s)))
for x in (0, 0.00047, 4700, 1.5e7, -0.033, 123.456):
    print("eng %-10s %s" % (repr(x) if isinstance(x, int) else "%.5g" % x, engineering(x)))
print("ordinals:", " ".join(ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 1000)))
rows = [("resistor", 1200, 0.021), ("capacitor", 350, 0.105), ("pico", 3, 4.0), ("wire (m)", 25, 0.3)]
print("%-10s %6s %8s %9s" % ("item", "qty", "unit", "total"))
grand = 0.0
for name, qty, unit in rows:
    total = qty * unit
    grand += total
    print("%-10s %6d %8.3f %9.2f" % (name, qty, unit, total))
print("%-10s %6s %8s %9.2f" % ("TOTAL", "", "", grand))
for p in (0, 0.5, 0.12345, 1, 0.999):
    print("pct {:.1%} {:>8.3%}".format(p, p))
print("{:+08.2f}|{:<8.1f}|{:^9.3f}|{:e}".format(-3.14159, 2.5, 1 / 3, 123456.789))
