def divide(a, b):
    return a // b, a % b


q, r = divide(17, 5)
print(q, r, divide(-7, 2))


def stats(values):
    return min(values), max(values), sum(values) / len(values)


low, high, mean = stats([4, 8, 6])
print(low, high, mean)


def many():
    return 1, [2, 3], {"k": 4}


x, (y, z), w = many()
print(x, y, z, w)
