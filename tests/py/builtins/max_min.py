print(max(1, 2, 3), min(1, 2, 3), max([4, 9, 2]), min((4, 9, 2)), max("hello"), min("hello"))
print(max([1, 2], [1, 3]), min("b", "a", "c"), max(1, 2.5), min(-1, -1.5))
print(max(["aa", "b", "ccc"], key=len), min(["aa", "b", "ccc"], key=len))
print(max([], default="empty"), min([], default=None), max([5], default=0))
print(max(range(10), key=lambda v: (v % 4, v)), min({"x": 3, "y": 1}.items(), key=lambda kv: kv[1]))
print(max(3, 3.0), max(3.0, 3), min(True, 0))
words = ["pear", "fig", "apple", "kiwi"]
print(max(words, key=len), min(words, key=len), max(words))
try:
    max([])
except ValueError:
    print("ValueError max")
try:
    min(1, "a")
except TypeError:
    print("TypeError")
