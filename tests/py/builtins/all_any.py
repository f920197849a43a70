print(all([]), any([]), all(()), any(()))
print(all([1, 2, 3]), all([1, 0, 3]), any([0, 0, 1]), any([0, "", None]))
print(all("abc"), any(""), all(x > 0 for x in range(1, 5)))
print(any(x > 3 for x in range(5)), any(x > 9 for x in range(5)))
seen = []
def check(value):
    seen.append(value)
    return value > 1
print(any(check(v) for v in [0, 1, 2, 3, 4]), seen)
seen.clear()
print(all(check(v) for v in [5, 6, 0, 7]), seen)
print(all({1: 0}), any({0: 1}), all(set()), any({0}))
