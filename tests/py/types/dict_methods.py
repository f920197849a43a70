d = {"a": 1}
d["b"] = 2
d.update(c=3)
d.update([("d", 4)])
d.update({"e": 5})
print(sorted(d.items()), len(d))
print(d.get("a"), d.get("z"), d.get("z", 0), d.pop("e"), d.pop("z", "none"))
print(d.setdefault("a", 100), d.setdefault("f", 6), sorted(d))
print(sorted(d.keys()), sorted(d.values()), "a" in d, "z" in d, "a" in d.keys(), 1 in d.values())
key, value = d.popitem()
print(key in "abcdf", len(d))
c = d.copy()
c.clear()
print(len(c), len(d) > 0)
print(sorted(dict.fromkeys(["x", "y"], 0).items()))
try:
    d.pop("missing")
except KeyError:
    print("KeyError")
try:
    {}.popitem()
except KeyError:
    print("KeyError popitem")
