x = "global"


def f():
    print(x)


def g():
    x = "local"

    def h():
        return x

    return h()


def k():
    x = "k local"
    return [x for _ in range(1)]


f()
print(g(), k())
y = [1, 2]


def mutate():
    y.append(3)


mutate()
print(y)
for loop_var in range(3):
    pass
print(loop_var)
comp_var = "unchanged"
[comp_var for comp_var in range(3)]
print(comp_var)
