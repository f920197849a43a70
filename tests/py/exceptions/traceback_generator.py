import sys


def numbers():
    yield 1
    yield 2
    raise RuntimeError("generator broke")


def consume():
    total = 0
    for n in numbers():
        total += n
    return total


try:
    consume()
except RuntimeError as e:
    sys.print_exception(e)


def delegating():
    yield from numbers()


g = delegating()
print(next(g), next(g))
try:
    next(g)
except RuntimeError as e:
    sys.print_exception(e)
