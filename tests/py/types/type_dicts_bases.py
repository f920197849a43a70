# __bases__ of builtin types and classes, __dict__ of builtin types, of
# native modules and of classes.
import sys
import math


class A:
    x = 1


class B(A, dict):
    pass


print(object.__bases__, int.__bases__, bool.__bases__, KeyError.__bases__)
print(A.__bases__, B.__bases__ == (A, dict), type(B.__bases__))
print("from_bytes" in int.__dict__, "append" in list.__dict__, "nope" in list.__dict__)
print("add" in frozenset.__dict__, "union" in frozenset.__dict__, "add" in set.__dict__)
print(type(sys.__dict__), sys.__dict__["__name__"], math.__dict__["sqrt"] is math.sqrt)
print(A.__dict__["x"], type(type("")).__dict__ is not None)
