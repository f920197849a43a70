def f(a=1, b): pass
lambda a=1, b: 0
