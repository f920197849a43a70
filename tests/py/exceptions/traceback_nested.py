import sys


def level3(x):
    return 10 // x


def level2(x):
    y = x - 1
    return level3(y)


def level1(x):
    return level2(x) + 1


try:
    level1(1)
except ZeroDivisionError as e:
    sys.print_exception(e)
print("continuing")


def broken():
    raise ValueError(
        "multi-line raise"
    )


try:
    broken()
except ValueError as e:
    sys.print_exception(e)
