print(list(map(lambda *xs: sum(xs), [1, 2], [10, 20], [100, 200])))
print(list(map(max, [1, 5], [4, 2])), list(map(str.upper, ["a", "b"])))
print(list(map(len, ("", "ab", [1]))), sum(map(int, "12345")))
