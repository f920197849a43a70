pairs = [(1, "first"), (1, "second"), (0, "third"), (0, "fourth")]
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[0]))
print(max([1, 1.0], key=lambda v: 0), min([1.0, 1], key=lambda v: 0))
print(max("abc", "abd", "ab"), min([[2], [1, 5], [1]]))
