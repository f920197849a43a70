d = {}
for key in ("zeta", "alpha", "mid"):
    d[key] = len(key)
print(sorted(d), sorted(d.values()), len(d))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(sorted(inverted.items()))
