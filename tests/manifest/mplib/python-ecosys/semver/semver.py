__version__ = "3.1.4-own"


def parse(text):
    return tuple(int(part) for part in text.split("."))


def newer(a, b):
    return parse(a) > parse(b)
