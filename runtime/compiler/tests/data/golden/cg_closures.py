def outer(a, b=2, *args, c, d=4, **kw):
    x = 1
    y = [a]
    def inner(z=x):
        nonlocal x
        x += z
        return x + y[0] + b
    def other():
        return lambda q: q + x + a
    return inner, other

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

g = 5
def use_global():
    global g
    g = g + 1
    del g

def deep(p):
    def mid():
        def inner():
            return p
        return inner
    return mid

f = lambda x, y=3, *r, k=1, **kw: (x, y, r, k, kw)
print(outer(1, c=3)[0](), counter()(), deep(7)()()(), f(1))
