import functoolsx
import operatorx


def accumulate(items):
    total = 0
    for item in items:
        total = operatorx.add(total, item)
        yield total


def product(items):
    return functoolsx.reduce(operatorx.mul, items, 1)


def chain(*iterables):
    for iterable in iterables:
        for item in iterable:
            yield item
