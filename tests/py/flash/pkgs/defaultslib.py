# Functions whose defaults include `()`, the one empty tuple.


def with_empty(a, b=(), c=None):
    return a, b, c


def extend(x, acc=()):
    return acc + (x,)


class Maker:
    def make(self, parts=(), name="m"):
        return name, parts
