d = {}
d[1] = "int"
d["1"] = "str"
d[(1, 2)] = "tuple"
d[None] = "none"
d[2.5] = "float"
d[b"1"] = "bytes"
d[frozenset([1])] = "frozenset"
print(d[1], d["1"], d[(1, 2)], d[None], d[2.5], d[b"1"], d[frozenset([1])], len(d))
d[1.0] = "float one"
d[True] = "true"
print(d[1], len(d))
big = {i: str(i) for i in range(100)}
print(len(big), big[42], big[99], sum(big) == sum(range(100)))
for i in range(0, 100, 3):
    del big[i]
print(len(big), 3 in big, 4 in big)
try:
    d[[1]] = 0
except TypeError:
    print("TypeError")
