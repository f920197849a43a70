handlers = {ValueError: "bad value", KeyError: "bad key"}


def handle(f):
    try:
        f()
    except tuple(handlers) as e:
        return handlers[type(e)]
    return "no error"


print(handle(lambda: int("x")), handle(lambda: {}[0]), handle(lambda: 1))
allowed = (ZeroDivisionError, OverflowError)
try:
    1 % 0
except allowed as e:
    print("caught via a tuple variable:", type(e).__name__)
