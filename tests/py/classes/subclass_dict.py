class Counter(dict):
    def add(self, key):
        self[key] = self.get(key, 0) + 1


c = Counter()
for w in "abracadabra":
    c.add(w)
print(sorted(c.items()), len(c), isinstance(c, dict))
print(c["a"], "z" in c, type(c).__name__)
d = Counter(x=1)
print(d, d.keys() == {"x"})


class Attr(dict):
    def __getattr__(self, name):
        return self[name]


a = Attr(name="rime", version=1)
print(a.name, a.version, sorted(a))
