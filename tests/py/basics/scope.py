x = "global"
def read():
    return x
def shadow():
    x = "local"
    return x
def modify():
    global x
    x = "modified"
print(read(), shadow(), x)
modify()
print(x)
def make_counter():
    count = [0]
    def bump():
        count[0] += 1
        return count[0]
    return bump
b1, b2 = make_counter(), make_counter()
print(b1(), b1(), b2())
def unbound():
    try:
        print(y)
    except NameError:
        print("NameError for unbound local")
    y = 1
unbound()
def closures_in_loop():
    fns = []
    for i in range(3):
        def f(i=i):
            return i
        fns.append(f)
    return [f() for f in fns]
print(closures_in_loop())
def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle
print(outer(1)(2)(3))
class K:
    attr = 5
    doubled = attr * 2
    items = [attr + i for i in range(2)] if False else [5, 6]
print(K.attr, K.doubled, K.items)
