import sys


def handler():
    try:
        raise TypeError("inner problem")
    except TypeError as e:
        return e


def outer():
    error = handler()
    raise error


try:
    outer()
except TypeError as e:
    sys.print_exception(e)
