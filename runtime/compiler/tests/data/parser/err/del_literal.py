del 1
del f()
del (a, 1)
