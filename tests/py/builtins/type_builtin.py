print(type(1), type(1.0), type("s"), type(b"b"), type([]), type(()), type({}), type(set()))
print(type(None), type(True), type(type), type(range(1)))
class Custom:
    pass
print(type(Custom()) is Custom, type(Custom) is type, type(Custom()).__name__)
print(type(1) == int, type(1) is not float, type(type(1)) is type)
Dynamic = type("Dynamic", (), {"answer": 42})
d = Dynamic()
print(type(d).__name__, d.answer, isinstance(d, Dynamic))
Sub = type("Sub", (Custom,), {})
print(issubclass(Sub, Custom), Sub.__name__)
