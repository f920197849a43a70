# Globals mixing certain and uncertain values, deleted from first.
VALUES = [1, 2, 3]
NUMBER = 4
# A small int whose object word (0x0FFF0001) lies in the range of the
# uncertain-value markers: a constant all the same.
EDGE = 134184960
LOOKUP = {"k": "v"}


def total():
    return sum(VALUES) + NUMBER


def module_globals():
    return globals()
