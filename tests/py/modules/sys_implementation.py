# sys.implementation is MicroPython's attribute tuple: fields by name and by
# index, a length, and a type named tuple that is not a tuple subclass.
# (Its values name the implementation, so only its shape is compared.)
import sys

impl = sys.implementation
print(type(impl).__name__, isinstance(impl, tuple), len(impl) >= 4)
print(impl[0] == impl.name, impl[1] == impl.version, impl[3] == impl._mpy)
print(impl._mpy & 0xFF, impl._mpy >> 8 & 3)
print(type(impl.version).__name__, len(impl.version), impl.version[3])
print(type(impl._machine).__name__)
print(repr(impl).startswith("(name='"))
try:
    impl.nope
except AttributeError:
    print("AttributeError")
