# The generator protocol: send, throw, close, return values and yield from delegation.
def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
    except GeneratorExit:
        received.append("closed")
        print("echo saw", received)
        raise
    finally:
        print("echo finally")


g = echo()
print(next(g))
print(g.send("a"), g.send("b"))
g.close()
g.close()
try:
    g.send(1)
except StopIteration:
    print("send after close: StopIteration")


def returns():
    yield 1
    return "result"


g = returns()
print(next(g))
try:
    next(g)
except StopIteration as stop:
    print("value", stop.value, stop.args)


def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("caught", e)
            yield "recovered"


g = catcher()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(g)
except StopIteration:
    print("finished after throw")


def inner():
    got = yield "inner-1"
    print("inner got", got)
    try:
        yield "inner-2"
    except RuntimeError as e:
        print("inner caught", e)
    return "inner-done"


def outer():
    result = yield from inner()
    print("outer result", result)
    yield "outer-end"
    return 99


g = outer()
print(next(g))
print(g.send("hello"))
print(g.throw(RuntimeError("via outer")))
try:
    next(g)
except StopIteration as stop:
    print("outer returned", stop.value)


def delegate_close():
    try:
        yield from inner()
    finally:
        print("outer finally")


g = delegate_close()
next(g)
g.close()


def never_started():
    yield 1


g = never_started()
try:
    g.send(5)
except TypeError:
    print("cannot send non-None first")
g.close()
print(list(g))


def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return i


def total():
    a = yield from counter(3)
    b = yield from counter(2)
    return a + b


g = total()
print(list(g))
print(sum(x * x for x in range(5)), list(x for x in "ab"))
