# Builtins and methods that call back into Python (key functions, map and
# filter functions, comparisons), with the callback raising, caught 300 times.
def bad_key(x):
    if x == 2:
        raise ValueError("key")
    return x


class Cmp:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        raise TypeError("lt")

    def __eq__(self, other):
        raise TypeError("eq")

    def __hash__(self):
        return 1


data = [3, 1, 2, 5]
tests = [
    ("sorted key", lambda: sorted(data, key=bad_key)),
    ("sort key", lambda: list(data).sort(key=bad_key)),
    ("min key", lambda: min(data, key=bad_key)),
    ("max key", lambda: max(data, key=bad_key)),
    ("map", lambda: list(map(bad_key, data))),
    ("filter", lambda: list(filter(bad_key, data))),
    ("sorted lt", lambda: sorted([Cmp(1), Cmp(2)])),
    ("min lt", lambda: min(Cmp(1), Cmp(2))),
    ("list index eq", lambda: [Cmp(1), Cmp(2)].index(3)),
    ("list count eq", lambda: [Cmp(1)].count(3)),
    ("list remove eq", lambda: [Cmp(1)].remove(3)),
    ("in eq", lambda: 3 in [Cmp(1)]),
    ("dict eq", lambda: {Cmp(1): 1}[Cmp(2)]),
    ("set eq", lambda: {Cmp(1), Cmp(2)}),
    ("tuple eq", lambda: (Cmp(1),) == (Cmp(2),)),
    ("list eq", lambda: [Cmp(1)] == [Cmp(2)]),
]

for name, test in tests:
    caught = 0
    for i in range(300):
        try:
            test()
        except (ValueError, TypeError):
            caught += 1
    print(name, caught)
