# Globals mixing certain and uncertain values, deleted from first.
VALUES = [1, 2, 3]
NUMBER = 4
LOOKUP = {"k": "v"}


def total():
    return sum(VALUES) + NUMBER


def module_globals():
    return globals()
