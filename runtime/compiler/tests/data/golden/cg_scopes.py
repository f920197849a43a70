class Outer:
    K = 3
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    f = lambda self, k=K: k
    class Inner:
        def m(self):
            return Outer.K
    def meth(self):
        return [self.K * i for i in range(self.K)]

def make():
    fns = []
    for i in range(3):
        fns.append(lambda i=i: i)
    base = 10
    res = [base + j for j in range(3)]
    gen = (base * j for j in range(3))
    def use():
        return base
    try:
        1 / 0
    except ZeroDivisionError as e:
        def show():
            return e
        err = show
    del base
    return fns, res, gen, use

def shadow(x):
    def g():
        return x
    x = 5
    return g

def uses_global_then_local():
    global counter
    counter = 1
    def inner():
        global counter
        counter += 1
    return inner

for a, *b in [(1, 2, 3)]:
    print(a, b)
x = not 1
y = not 0
z = 1 and 2 or 3
w = 0 or [] or "x"
inf = 1e400
octs = 0o17, 0b101, 0x7fffffff, -0x40000000, -0x40000001, 1 << 64, -(1 << 64)
u = "\u00e9"
print(x, y, z, w, inf, octs, u)
