def fails_midway():
    yield 1
    raise ValueError("midway")


g = fails_midway()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
try:
    next(g)
except StopIteration:
    print("dead after raising")


def stop_inside():
    yield 1
    raise StopIteration


try:
    print(list(stop_inside()))
except RuntimeError as e:
    print("RuntimeError", e)
