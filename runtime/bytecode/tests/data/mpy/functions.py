def simple():
    return 1


def with_args(a, b, c=3, *args, d, e=5, **kwargs):
    return a + b + c + d + e + len(args) + len(kwargs)


def only_kw(*, key, value=None):
    return key, value


def many_defaults(a=1, b=2, c=3, d=4):
    return a, b, c, d


def annotated(x: int, y: "str" = "s") -> bool:
    return bool(x)


r = with_args(1, 2, d=4)
r2 = with_args(1, 2, 3, 4, 5, d=6, e=7, f=8)
r3 = only_kw(key=1)
lst = [1, 2, 3]
kw = {"d": 1}
r4 = with_args(*lst, **kw)
r5 = many_defaults(*lst)
print(simple(), r, r2, r3, r4, r5, annotated(1))
