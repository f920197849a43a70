def f(*a, *b): pass
def g(**k, a): pass
def h(*): pass
def i(/, a): pass
