# Functions of a frozen module laid out in flash behave as functions made at
# import: side effects in order, current globals, STORE_GLOBAL, globals(),
# monkey-patching, del, re-import, __name__ and __module__.
import sys

print("main: before import")
import flashlib

print("main: after import")
print(flashlib.add(1), flashlib.add(1, 2), flashlib.add(1, 2, "z"))
print(flashlib.add.__name__, flashlib.Shape.__name__, flashlib.Shape.__module__)
print(flashlib.bump(), flashlib.bump(), flashlib.counter)

# A function sees its module's current globals.
flashlib.X = 100
print(flashlib.add(1), flashlib.call_add())
setattr(flashlib, "X", 1000)
print(flashlib.call_add())

# Monkey-patching a function: other functions find the new one.
original = flashlib.add
flashlib.add = lambda a: ("patched", a)
print(flashlib.call_add())
flashlib.add = original
print(flashlib.call_add(), flashlib.add is original)

# globals() inside a function is the module's namespace.
print(flashlib.names())
flashlib.extra = 1
print("extra" in flashlib.names())
del flashlib.extra
print("extra" in flashlib.names())

# Classes, their methods, setattr and del on them.
s = flashlib.Shape(3)
flashlib.Shape.sides = 4
print(s.area(), s.double, flashlib.Shape.kind(), flashlib.Shape.make().size)
setattr(flashlib.Shape, "area", lambda self: "replaced")
print(s.area())
del flashlib.Shape.area
print(hasattr(s, "area"))

# A def in a loop makes a new function each time, with its own defaults.
print([f() for f in flashlib.made_in_loop])
print(flashlib.made_in_loop[0] is flashlib.made_in_loop[1])

# Re-import through sys.modules runs the body again and makes new functions
# that see the new module; the old ones keep seeing the old module.
old = flashlib
del sys.modules["flashlib"]
import flashlib as again

print(again is old, again.add is old.add, again.add.__name__)
print(again.add(1), old.add(1), again.counter, old.counter)
again.X = 5
print(again.call_add(), old.call_add())
print(type(again.add) is type(old.add), type(old.add).__name__)

# A function of a circular import sees the module as it is when called.
import circ_a
import circ_b

print(circ_b.seen, circ_b.use_late())
