# A module's __dict__ is its live globals dict, whether the module's
# namespace was laid out in flash (purelib, mixedlib) or built at import.
import sys
import purelib
import mixedlib

this = sys.modules[__name__]
print(type(this.__dict__), this.__dict__ is globals())
print("this" in this.__dict__)

d = purelib.__dict__
print(type(d), d["NAME"], d["BOTH"], d["describe"] is purelib.describe)
print(sorted(k for k in d if not k.startswith("__")) == purelib.names())

# Writes through __dict__ are seen by attribute reads and by the module's
# own functions, and the other way round.
d["NAME"] = "changed"
print(purelib.NAME)
purelib.counter = 10
print(d["counter"], purelib.bump(), d["counter"])
d["extra"] = [1, 2]
print(purelib.extra, "extra" in purelib.names())
del d["extra"]
print(hasattr(purelib, "extra"))

m = mixedlib.__dict__
print(m is mixedlib.__dict__, len(m) == len(list(m.keys())))
for key in sorted(k for k in m if not k.startswith("__")):
    print(key, type(m[key]).__name__)
