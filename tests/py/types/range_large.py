r = range(0, 10**6, 7)
print(len(r), r[1000], r[-1], 700 in r, 701 in r)
print(sum(range(10**4)), list(range(10**6, 10**6 + 3)))
print(range(-5, 5)[-1], len(range(100, -100, -3)))
