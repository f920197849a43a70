class Counter:
    total = 0
    names = []

    def __init__(self, name):
        self.name = name
        Counter.total += 1
        self.names.append(name)


a = Counter("a")
b = Counter("b")
print(Counter.total, a.total, b.names)
a.total = 99
print(a.total, b.total, Counter.total)
del a.total
print(a.total)
print(hasattr(a, "name"), hasattr(a, "missing"), getattr(a, "missing", "default"))
setattr(b, "dynamic", 7)
print(b.dynamic, getattr(b, "dynamic"))
delattr(b, "dynamic")
print(hasattr(b, "dynamic"))
Counter.added_later = "later"
print(a.added_later)
try:
    a.nothing
except AttributeError as e:
    print("AttributeError", e)
print(sorted(k for k in a.__dict__))
