# MicroPython does not chain exceptions: `raise X from Y` warns and raises X.
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("bad input") from e
except ValueError as e:
    print("caught", type(e).__name__, e)
try:
    raise KeyError("k") from None
except KeyError as e:
    print("from None", e)
try:
    try:
        {}["x"]
    except KeyError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print("context not shown", e)
