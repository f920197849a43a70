f(a=1, b)
f(**k, c)
f(**k, *a)
