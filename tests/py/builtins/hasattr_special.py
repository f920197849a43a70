class Props:
    @property
    def fine(self):
        return 1
p = Props()
print(hasattr(p, "fine"), getattr(p, "fine", "default"))
class Dynamic:
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)
d = Dynamic()
print(d.xray, hasattr(d, "xyz"), hasattr(d, "abc"), getattr(d, "abc", 0))
print(hasattr(1, "to_bytes"), hasattr(str, "format"), hasattr(None, "x"))
