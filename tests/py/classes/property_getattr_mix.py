class Lazy:
    def __init__(self):
        self._loaded = {}

    @property
    def size(self):
        return len(self._loaded)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        value = name.upper()
        self._loaded[name] = value
        return value


z = Lazy()
print(z.size, z.alpha, z.beta, z.size)
print(z.alpha, z.size)
print(sorted(z._loaded.items()))
try:
    z._hidden
except AttributeError as e:
    print("AttributeError", e)
