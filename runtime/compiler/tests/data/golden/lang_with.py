# with statement coverage: multiple managers, nesting, exception
# suppression, return/break/continue through __exit__, managers returning
# other objects, generator-based managers written by hand.

events = []


class CM:
    def __init__(self, name, suppress=False, value=None):
        self.name = name
        self.suppress = suppress
        self.value = value

    def __enter__(self):
        events.append("enter:" + self.name)
        return self.value if self.value is not None else self

    def __exit__(self, et, ev, tb):
        events.append("exit:%s:%s" % (self.name, et.__name__ if et else "-"))
        return self.suppress


def flush(label):
    print(label, events)
    events.clear()


with CM("a"):
    events.append("body")
flush("simple:")
with CM("a") as a, CM("b") as b, CM("c", value=42) as c:
    events.append("names %s %s %d" % (a.name, b.name, c))
flush("multi:")
with CM("outer", suppress=True):
    with CM("inner"):
        raise ValueError("x")
    events.append("not reached")
flush("suppressed by outer:")


def ret_through():
    with CM("r"):
        return "returned"


print(ret_through())
flush("return through:")
for i in range(3):
    with CM("loop%d" % i):
        if i == 0:
            continue
        if i == 2:
            break
        events.append("body%d" % i)
flush("loop control:")
try:
    with CM("e1"), CM("e2"):
        raise KeyError("k")
except KeyError:
    events.append("caught outside")
flush("propagate:")


class Transaction:
    def __init__(self, store):
        self.store = store

    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store

    def __exit__(self, et, ev, tb):
        if et is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            events.append("rollback")
            return True
        events.append("commit")
        return False


store = {"a": 1}
with Transaction(store) as s:
    s["b"] = 2
with Transaction(store) as s:
    s["c"] = 3
    s["a"] = 100
    raise RuntimeError("abort")
print("store:", sorted(store.items()))
flush("transactions:")


class Timer:
    ticks = 0

    def __enter__(self):
        Timer.ticks += 1
        self.start = Timer.ticks
        return self

    def __exit__(self, *exc):
        Timer.ticks += 5
        self.elapsed = Timer.ticks - self.start
        return False


with Timer() as t1:
    with Timer() as t2:
        pass
print("timers:", t1.elapsed, t2.elapsed)


class Suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return None

    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)


for exc in (ValueError, KeyError, TypeError):
    try:
        with Suppress(ValueError, KeyError):
            raise exc("boom")
        print("suppressed", exc.__name__)
    except TypeError:
        print("not suppressed", exc.__name__)


def nested_with_finally():
    out = []
    try:
        with CM("f1"):
            try:
                with CM("f2"):
                    return out
            finally:
                out.append("inner finally")
    finally:
        out.append("outer finally")


print(nested_with_finally())
flush("with+finally:")
with CM("x") as x:
    pass
print("manager after block:", x.name)
flush("final:")
