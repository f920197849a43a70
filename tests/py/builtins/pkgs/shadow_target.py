# A module whose functions call builtins again and again; tests put globals
# of the same names into it from outside and take them away again.


def letters(count):
    return "".join(chr(65 + index) for index in range(count))


def code_of(text):
    return ord(text)


def measures(items):
    return len(items), abs(-len(items)), min(items), max(items)


def set_own_global(name, value):
    globals()[name] = value


def drop_own_global(name):
    del globals()[name]
