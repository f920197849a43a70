point = 3, 4
x, y = point
print(point, x, y, type(point).__name__)
a, (b, c), d = 1, (2, 3), 4
print(a, b, c, d)
first, *middle, last = range(6)
print(first, middle, last)
x, y = y, x
print(x, y)
def pair():
    return "left", "right"
l, r = pair()
print(l, r, pair()[1])
