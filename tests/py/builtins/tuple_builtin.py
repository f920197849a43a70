print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: 2}), tuple(x for x in "xy"))
t = (1, 2)
print(tuple(t) is t or tuple(t) == t, type(tuple()), tuple(b"ab"))
print(tuple(sorted({3, 1})), tuple(map(str, (1, 2))))
