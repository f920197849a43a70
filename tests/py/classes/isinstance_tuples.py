class A:
    pass


class B(A):
    pass


class C:
    pass


b = B()
print(isinstance(b, (C, A)), isinstance(b, (C, int)), isinstance(b, ()))
print(isinstance(3, (str, float, int)), isinstance("s", (int,)))
print(issubclass(B, (C, A)), issubclass(B, (C,)), issubclass(bool, (str, int)))
print(isinstance(True, int), isinstance(b, object), issubclass(C, object))
print(type(b) is B, type(b) == A, type(B) is type)
try:
    isinstance(b, 5)
except TypeError:
    print("TypeError for bad class")
try:
    issubclass(b, A)
except TypeError:
    print("TypeError for non-class")
