# list(), tuple(), set(), frozenset() and list.extend() over a generator:
# the generator's items are added in order, each before it runs on.

data = [3, 1, 2]
print(list(x * 10 for x in data))
print(tuple(x for x in data))
print(sorted(set(x % 2 for x in data)))
print(sorted(frozenset(str(x) for x in data)))
print(list(x for x in []))

# The list grows as the generator runs: it sees each earlier append.
grown = [0]
grown.extend(len(grown) for _ in range(4))
print(grown)

# A drain inside a drained generator.
print(list(tuple(range(n)) for n in range(4)))
print(list(sum(y for y in range(n)) for n in range(5)))

# Values a set hashes with Python code, and values that are not ints or
# strings, go through the ordinary resume.
class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        print("hash", self.n)
        return self.n
    def __eq__(self, other):
        return self.n == other.n
print(len(set(Key(n) for n in (1, 2, 1))))
print(sorted(set((n, n) for n in (1, 2, 1))))
print(sorted(set(float(n) for n in (1, 2, 1))))

# A generator that raises part way: the exception propagates, and the
# generator is finished.
def failing():
    yield 1
    yield 2
    raise ValueError("at 3")
gen = failing()
try:
    list(gen)
except ValueError as e:
    print("ValueError", e)
print(list(gen))

# StopIteration raised inside becomes RuntimeError.
def stopping():
    yield 1
    raise StopIteration
try:
    tuple(stopping())
except RuntimeError as e:
    print("RuntimeError", e)

# A partly consumed generator is drained from where it stopped; its
# return value is dropped, and finally blocks run at its end.
def counted():
    try:
        for n in range(5):
            yield n
        return "done"
    finally:
        print("finally")
gen = counted()
print(next(gen), next(gen))
print(list(gen))

# A generator resuming itself while drained is already executing.
def selfish():
    yield 1
    try:
        next(me)
    except ValueError as e:
        print("ValueError", e)
    yield 2
me = selfish()
print(list(me))

# yield as an expression receives None from a drain.
def echo():
    got = yield 1
    yield got
    got = yield 2
    yield got
print(list(echo()))
