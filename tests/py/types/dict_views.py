d = {"x": 1, "y": 2}
keys = d.keys()
values = d.values()
items = d.items()
print(len(keys), len(values), len(items), sorted(keys), sorted(values), sorted(items))
d["z"] = 3
print(len(keys), sorted(keys), "z" in keys, ("z", 3) in items)
for key in sorted(d.keys()):
    print(key, d[key])
print(sorted(k for k, v in d.items() if v > 1))
print(type(keys).__name__ in ("dict_keys", "dict_view"), list(d.keys()) == list(d))
