def make():
    base = 5
    return (base + i for i in range(3))


print(list(make()))
data = [3, 1, 2]
g = (x for x in data)
data = [9]
print(list(g))


class Holder:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]


print(Holder.doubled)
