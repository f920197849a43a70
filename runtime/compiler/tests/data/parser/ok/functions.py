def f(): pass
def g(a, b): return a + b
def h(a, b=1, *args, c, d=2, **kwargs): pass
def k(a, /, b, *, c): pass
def m(a, b=2, /, c=3): pass
def n(*, a, b=1): pass
def p(**kw,): pass
def q(a,): pass
