# Names stored into the builtins module are found before the builtins
# themselves, by name lookups, class statements and imports.
import builtins

original_abs = abs
builtins.abs = lambda x: x + 1
print(abs(1), builtins.abs(2), original_abs(-3))
builtins.abs = original_abs
print(abs(-4))

builtins.shout = lambda text: text.upper()
print(shout("new builtin"))


def uses_len():
    return len("abc")


builtins.len = lambda x: 99
print(uses_len())
builtins.len = lambda x: 3
print(uses_len())

saved_build_class = __build_class__
builtins.__build_class__ = lambda body, name, *bases: ("class", name, bases)


class A(int):
    pass


print(A)
builtins.__build_class__ = saved_build_class


class B:
    pass


print(B.__name__)


def custom_import(name, globals, locals, fromlist, level):
    print("import", name, fromlist, level)

    class Module:
        a = 1
        b = 2

    return Module


builtins.__import__ = custom_import
import x
import x.y
from x import a
from x.y import a, b
from . import a
print(a, b)
