data = [3, 1, 4, 1, 5, 9, 2, 6]
evens = [x for x in data if x % 2 == 0]
pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
index = {x: i for i, x in enumerate(data)}
unique = {x for x in data}
nested = [[y * x for y in range(x)] for x in range(4)]
total = sum(x for x in data if x > 2)


def scoped(n):
    return [n * k for k in range(n)]


print(evens, pairs, index, unique, nested, total, scoped(3))
