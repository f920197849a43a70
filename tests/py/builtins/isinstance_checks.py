class Base:
    pass
class Child(Base):
    pass
class Other:
    pass
c = Child()
print(isinstance(c, Child), isinstance(c, Base), isinstance(c, object), isinstance(c, Other))
print(isinstance(c, (Other, Base)), isinstance(c, ()), isinstance(1, (int, float)))
print(issubclass(Child, Base), issubclass(Base, Child), issubclass(Child, (Other, Base)))
print(isinstance("s", str), isinstance(b"b", bytes), isinstance([], list), isinstance((), tuple))
print(isinstance({}, dict), isinstance(set(), set), isinstance(1.0, float), isinstance(None, object))
print(isinstance(Child, type), isinstance(type, type), issubclass(type, object))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
try:
    isinstance(1, 2)
except TypeError:
    print("TypeError")
