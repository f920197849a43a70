print(list(), list("ab"), list((1, 2)), list(range(3)), list({1: 2}))
print(list(b"ab"), list(x * 2 for x in range(3)), sorted(list({3, 1, 2})))
a = [1, 2]
b = list(a)
b.append(3)
print(a, b, a is b, list(a) == a)
print(list(map(list, ["ab", "c"])))
print(type(list()), list.__name__ if hasattr(list, "__name__") else "list")
