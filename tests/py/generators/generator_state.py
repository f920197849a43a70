def counter(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


g = counter(3)
print(iter(g) is g)
print([x for x in g], [x for x in g])
a, b = counter(5), counter(5)
print(next(a), next(a), next(b))
print(list(zip(counter(3), counter(10))))


def running():
    yield "first"
    print("resumed")
    yield "second"


r = running()
print(next(r))
print(next(r))
print(next(r, "exhausted"))
