class Bag:
    def __init__(self):
        self.items = []
        self.count = 0
        self.meta = {"n": 0}


b = Bag()
b.items += [1, 2]
b.count += 5
b.meta["n"] += 1
b.items[0] *= 10
print(b.items, b.count, b.meta)


class Vec:
    def __init__(self, xs):
        self.xs = list(xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __setitem__(self, i, v):
        print("set", i, v)
        self.xs[i] = v


v = Vec([1, 2, 3])
v[-1] += 100
v[0] -= 1
print(v.xs, v[-2])
