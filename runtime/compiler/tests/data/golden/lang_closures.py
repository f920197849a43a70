# Closures: 3-level nesting with nonlocal, global, counters, cell sharing,
# late binding, closures in loops and in classes.

counter_global = 0


def bump_global(n=1):
    global counter_global
    counter_global += n
    return counter_global


def level1(a):
    x = a

    def level2(b):
        y = b

        def level3(c):
            nonlocal x, y
            x += c
            y *= 2
            return x + y + c

        r1 = level3(1)
        r2 = level3(10)
        return r1, r2, x, y

    out = level2(5)
    return out, x


print("three levels:", level1(100))


def make_counter(start=0, step=1):
    count = start

    def inc():
        nonlocal count
        count += step
        return count

    def dec():
        nonlocal count
        count -= step
        return count

    def get():
        return count

    return inc, dec, get


inc, dec, get = make_counter(10, 5)
print("counter:", inc(), inc(), dec(), get())
inc2, _, get2 = make_counter()
inc2()
print("independent:", get(), get2())


def accumulate():
    items = []

    def add(x):
        items.append(x)
        return len(items)

    def snapshot():
        return list(items)

    return add, snapshot


add, snap = accumulate()
for w in "abc":
    add(w)
print("shared cell:", snap())


def outer_rebind():
    v = "first"

    def reader():
        return v

    r1 = reader()
    v = "second"
    return r1, reader()


print("late binding:", outer_rebind())


def adders():
    fs = []
    for i in range(4):
        def f(x, i=i):
            return x + i
        fs.append(f)
    return fs


print("loop closures:", [f(100) for f in adders()])


def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run


inc1 = lambda x: x + 1
dbl = lambda x: x * 2
print("compose:", compose(inc1, dbl)(5), compose(dbl, inc1)(5), compose()(7))


def memo(fn):
    cache = {}

    def wrapped(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    return wrapped


@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


for n in range(0, 81, 10):
    fib(n)  # warm the cache gradually: recursion depth is small on the target
print("memo fib:", fib(80))


def nested_globals():
    def inner():
        global counter_global
        counter_global = counter_global * 10
        return counter_global
    return inner()


bump_global(3)
bump_global()
print("global after bumps:", counter_global, "nested global:", nested_globals(), counter_global)


def deep_nonlocal():
    total = 0

    def a():
        def b():
            def c():
                nonlocal total
                total += 1
            c()
            c()
        b()
        b()

    a()
    return total


print("deep nonlocal:", deep_nonlocal())


class Multiplier:
    def __init__(self, k):
        self.k = k

    def make(self):
        k = self.k
        return lambda x: x * k


m = Multiplier(7)
f7 = m.make()
m.k = 100
print("closure captures local not attr:", f7(3))


def gen_closure():
    state = [0]

    def step():
        state[0] += 1
        return state[0]

    while state[0] < 3:
        yield step()


print("gen closure:", list(gen_closure()))


def param_cells(a, b=2, *rest, c=3, **kw):
    def show():
        return a, b, rest, c, sorted(kw)
    a = a * 2
    return show()


print("parameter cells:", param_cells(1, 5, 6, 7, c=8, z=0))


def cell_in_except():
    msgs = []
    try:
        raise ValueError("boom")
    except ValueError as e:
        err = e
        f = lambda: str(err)
    msgs.append(f())
    return msgs


print("closure over except var copy:", cell_in_except())
