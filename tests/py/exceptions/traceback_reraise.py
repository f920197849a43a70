import sys


def inner():
    raise KeyError("deep")


def middle():
    try:
        inner()
    except KeyError:
        print("middle saw it")
        raise


try:
    middle()
except KeyError as e:
    sys.print_exception(e)
