print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted("bca"), sorted((2, 1)))
print(sorted(["bb", "a", "ccc"], key=len), sorted(["bb", "a", "ccc"], key=len, reverse=True))
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "y")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]))
print(sorted([-3, 2, -1], key=abs), sorted([], reverse=True), sorted([1.5, 1, 0.5]))
words = ["Banana", "apple", "cherry"]
print(sorted(words), sorted(words, key=str.lower))
items = [5, 3, 8]
result = sorted(items)
print(items, result, result is items)
try:
    sorted([1, "a"])
except TypeError:
    print("TypeError")
