def gen():
    yield 1
    return "finished"


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again", e.value)


def no_return():
    yield 1


g = no_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("none value", e.value, e.args)
it = iter([])
try:
    next(it)
except StopIteration as e:
    print("list iterator", e.args)
