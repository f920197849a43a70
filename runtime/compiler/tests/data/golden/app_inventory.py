# Parts-bin inventory for a maker space: items with namedtuple records, reservations,
# reorder thresholds, search by tags, and a sorted report with several keys.
from collections import namedtuple, OrderedDict

Part = namedtuple("Part", ["sku", "name", "qty", "reorder", "tags", "price_c"])


class StockError(Exception):
    pass


class Inventory:
    def __init__(self):
        self.parts = OrderedDict()
        self.reserved = {}
        self.journal = []

    def add(self, *args, **kw):
        p = Part(*args, **kw)
        self.parts[p.sku] = p
        return p

    def available(self, sku):
        return self.parts[sku].qty - self.reserved.get(sku, 0)

    def reserve(self, sku, n, who):
        if sku not in self.parts:
            raise StockError("unknown sku " + sku)
        if self.available(sku) < n:
            raise StockError("%s: want %d, only %d available" % (sku, n, self.available(sku)))
        self.reserved[sku] = self.reserved.get(sku, 0) + n
        self.journal.append(("reserve", sku, n, who))

    def take(self, sku, n, who):
        p = self.parts[sku]
        r = self.reserved.get(sku, 0)
        use = min(r, n)
        self.reserved[sku] = r - use
        if p.qty < n:
            raise StockError("%s: insufficient stock" % sku)
        self.parts[sku] = Part(p.sku, p.name, p.qty - n, p.reorder, p.tags, p.price_c)
        self.journal.append(("take", sku, n, who))

    def reorder_list(self):
        return [(p.sku, p.reorder * 2 - p.qty) for p in self.parts.values() if p.qty <= p.reorder]

    def search(self, *tags, any_tag=False):
        want = set(tags)
        test = (lambda t: bool(want & t)) if any_tag else (lambda t: want <= t)
        return [p.sku for p in self.parts.values() if test(set(p.tags))]

    def value(self):
        return sum(p.qty * p.price_c for p in self.parts.values())


inv = Inventory()
inv.add("R-10K", "resistor 10k", 500, 100, ("passive", "resistor"), 1)
inv.add("C-100N", "cap 100nF", 300, 100, ("passive", "capacitor"), 2)
inv.add("U-RP2040", "RP2040", 12, 5, ("mcu", "ic"), 80)
inv.add("U-BME280", "BME280 module", 6, 4, ("sensor", "i2c", "ic"), 450)
inv.add("LED-WS", "WS2812 LED", 60, 50, ("led", "rgb"), 12)
inv.add(sku="D-1N4148", name="diode", qty=90, reorder=100, tags=("passive", "diode"), price_c=1)
print("skus", list(inv.parts.keys()))
print("value %d.%02d EUR" % divmod(inv.value(), 100))
ops = [("reserve", "U-BME280", 3, "ana"), ("reserve", "U-BME280", 3, "ben"), ("reserve", "U-BME280", 1, "cy"),
       ("take", "U-BME280", 3, "ana"), ("take", "LED-WS", 15, "ben"), ("reserve", "X-1", 1, "dan"),
       ("take", "U-RP2040", 20, "eve"), ("take", "U-RP2040", 8, "eve")]
for op, sku, n, who in ops:
    try:
        getattr(inv, op)(sku, n, who)
        print("%-7s %-9s x%-3d %-4s ok, available %d" % (op, sku, n, who, inv.available(sku)))
    except StockError as e:
        print("%-7s %-9s x%-3d %-4s FAILED: %s" % (op, sku, n, who, e))
print("reorder", inv.reorder_list())
print("passive", inv.search("passive"), "ic+i2c", inv.search("ic", "i2c"))
print("any led/sensor", inv.search("led", "sensor", any_tag=True))
by_value = sorted(inv.parts.values(), key=lambda p: (-p.qty * p.price_c, p.sku))
for p in by_value[:4]:
    print("  %-9s %-14s qty %4d value %6d" % (p.sku, p.name, p.qty, p.qty * p.price_c))
print("journal", len(inv.journal), [j[0][0] + ":" + j[1] for j in inv.journal])
print("by person", sorted({j[3] for j in inv.journal}))
