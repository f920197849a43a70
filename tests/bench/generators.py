# Generator-heavy code: pipelines of generators and yield from.
def numbers(n):
    for i in range(n):
        yield i


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def squares(source):
    for x in source:
        yield x * x


def chained(n):
    yield from numbers(n)
    yield from numbers(n)


total = sum(squares(evens(numbers(60000))))
count = 0
for x in chained(30000):
    count += x
print(total, count, sum(x for x in range(20000) if x % 3))
