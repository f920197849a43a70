class Thing:
    kind = "thing"
    def __init__(self):
        self.size = 3
t = Thing()
print(getattr(t, "size"), getattr(t, "kind"), getattr(t, "missing", None))
setattr(t, "size", 10)
setattr(t, "color", "red")
print(t.size, t.color, hasattr(t, "color"), hasattr(t, "weight"))
delattr(t, "color")
print(hasattr(t, "color"))
try:
    getattr(t, "missing")
except AttributeError:
    print("AttributeError get")
try:
    delattr(t, "missing")
except AttributeError:
    print("AttributeError del")
print(getattr(Thing, "kind"), getattr("abc", "upper")(), getattr([], "count")(1))
setattr(Thing, "kind", "changed")
print(t.kind, Thing.kind)
name = "si" + "ze"
print(getattr(t, name))
