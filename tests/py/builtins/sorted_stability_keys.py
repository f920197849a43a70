records = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(records, key=lambda r: (r[1], r[0])))
print(sorted(records, key=lambda r: r[0], reverse=True))
print(sorted("Hello World".split(), key=str.lower))
print(sorted([[3, "c"], [1, "a"], [2, "b"]])[0], sorted({3: "x", 1: "y"}.items()))
