# Deleting from and clearing module globals whose flash table holds
# markers for uncertain values, before anything else writes them.
import mixeddel

print(mixeddel.VALUES, mixeddel.NUMBER, mixeddel.total(), mixeddel.EDGE)
del mixeddel.VALUES
print(hasattr(mixeddel, "VALUES"), mixeddel.NUMBER, mixeddel.LOOKUP["k"])
g = mixeddel.module_globals()
print(sorted(k for k in g if not k.startswith("__")))
g.pop("LOOKUP")
g["NUMBER"] = 5
print(sorted(k for k in g if not k.startswith("__")), mixeddel.NUMBER)
