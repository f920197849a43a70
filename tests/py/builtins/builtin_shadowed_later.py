# Builtins looked up again and again from the same places while a global
# of the same name comes and goes: the global always wins while it exists.


def lengths(items):
    return len(items), abs(-len(items))


for step in range(3):
    print(step, lengths([1, 2, 3]))

len = lambda items: 99
print(lengths([1, 2]))
del len
print(lengths([1, 2]))

# The same through a module-level loop (LOAD_NAME at module level).
for step in range(4):
    if step == 1:
        abs = str
    if step == 3:
        del abs
    print(step, abs(-5), len("ab"))

# Many different builtins in turn, more than a small cache holds.
values = []
for step in range(2):
    values.append(
        (
            abs(-1),
            min(3, 4),
            max(3, 4),
            len("xyz"),
            int("5"),
            str(6),
            bool(0),
            repr(7),
            sum([1, 2]),
            sorted([2, 1]),
            tuple([1]),
            list((2,)),
            type(1).__name__,
            isinstance(1, int),
            hash(8) == hash(8),
            chr(65),
            ord("B"),
            divmod(7, 2),
            round(2.5),
            callable(print),
        )
    )
print(values[0] == values[1], values[0])

# A name that is not a builtin stays a NameError each time.
for step in range(2):
    try:
        not_a_builtin_name
    except NameError as error:
        print("NameError", step)
