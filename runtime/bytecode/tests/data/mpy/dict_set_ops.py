d = {"a": 1, "b": 2, "c": 3}
d2 = dict(d, d=4)
s = {1, 2} | {3} & {3, 4} ^ {5}
l2 = list(d) + list(s)
keys = sorted(d.keys())
vals = [v for k, v in d.items() if k != "b"]
print(d2, s, l2, keys, vals, "a" in d, d.get("q", 0))
