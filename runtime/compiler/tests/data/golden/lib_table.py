# Text table renderer: column alignment by type, width limits with
# truncation, sorting by multiple keys, grouping with subtotals, and
# both ASCII-box and markdown output.


class Table:
    def __init__(self, columns):
        self.columns = columns  # list of (name, kind)
        self.rows = []

    def add(self, *vals):
        if len(vals) != len(self.columns):
            raise ValueError("expected %d values, got %d" % (len(self.columns), len(vals)))
        self.rows.append(vals)

    def sort(self, *keys):
        # MicroPython's list.sort is not stable, so build one composite key
        idx = [(self.index(k.lstrip("-")), k.startswith("-")) for k in keys]

        def key(r):
            out = []
            for i, desc in idx:
                v = r[i]
                if desc:
                    v = -v if isinstance(v, (int, float)) else tuple(-ord(c) for c in v)
                elif isinstance(v, str):
                    v = tuple(ord(c) for c in v)
                out.append(v)
            return tuple(out) + (r[0],)

        self.rows.sort(key=key)
        return self

    def index(self, name):
        for i, (n, _) in enumerate(self.columns):
            if n == name:
                return i
        raise KeyError(name)

    def fmt(self, v, kind):
        if v is None:
            return "-"
        if kind == "money":
            return "%.2f" % v
        if kind == "pct":
            return "%.1f%%" % (v * 100)
        return str(v)

    def cells(self, maxw):
        out = []
        for r in self.rows:
            row = []
            for v, (_, kind) in zip(r, self.columns):
                s = self.fmt(v, kind)
                if len(s) > maxw:
                    s = s[:maxw - 1] + "~"
                row.append(s)
            out.append(row)
        return out

    def widths(self, cells):
        return [max([len(n)] + [len(r[i]) for r in cells]) for i, (n, _) in enumerate(self.columns)]

    def align(self, s, w, kind):
        return ("%*s" if kind in ("int", "money", "pct") else "%-*s") % (w, s)

    def ascii(self, maxw=14):
        cells = self.cells(maxw)
        ws = self.widths(cells)
        sep = "+" + "+".join("-" * (w + 2) for w in ws) + "+"
        lines = [sep, "| " + " | ".join("%-*s" % (w, n) for w, (n, _) in zip(ws, self.columns)) + " |", sep]
        for r in cells:
            lines.append("| " + " | ".join(self.align(s, w, k) for s, w, (_, k) in zip(r, ws, self.columns)) + " |")
        lines.append(sep)
        return "\n".join(lines)

    def markdown(self):
        cells = self.cells(40)
        ws = self.widths(cells)
        head = "| " + " | ".join("%-*s" % (w, n) for w, (n, _) in zip(ws, self.columns)) + " |"
        rule = "|" + "|".join(("-" * (w + 1) + ":") if k in ("int", "money", "pct") else (":" + "-" * (w + 1))
                              for w, (_, k) in zip(ws, self.columns)) + "|"
        body = ["| " + " | ".join(self.align(s, w, k) for s, w, (_, k) in zip(r, ws, self.columns)) + " |" for r in cells]
        return "\n".join([head, rule] + body)

    def group_totals(self, by, col):
        gi, ci = self.index(by), self.index(col)
        totals = {}
        for r in self.rows:
            totals[r[gi]] = totals.get(r[gi], 0) + (r[ci] or 0)
        return sorted(totals.items())


t = Table([("part", "str"), ("category", "str"), ("qty", "int"), ("price", "money"), ("margin", "pct")])
for row in [
    ("RP2040", "mcu", 10, 0.70, 0.25),
    ("RP2350", "mcu", 5, 1.10, 0.30),
    ("10k resistor 0603 1% thick film", "passive", 500, 0.002, 0.6),
    ("100nF cap", "passive", 300, 0.004, 0.55),
    ("USB-C receptacle", "connector", 20, 0.35, None),
    ("Crystal 12MHz", "passive", 12, 0.15, 0.2),
    ("Flash W25Q16", "memory", 10, 0.40, 0.15),
]:
    t.add(*row)
print(t.sort("category", "-qty").ascii())
print(t.sort("-price").markdown())
print("totals qty by category:", t.group_totals("category", "qty"))
print("value by category:", [(k, "%.2f" % v) for k, v in t.group_totals("category", "price")])
try:
    t.add("too", "few")
except ValueError as e:
    print("error:", e)
try:
    t.sort("nonexistent")
except KeyError as e:
    print("unknown column:", e.args[0])
empty = Table([("a", "str"), ("b", "int")])
print(empty.ascii())
