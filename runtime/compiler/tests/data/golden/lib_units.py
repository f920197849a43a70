# Unit conversion library: linear units by dimension, temperature (affine),
# compound parsing like "3.5 km/h", formatting with SI prefixes.


class UnitError(Exception):
    pass


UNITS = {
    # name: (dimension, factor to base)
    "m": ("length", 1.0), "km": ("length", 1000.0), "cm": ("length", 0.01), "mm": ("length", 0.001),
    "in": ("length", 0.0254), "ft": ("length", 0.3048), "mi": ("length", 1609.344),
    "s": ("time", 1.0), "ms": ("time", 0.001), "min": ("time", 60.0), "h": ("time", 3600.0),
    "g": ("mass", 0.001), "kg": ("mass", 1.0), "lb": ("mass", 0.45359237), "oz": ("mass", 0.028349523125),
    "B": ("data", 1.0), "KiB": ("data", 1024.0), "MiB": ("data", 1048576.0), "kB": ("data", 1000.0),
}
TEMPS = {"C": (1.0, 0.0), "F": (5 / 9, -32 * 5 / 9), "K": (1.0, -273.15)}


def convert(value, src, dst):
    if src in TEMPS and dst in TEMPS:
        a, b = TEMPS[src]
        c = value * a + b
        a2, b2 = TEMPS[dst]
        return (c - b2) / a2
    if "/" in src or "/" in dst:
        sn, sd = src.split("/")
        dn, dd = dst.split("/")
        return convert(convert(value, sn, dn), dd, sd)
    if src not in UNITS or dst not in UNITS:
        raise UnitError("unknown unit in %s -> %s" % (src, dst))
    d1, f1 = UNITS[src]
    d2, f2 = UNITS[dst]
    if d1 != d2:
        raise UnitError("cannot convert %s (%s) to %s (%s)" % (src, d1, dst, d2))
    return value * f1 / f2


def parse(text):
    text = text.strip()
    i = 0
    while i < len(text) and (text[i].isdigit() or text[i] in ".-+eE"):
        i += 1
    if i == 0:
        raise UnitError("no number in %r" % text)
    return float(text[:i]), text[i:].strip()


PREFIXES = ((1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, ""), (1e-3, "m"), (1e-6, "u"), (1e-9, "n"))


def si(value, unit):
    if value == 0:
        return "0 " + unit
    mag = abs(value)
    for f, p in PREFIXES:
        if mag >= f:
            return "%.3g %s%s" % (value / f, p, unit)
    return "%.3g n%s" % (value / 1e-9, unit)


queries = [
    ("5 km", "mi"), ("26.2 mi", "km"), ("6 ft", "cm"), ("12 in", "ft"), ("90 min", "h"),
    ("2.5 h", "s"), ("1 lb", "g"), ("16 oz", "lb"), ("1 MiB", "kB"), ("4096 B", "KiB"),
    ("100 C", "F"), ("-40 F", "C"), ("0 K", "C"), ("300 K", "F"), ("98.6 F", "K"),
    ("36 km/h", "m/s"), ("10 m/s", "km/h"), ("60 mi/h", "km/h"),
    ("3 kg", "m"), ("7 parsec", "m"), ("fast", "m"),
]
for q, dst in queries:
    try:
        v, u = parse(q)
        r = convert(v, u, dst)
        print("%-10s -> %12.4f %s" % (q, r, dst))
    except UnitError as e:
        print("%-10s -> error: %s" % (q, e))
for v, u in ((0.000000047, "F"), (0.0033, "A"), (4700, "ohm"), (1.5e6, "Hz"), (2.4e9, "Hz"), (0, "V"), (-0.025, "V"), (133e6, "Hz")):
    print("si:", si(v, u))
table = [(c, convert(c, "C", "F")) for c in range(-20, 41, 10)]
print("C -> F:", " ".join("%d=%.1f" % t for t in table))
dims = {}
for name, (dim, _) in UNITS.items():
    dims.setdefault(dim, []).append(name)
for dim in sorted(dims):
    print("%-6s %s" % (dim, " ".join(sorted(dims[dim], key=lambda n: UNITS[n][1]))))
rt = convert(convert(123.456, "ft", "m"), "m", "ft")
print("round trip: %.6f" % rt)
