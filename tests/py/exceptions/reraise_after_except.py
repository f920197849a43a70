# A bare `raise` re-raises only an exception whose except block is still
# running: once the block ends, the exception is gone.


def reraise():
    raise


try:
    raise ValueError("first")
except ValueError:
    pass

try:
    reraise()
except RuntimeError as error:
    print("RuntimeError", error)
except ValueError as error:
    print("stale ValueError", error)

try:
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise IndexError("inner")
        except IndexError:
            pass
        raise
except KeyError as error:
    print("KeyError", error)
except IndexError as error:
    print("IndexError", error)
