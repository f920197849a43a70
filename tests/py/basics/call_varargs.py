def f(*args):
    return args


def g(first, *rest):
    return first, rest


def h(**kwargs):
    return sorted(kwargs.items())


def everything(a, b=0, *args, c, d=4, **kwargs):
    return a, b, args, c, d, sorted(kwargs.items())


print(f(), f(1), f(1, 2, 3))
print(g(1), g(1, 2, 3))
print(h(), h(x=1, y=2))
print(everything(1, c=3))
print(everything(1, 2, 3, 4, c=5, d=6, e=7, f=8))
print(type(f(1)).__name__, type(h.__name__).__name__)
