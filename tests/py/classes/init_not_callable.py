# A class attribute __init__ that is not callable fails at instantiation.
class A:
    pass
A.__init__ = 7
try:
    A()
except TypeError as e:
    print("TypeError", e)
class B:
    __init__ = "no"
try:
    B(1)
except TypeError as e:
    print("TypeError", e)
class C:
    pass
print(type(C()).__name__)
