def f(kind):
    if kind == "class":
        raise ValueError
    if kind == "instance":
        raise ValueError("inst")
    if kind == "reraise":
        try:
            raise KeyError("k")
        except KeyError:
            raise
    if kind == "not exception":
        raise 5


for kind in ("class", "instance", "reraise", "not exception"):
    try:
        f(kind)
    except Exception as e:
        print(kind, type(e).__name__, e.args)
try:
    raise RuntimeError
except RuntimeError as e:
    print(type(e).__name__, e.args, isinstance(e, RuntimeError))


def reraise_different():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("converted")


try:
    reraise_different()
except ValueError as e:
    print("converted:", e)
