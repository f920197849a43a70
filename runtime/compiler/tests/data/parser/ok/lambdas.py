f = lambda: 0
g = lambda x: x + 1
h = lambda x, y=2, *args, z, **kw: (x, y, args, z, kw)
k = lambda *, a: a
m = lambda a, /, b: a
n = lambda x: lambda y: x + y
p = lambda x: x if x else -x
