class Proxy:
    def __init__(self, target):
        self.target = target
        self.real = "real attribute"

    def __getattr__(self, name):
        print("missing", name)
        if name.startswith("x"):
            raise AttributeError(name)
        return getattr(self.target, name)


p = Proxy([3, 1, 2])
print(p.real)
p.append(0)
print(p.target, p.count(1))
print(hasattr(p, "xyz"), getattr(p, "xyz", "fallback"))
try:
    p.xq
except AttributeError as e:
    print("AttributeError", e)


class Dynamic:
    def __getattr__(self, name):
        return name * 2


print(Dynamic().ab, Dynamic().z)
