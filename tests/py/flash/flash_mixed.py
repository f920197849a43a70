# Module globals that mix certain and uncertain values: the flash table's
# markers read as the module's values, stores of those names from inside
# and outside the module, globals(), del, `from m import *`, re-import.
import sys
import mixedlib

print(mixedlib.LIMIT, mixedlib.ITEMS, mixedlib.TABLE, mixedlib.NAME, mixedlib.LENGTH)
print(type(mixedlib.BOX).__name__, mixedlib.sys is sys, mixedlib.has_sys())
print(mixedlib.items() is mixedlib.ITEMS, mixedlib.names())
print(mixedlib.Config().get(), mixedlib.Config.defaults, mixedlib.Config.label)

g = mixedlib.module_globals()
print(g["ITEMS"], g["LIMIT"], "BOX" in g, len(g) == len(dict(g)))
print(sorted(k for k in g if k in ("LIMIT", "ITEMS", "TABLE", "NAME", "BOX", "LENGTH")))
print(sorted((k, v) for k, v in g.items() if k in ("ITEMS", "NAME", "LENGTH")))

# Rebinding an uncertain global: from a function (STORE_GLOBAL), then from outside.
new = mixedlib.replace([7])
print(new, mixedlib.ITEMS, mixedlib.items() is new, g["ITEMS"] is new)
mixedlib.ITEMS.append(8)
mixedlib.TABLE = {"b": 2}
print(mixedlib.items(), mixedlib.TABLE, g["TABLE"])
g["BOX"] = "not a box"
print(mixedlib.BOX, g.copy()["BOX"])
mixedlib.Config.defaults = [30]
print(mixedlib.Config().get(), mixedlib.Config.defaults)

# A write of a certain value copies the table; the uncertain values follow.
print(mixedlib.raise_limit(), mixedlib.LIMIT, mixedlib.ITEMS, mixedlib.TABLE, mixedlib.BOX)
mixedlib.extra = "extra"
print(mixedlib.names())
del mixedlib.BOX
print(hasattr(mixedlib, "BOX"), "BOX" in g, mixedlib.items())

from mixedlib import *

print(LIMIT, ITEMS, NAME, TABLE, LENGTH, extra)

old = mixedlib
del sys.modules["mixedlib"]
import mixedlib as again

print(again is old, again.ITEMS, old.ITEMS, again.LIMIT, again.items() is again.ITEMS)
print(again.names() == old.names(), "BOX" in again.names(), again.has_sys())
