class Suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        return exc_type is not None and issubclass(exc_type, self.types)


for value in ["1", "x", None]:
    try:
        with Suppress(ValueError):
            print("parsed", int(value))
    except TypeError:
        print("TypeError escaped")


class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        raise RuntimeError("exit failed")


try:
    with BadExit():
        raise KeyError("original")
except RuntimeError as e:
    print("RuntimeError replaced the KeyError:", e)
count = 0
for i in range(3):
    with Suppress(ZeroDivisionError):
        count += 1
        1 / 0
print("loop finished", count)
