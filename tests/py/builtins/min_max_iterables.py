print(max(range(5)), min(iter([3, 1, 2])), max("zebra"), min((9, 8, 7)), max({1: 0, 5: 0}))
print(max(x * x for x in range(-5, 3)), min(abs(x) for x in [-3, 2, -1]))
print(max([(1, "b"), (1, "a")]), min([[2, 0], [1, 9]]))
