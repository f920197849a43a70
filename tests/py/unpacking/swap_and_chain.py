a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = c, a, b = 7, 8, 9
print(a, b, c)
x = y = z = []
x.append(1)
print(y, z, x is z)
i, items = 0, [10, 20, 30]
i, items[i] = 1, 99
print(i, items)
pairs = [(1, "one"), (2, "two")]
for number, word in pairs:
    print(number, word)
for index, (letter, count) in enumerate([("a", 1), ("b", 2)]):
    print(index, letter, count)
