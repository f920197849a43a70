# A module whose body only stores constants, functions and tuples of
# constants: the freezer lays its globals out in flash.
READ = 0o400
WRITE = 0o200
BOTH = READ | WRITE
ALIAS = READ
TABLE = ((READ, "r"), (WRITE, "w"))
NAME = "pure"
counter = 0


def describe(mode):
    return "".join(text for bit, text in TABLE if mode & bit)


def bump():
    global counter
    counter += 1
    return counter


def names():
    return sorted(k for k in globals() if not k.startswith("__"))


def first(value=(1, "one")):
    return value


twin = describe
