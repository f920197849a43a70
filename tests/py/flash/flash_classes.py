# Class dicts laid out in flash behave as dicts made at import: lookups,
# inheritance, setattr and del on the class, __dict__, re-import.
import sys
import classlib

Plain = classlib.Plain
p = Plain(4)
print(p.get(), p.scaled(), p.scaled(3), Plain.helper(1), Plain.build().value, p.twice)
print(Plain.LIMIT, Plain.NAME, Plain.__name__, Plain.__module__)
c = classlib.Child(5)
print(c.get(), c.scaled(), c.twice, isinstance(c, Plain), classlib.Child.__module__)
print(classlib.Empty.__name__, classlib.Empty.__module__, type(classlib.Empty()).__name__)

# Writes to a class: a new attribute, a replaced method, a deleted one.
Plain.extra = "added"
print(Plain.extra, p.extra, c.extra)
Plain.get = lambda self: ("replaced", self.value)
print(p.get(), c.get())
setattr(Plain, "LIMIT", 100)
print(p.scaled(), c.scaled())
del Plain.helper
print(hasattr(Plain, "helper"), hasattr(classlib.Child, "helper"))
try:
    Plain.helper
except AttributeError:
    print("AttributeError")

# The class dict as a dict.
keys = sorted(k for k in Plain.__dict__ if not k.startswith("__"))
print(keys)
print(type(Plain.__dict__["build"]).__name__, type(Plain.__dict__["twice"]).__name__)
print(sorted(k for k in classlib.Child.__dict__ if not k.startswith("__")))

# Re-import makes new classes; the old ones keep their changes.
old = classlib
del sys.modules["classlib"]
import classlib as again

print(again.Plain is old.Plain, again.Plain.LIMIT, old.Plain.LIMIT, hasattr(again.Plain, "extra"))
print(again.Plain(2).get(), old.Plain(2).get(), again.Plain.helper(5))
print(isinstance(again.Child(1), old.Plain), isinstance(again.Child(1), again.Plain))
