except ValueError, e:
    pass
try:
    pass
except A, B:
    pass
