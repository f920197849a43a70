# Function signatures: defaults, keyword-only, *args,
# **kwargs, forwarding, mutable-default pitfalls, errors.


# positional-only "/" markers are a SyntaxError in MicroPython, so omitted
def pos_only(a, b, c, *, d=4):
    return (a, b, c, d)


def kw_only(*, x, y=2):
    return x * 10 + y


def varargs(first, *args, sep="-", **kwargs):
    parts = [str(first)] + [str(a) for a in args]
    tail = ",".join("%s=%s" % kv for kv in sorted(kwargs.items()))
    return sep.join(parts) + ("|" + tail if tail else "")


def defaults(a, b=[], c=None):
    b.append(a)
    if c is None:
        c = []
    c.append(a)
    return len(b), len(c)


def forward(*args, **kwargs):
    return varargs(*args, **kwargs)


def wrapper(fn):
    def inner(*a, **k):
        return "<" + str(fn(*a, **k)) + ">"
    return inner


print(pos_only(1, 2, 3))
print(pos_only(1, 2, c=30, d=40))
print(kw_only(x=5), kw_only(y=9, x=1))
print(varargs(1), varargs(1, 2, 3), varargs(1, 2, sep="+"), varargs("a", k=1, j=2))
print(forward(9, 8, 7, sep="/", z=26))
print("mutable default:", defaults(1), defaults(2), defaults(3, []), defaults(4))
print(wrapper(pos_only)(7, 8, 9, d=0))
print(wrapper(kw_only)(x=3))
for bad in ("kw_only(1)", "kw_only()", "pos_only(1)", "varargs()", "pos_only(1, 2, 3, 4)"):
    try:
        eval(bad)
        print(bad, "-> no error")
    except TypeError:
        print(bad, "-> TypeError")


def all_kinds(a, b=2, c=3, *args, d, e=5, **kw):
    return "a=%s b=%s c=%s args=%s d=%s e=%s kw=%s" % (a, b, c, args, d, e, sorted(kw.items()))


print(all_kinds(1, d=4))
print(all_kinds(1, 20, 30, 40, 50, d=4, e=6, f=7))
print(all_kinds(*(1, 2, 3), **{"d": 0, "zz": 1}))


def count_calls(n, acc=None):
    if acc is None:
        acc = {"calls": 0}
    acc["calls"] += 1
    if n > 0:
        count_calls(n - 1, acc)
    return acc["calls"]


print("recursive with acc:", count_calls(10))


def default_eval_time(x, stamp=len("evaluated once")):
    return x + stamp


print("default eval:", default_eval_time(1), default_eval_time(1, 0))


def kwargs_only(**opts):
    return sorted(opts.items())


print(kwargs_only(), kwargs_only(a=1), kwargs_only(**{"b": 2}, c=3))


def arg_types(*args):
    return [type(a).__name__ for a in args]


print(arg_types(1, 1.5, "s", b"b", None, [], (), {}, set(), True, arg_types))


def reorder(z, y, x):
    return [x, y, z]


print("keyword order:", reorder(x=1, y=2, z=3), reorder(1, x=3, y=2))
print("many positional:", (lambda *a: sum(a))(*range(100)))
print("many keywords:", len((lambda **k: k)(**{"k%d" % i: i for i in range(40)})))
lam = lambda a, b=10, *c, d=1, **e: (a, b, c, d, sorted(e))
print("lambda sig:", lam(1), lam(1, 2, 3, d=4, z=5))


def big_signature(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11=11, a12=12, a13=13, a14=14):
    return a1 + a2 * a3 - a4 + a5 * a6 - a7 + a8 * a9 - a10 + a11 * a12 - a13 + a14


print("big signature:", big_signature(*range(1, 11)), big_signature(*range(1, 15)))


def sentinel_default(x, _missing=object()):
    return "missing" if x is _missing else x


print("sentinel:", sentinel_default(5), sentinel_default(None))


class Api:
    def call(self, method, *params, timeout=1.0, **headers):
        return "%s%s t=%.1f h=%s" % (method, params, timeout, sorted(headers))


api = Api()
print(api.call("GET", "/x", timeout=2.5, auth="k"))
print(Api.call(api, "PUT"))
bound = api.call
print(bound("DEL", 1, 2))
