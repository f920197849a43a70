a = ValueError("x")
b = ValueError("x")
print(a == a, a == b, a is b)
errors = [ValueError, TypeError, KeyError]
print([e.__name__ for e in errors])
print(ValueError in errors, IndexError in errors)
made = [cls("m") for cls in errors]
print([type(m).__name__ for m in made], [m.args for m in made])
print(type(ValueError("x")) is ValueError, ValueError.__name__)
