t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, (1,), ())
a, b, c = t
print(a, b, c)
print(t.count(2), t.index(3), 2 in t, (1, 2) < (1, 3), (1, 2) == (1, 2))
print(tuple([1, 2]), tuple("ab"), hash((1, 2)) == hash((1, 2)))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])
x, (y, z) = 1, (2, 3)
print(x, y, z)
x, y = y, x
print(x, y)
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
