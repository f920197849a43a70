print(list(zip()), list(zip([1, 2, 3])), list(zip([1, 2], "ab")), list(zip("abc", range(10))))
print(list(zip([1, 2], [3, 4], [5, 6])), list(zip([], [1])), dict(zip("ab", "xy")))
a, b = zip(*[(1, "x"), (2, "y"), (3, "z")])
print(a, b)
z = zip(range(3), range(3, 6))
print(next(z), list(z), list(z))
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
def gen():
    yield 1
    yield 2
print(list(zip(gen(), "abcd")))
