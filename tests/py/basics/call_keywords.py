def f(a, b, *, key="k", flag=False):
    return a, b, key, flag


print(f(1, 2), f(1, 2, key="x"), f(1, b=2, flag=True))
try:
    f(1, 2, 3)
except TypeError:
    print("TypeError: keyword-only argument given positionally")
try:
    f(1)
except TypeError:
    print("TypeError: missing argument")
try:
    f(1, 2, nope=1)
except TypeError:
    print("TypeError: unexpected keyword")
try:
    f(1, 2, a=1)
except TypeError:
    print("TypeError: multiple values")


def g(*args, last):
    return args, last


print(g(1, 2, last=3))
