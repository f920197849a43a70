funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
bound = [lambda i=i: i for i in range(3)]
print([f() for f in bound])


def make_adders():
    adders = []
    for n in range(3):
        def add(x, n=n):
            return x + n
        adders.append(add)
    return adders


print([a(10) for a in make_adders()])


def shared():
    fs = []
    for n in range(3):
        fs.append(lambda: n)
    return fs


print([f() for f in shared()])
