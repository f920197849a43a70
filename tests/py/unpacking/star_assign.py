a, *b = [1, 2, 3]
print(a, b)
*a, b = (1, 2, 3)
print(a, b)
a, *b, c = range(5)
print(a, b, c)
a, *b, c = "xy"
print(a, b, c)
first, *_ = "hello"
print(first, _)
[x, y], *rest = [(1, 2), 3, 4]
print(x, y, rest)
(a, b), (c, d) = "ab", [3, 4]
print(a, b, c, d)
*everything, = {7: 0}
print(everything)
