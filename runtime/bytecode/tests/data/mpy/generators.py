def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def delegate(n):
    yield from count_up(n)
    yield from range(3)
    return "done"


def receiver():
    total = 0
    while True:
        got = yield total
        if got is None:
            break
        total += got


squares = (x * x for x in range(10))
print(list(count_up(5)), list(delegate(2)), sum(squares))
g = receiver()
next(g)
g.send(3)
print(g.send(4))
