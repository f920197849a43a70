# Generators: send, yield from (with return value), return in generator,
# throw, close, generator pipelines, infinite generators, expressions.


def echo():
    received = []
    val = yield "ready"
    while val is not None:
        received.append(val)
        val = yield "got %r" % (val,)
    return received


g = echo()
print(next(g))
print(g.send(1))
print(g.send("two"))
try:
    g.send(None)
except StopIteration as e:
    print("return value:", e.value)


def averager():
    total = 0.0
    n = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            break
        total += x
        n += 1
        avg = total / n
    return n, avg


def delegate(results):
    while True:
        r = yield from averager()
        results.append(r)
        if len(results) >= 2:
            return "delegate done"


results = []
d = delegate(results)
next(d)
for x in (10, 20, 30):
    print("avg %.2f" % d.send(x))
d.send(None)
for x in (1, 2):
    d.send(x)
try:
    d.send(None)
except StopIteration as e:
    print("delegate returned:", e.value)
print("results:", [(n, "%.2f" % a) for n, a in results])


def chain(*iterables):
    for it in iterables:
        yield from it


print("chain:", list(chain([1, 2], "ab", range(3), (x * x for x in range(3)))))


def inner_ret():
    yield 1
    yield 2
    return "inner-result"


def outer():
    res = yield from inner_ret()
    yield "outer saw " + res


print("yield from return:", list(outer()))


def resilient():
    count = 0
    while True:
        try:
            yield count
            count += 1
        except ValueError as e:
            print("  generator caught", e)
            count = 100
        except GeneratorExit:
            print("  generator closing at", count)
            return


r = resilient()
print(next(r), next(r))
print("after throw:", r.throw(ValueError("reset")))
print(next(r))
r.close()
print("closed; next ->", next(r, "exhausted"))


def thrower():
    yield 1
    yield 2


t = thrower()
next(t)
try:
    t.throw(KeyError("k"))
except KeyError as e:
    print("throw propagates:", repr(e.args[0]))


def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1


def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out


def gfilter(pred, it):
    for x in it:
        if pred(x):
            yield x


def gmap(fn, it):
    for x in it:
        yield fn(x)


pipeline = gmap(lambda x: x * x, gfilter(lambda x: x % 3 == 1, naturals(1)))
print("pipeline:", take(8, pipeline))


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print("fib:", take(15, fib_gen()))


def windows(seq, n):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)


print("windows:", list(windows(range(6), 3)))


def tree_walk(node, depth=0):
    name, children = node
    yield depth, name
    for ch in children:
        yield from tree_walk(ch, depth + 1)


tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b1x", [])])]), ("c", [])])
for depth, name in tree_walk(tree):
    print("  " * depth + name)


def counter_gen():
    i = 0
    while i < 3:
        got = yield i
        if got:
            i = got
        i += 1


cg = counter_gen()
print("send reset:", next(cg), cg.send(None), cg.send(-5), next(cg), next(cg))
gexpr = (c.upper() for c in "gen")
print("gen expr iter:", iter(gexpr) is gexpr, list(gexpr), list(gexpr))


def early_return(n):
    for i in range(n):
        if i == 3:
            return
        yield i


print("early return:", list(early_return(10)), list(early_return(2)))


def empty_gen():
    return
    yield


print("empty:", list(empty_gen()))
print("zip of gens:", list(zip(naturals(10), "xyz")))
print("sum of gen:", sum(x for x in naturals() if x < 0 or x > 0 or True) if False else sum(take(100, naturals())))
