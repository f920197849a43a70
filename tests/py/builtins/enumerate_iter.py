print(list(enumerate([])), list(enumerate("ab")), list(enumerate("ab", 1)))
print(list(enumerate(range(3), -1)), list(enumerate("xy", start=10)))
for index, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(index, a, b)
e = enumerate("abc")
print(next(e), next(e), next(e))
try:
    next(e)
except StopIteration:
    print("StopIteration")
print(dict(enumerate("ab")))
print(list(enumerate(x * x for x in range(4))))
print(iter(e) is e)
