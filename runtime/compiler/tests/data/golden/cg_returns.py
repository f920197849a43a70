def f(a, b):
    return a if a > b else b

def g(a):
    return not a

def h(a):
    if not a:
        return
    elif a and not a.x:
        return 1
    while not a:
        a = a.next
    return a or None

def k(seq):
    for i, v in enumerate(seq):
        if v is None or v is not seq:
            return i
    return -1

def m(x):
    return x if x else 0 if x is None else 1

def n(x, *, y, z=3):
    return x, y, z

