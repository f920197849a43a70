# A module whose body mixes certain values (constants, functions) with
# values only its run knows (an import, a list, a dict, an instance, a
# call's result): the freezer lays its globals out in flash with markers
# for the latter, which the VM keeps in a small RAM array.
import sys

LIMIT = 3
ITEMS = [1, 2]
TABLE = {"a": 1}
NAME = "mixed"


class Box:
    pass


BOX = Box()
LENGTH = len(ITEMS)


class Config:
    defaults = [10, 20]
    label = "config"

    def get(self):
        return self.defaults[0]


def items():
    return ITEMS


def replace(new):
    global ITEMS
    ITEMS = new
    return ITEMS


def raise_limit():
    global LIMIT
    LIMIT += 1
    return LIMIT


def module_globals():
    return globals()


def names():
    return sorted(k for k in globals() if not k.startswith("__"))


def has_sys():
    return hasattr(sys, "modules")
