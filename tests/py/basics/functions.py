def add(a, b=10, *args, scale=1, **kw):
    return (a + b + sum(args)) * scale, sorted(kw.items())
print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, scale=3), add(1, 2, x=5, y=6))
print(add(*[1, 2, 3]), add(**{"a": 5, "b": 6}), add(1, *(2, 3), scale=2, **{"z": 1}))
def kwonly(a, *, b, c=3):
    return a, b, c
print(kwonly(1, b=2), kwonly(a=1, b=2, c=4))
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = counter()
print(c(), c(), c(5))
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
square = lambda x: x * x
print(square(7), (lambda: "noargs")(), list(map(square, [1, 2, 3])))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20))
def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(5)), sum(gen(4)), sum(x for x in range(10) if x % 3 == 0))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
g = gen(3)
print(next(g), next(g), next(g), next(g, "done"))
print(add.__name__, callable(add), callable(3))
def recursive_sum(items):
    total = 0
    for item in items:
        total += recursive_sum(item) if isinstance(item, list) else item
    return total
print(recursive_sum([1, [2, [3, [4]]], 5]))
def default_list(x, into=None):
    if into is None:
        into = []
    into.append(x)
    return into
print(default_list(1), default_list(2))
g = 100
def read_global():
    return g
def write_global():
    global g
    g = 200
write_global()
print(read_global())
