# Every builtin that consumes an iterable, fed iterables that raise part-way
# (a generator and a class iterator), each caught 300 times.
def gen():
    yield 3
    yield 1
    raise ValueError("gen")


class Bad:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise KeyError("next")
        return self.n


def bad_iter_method():
    class NoIter:
        def __iter__(self):
            raise OSError("iter")

    return NoIter()


consumers = [
    ("any", lambda it: any(x > 5 for x in it)),
    ("all", lambda it: all(it)),
    ("sum", lambda it: sum(it)),
    ("sum start", lambda it: sum(it, 10)),
    ("min", lambda it: min(it)),
    ("max", lambda it: max(it)),
    ("sorted", lambda it: sorted(it)),
    ("list", lambda it: list(it)),
    ("tuple", lambda it: tuple(it)),
    ("set", lambda it: set(it)),
    ("frozenset", lambda it: frozenset(it)),
    ("dict", lambda it: dict((x, x) for x in it)),
    ("enumerate", lambda it: list(enumerate(it))),
    ("zip", lambda it: list(zip(it, [1, 2, 3]))),
    ("map", lambda it: list(map(str, it))),
    ("filter", lambda it: list(filter(None, it))),
    ("join", lambda it: ",".join(str(x) for x in it)),
    ("bytes", lambda it: bytes(it)),
    ("bytearray", lambda it: bytearray(it)),
    ("list.extend", lambda it: [].extend(it)),
    ("set.update", lambda it: set().update(it)),
    ("star call", lambda it: print(*it)),
    ("comprehension", lambda it: [x for x in it]),
    ("set comprehension", lambda it: {x for x in it}),
    ("dict comprehension", lambda it: {x: x for x in it}),
    ("in", lambda it: 99 in it),
]

for name, consume in consumers:
    caught = 0
    for i in range(300):
        for make in (gen, Bad, bad_iter_method):
            try:
                consume(make())
            except (ValueError, KeyError, OSError):
                caught += 1
    print(name, caught)
