# Deeply nested data through every native operation that recurses into it:
# comparing, ordering, hashing, printing and serialising. Shallow data gives
# the answer; deep data either gives it or raises RuntimeError (how deep a
# machine can go depends on its stack), but never crashes or hangs the VM.
import json


def nest_lists(depth):
    x = []
    for i in range(depth):
        x = [x]
    return x


def nest_tuples(depth):
    t = ()
    for i in range(depth):
        t = (t,)
    return t


def nest_dicts(depth):
    d = {}
    for i in range(depth):
        d = {"k": d}
    return d


def attempt(name, operation):
    try:
        operation()
    except RuntimeError:
        pass
    print(name, "survived")


for depth in (20, 2000):
    x = nest_lists(depth)
    t = nest_tuples(depth)
    if depth == 20:
        print(x == nest_lists(20), x == x[0], x != x[0], t == nest_tuples(20), t < t[0], t > t[0])
        print(hash(t) == hash(nest_tuples(20)), len(repr(x)), len(str(t)), len(json.dumps(x)))
        print(x in [x[0], x], [x[0], x].index(x), sorted([x, x[0]])[0] == x[0])
    attempt("list ==", lambda: x == x[0])
    attempt("list <", lambda: x < x[0])
    attempt("tuple ==", lambda: t == (t,))
    attempt("tuple <", lambda: t < t[0])
    attempt("hash", lambda: hash(t))
    attempt("dict key", lambda: {t: 1})
    attempt("repr", lambda: repr(x))
    attempt("str", lambda: str(t))
    attempt("format", lambda: "{}".format(x))
    attempt("json", lambda: json.dumps(x))
    attempt("in", lambda: x[0] in [x])
    attempt("index", lambda: [x].index(x))
    attempt("sorted", lambda: sorted([x, x[0]]))
    x = t = None
d = nest_dicts(1000)
attempt("dict ==", lambda: d == d["k"])
attempt("dict repr", lambda: repr(d))
d = None

# A structure that contains itself.
a = [1]
a.append(a)
b = {}
b[1] = b
attempt("self repr", lambda: repr(a))
attempt("self dict repr", lambda: repr(b))
attempt("self ==", lambda: a == a[1])
