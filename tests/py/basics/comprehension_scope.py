x = "outer"
result = [x for x in range(3)]
print(x, result)


def f():
    y = 10
    return [y + i for i in range(3)]


print(f())


def g():
    items = [1, 2, 3]
    return {i: [j for j in items if j != i] for i in items}


print(sorted(g().items()))
n = 5
print([[n * i for i in range(2)] for n in range(3)], n)
