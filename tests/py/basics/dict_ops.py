d = {"b": 2, "a": 1}
d["c"] = 3
print(sorted(d.items()), len(d), d["a"], d.get("z"), d.get("z", 0))
print("a" in d, "z" not in d, sorted(d.keys()), sorted(d.values()))
d.update({"a": 10}, e=5)
print(sorted(d.items()))
print(d.pop("e"), d.pop("zz", "default"), d.setdefault("f", 6), d.setdefault("a", 0))
print(sorted(d.items()))
k, v = d.popitem()
print(k in ("a", "b", "c", "f"), len(d))
print(dict(a=1), dict([("x", 1)]), dict(zip("ab", (1, 2))) == {"a": 1, "b": 2})
print(dict.fromkeys("xy", 0) == {"x": 0, "y": 0})
d2 = {1: "int", 1.0: "float"}
print(d2)
e = {}
e[(1, 2)] = "tuple key"
print(e[(1, 2)])
