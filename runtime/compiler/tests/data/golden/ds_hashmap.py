# Open-addressing hash map with linear probing, tombstones and resizing,
# using a deterministic string hash (FNV-1a) so output is stable.

_EMPTY = None
_TOMB = ("<tomb>",)


def fnv1a(key):
    h = 0x811C9DC5
    data = key.encode() if isinstance(key, str) else str(key).encode()
    for b in data:
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


class HashMap:
    def __init__(self, cap=8):
        self.slots = [_EMPTY] * cap
        self.n = 0
        self.tombs = 0
        self.resizes = 0
        self.probes = 0

    def _index(self, key):
        cap = len(self.slots)
        i = fnv1a(key) % cap
        first_tomb = -1
        while True:
            self.probes += 1
            s = self.slots[i]
            if s is _EMPTY:
                return (first_tomb if first_tomb >= 0 else i), False
            if s is _TOMB:
                if first_tomb < 0:
                    first_tomb = i
            elif s[0] == key:
                return i, True
            i = (i + 1) % cap

    def _grow(self):
        old = self.slots
        self.slots = [_EMPTY] * (len(old) * 2)
        self.n = 0
        self.tombs = 0
        self.resizes += 1
        for s in old:
            if s is not _EMPTY and s is not _TOMB:
                self[s[0]] = s[1]

    def __setitem__(self, key, value):
        if (self.n + self.tombs + 1) * 4 > len(self.slots) * 3:
            self._grow()
        i, found = self._index(key)
        if not found:
            if self.slots[i] is _TOMB:
                self.tombs -= 1
            self.n += 1
        self.slots[i] = (key, value)

    def __getitem__(self, key):
        i, found = self._index(key)
        if not found:
            raise KeyError(key)
        return self.slots[i][1]

    def __delitem__(self, key):
        i, found = self._index(key)
        if not found:
            raise KeyError(key)
        self.slots[i] = _TOMB
        self.n -= 1
        self.tombs += 1

    def __contains__(self, key):
        return self._index(key)[1]

    def __len__(self):
        return self.n

    def items(self):
        return sorted(s for s in self.slots if s is not _EMPTY and s is not _TOMB)

    def layout(self):
        out = []
        for s in self.slots:
            out.append("." if s is _EMPTY else "x" if s is _TOMB else s[0][0])
        return "".join(out)


for w in ("", "a", "hello", "pico", "micropython"):
    print("fnv1a(%r) = 0x%08x" % (w, fnv1a(w)))

m = HashMap()
words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()
for i, w in enumerate(words):
    m[w] = i
    if i % 4 == 3:
        print("after %-7s n=%2d cap=%2d layout=%s" % (w, len(m), len(m.slots), m.layout()))
print("resizes:", m.resizes)
print("gamma:", m["gamma"], "mu:", m["mu"], "'pi' in m:", "pi" in m)
for w in ("beta", "eta", "iota"):
    del m[w]
print("after deletes:", len(m), "tombs:", m.tombs, m.layout())
m["beta"] = 100
m["gamma"] = -2
print("beta again:", m["beta"], "tombs:", m.tombs)
try:
    m["nothing"]
except KeyError as e:
    print("KeyError:", e.args[0])
try:
    del m["eta"]
except KeyError as e:
    print("KeyError del:", e.args[0])
print("items:", m.items())

counts = HashMap(4)
text = "she sells sea shells by the sea shore the shells she sells are sea shells"
for w in text.split():
    counts[w] = counts[w] + 1 if w in counts else 1
for k, v in counts.items():
    print("%-6s %d" % (k, v))
print("total probes > 0:", counts.probes > 0, "resizes:", counts.resizes)
