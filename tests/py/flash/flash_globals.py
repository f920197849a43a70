# Module globals laid out in flash behave as a dict made at import: reads,
# STORE_GLOBAL, setattr, del, globals(), `from m import *`, re-import.
import sys
import purelib

print(purelib.BOTH, purelib.ALIAS, purelib.TABLE, purelib.NAME, purelib.__name__)
print(purelib.describe(purelib.BOTH), purelib.twin is purelib.describe, purelib.first())
print(purelib.names())
print(purelib.bump(), purelib.bump(), purelib.counter)
purelib.NAME = "changed"
purelib.extra = [1]
print(purelib.NAME, purelib.extra, "extra" in purelib.names())
del purelib.ALIAS
print(hasattr(purelib, "ALIAS"), "ALIAS" in purelib.names())
purelib.TABLE = ((1, "x"),)
print(purelib.describe(1))

from purelib import *

print(BOTH, NAME, describe(READ))

old = purelib
del sys.modules["purelib"]
import purelib as again

print(again is old, again.NAME, again.counter, old.counter, hasattr(again, "ALIAS"), again.describe(1))
print(again.TABLE == old.TABLE, again.first() == old.first())
