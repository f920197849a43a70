# MicroPython does not chain exceptions: `raise X from None` is silent,
# `raise X from Y` warns on stderr and raises X alone (so this test ends with it).
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


def convert(text):
    try:
        return int(text)
    except ValueError as e:
        raise TypeError("not a number") from e


print(convert("12"))
convert("twelve")
