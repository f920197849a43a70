# Frozen as source: compiled when first imported.
PREFIX = "hello, "


def hello(name):
    return PREFIX + name + "!"
