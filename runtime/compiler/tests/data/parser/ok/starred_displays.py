a = [*b, *c, d]
s = {*a, 1}
t = *a, *b
u = (*a,)
d = {**a, 'k': 1, **b}
print(*args, **kwargs)
f(a, *b, c, *d, k=1, **e)
f(k=1, *a)
f(**a, k=1)
