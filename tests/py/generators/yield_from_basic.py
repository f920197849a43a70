def inner():
    yield 1
    yield 2
    return "inner result"


def outer():
    result = yield from inner()
    print("inner returned", result)
    yield 3
    yield from [4, 5]
    yield from range(6, 8)
    yield from "ab"


print(list(outer()))


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1], (2, 3), {4: 0}, "x")))
