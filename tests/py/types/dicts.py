d = {"one": 1, "two": 2}
d["three"] = 3
print(sorted(d.items()), len(d), d["two"], d.get("four"), d.get("four", 4))
print(sorted(d.keys()), sorted(d.values()), sorted(d.items()))
print("one" in d, "five" in d)
del d["one"]
print(sorted(d))
print(d.pop("two"), d.pop("zzz", None), d)
d.update({"a": 1, "b": 2}, c=3)
print(sorted(d.items()))
print(d.setdefault("a", 9), d.setdefault("new", 0), sorted(d.items()))
e = dict(x=1, y=2)
print(sorted(e.items()), dict([("k", "v")]), sorted(dict(zip("ab", [1, 2])).items()))
print(sorted({k: v * 2 for k, v in e.items()}.items()))
for key in sorted(e):
    print(key, e[key])
for key, value in sorted(e.items()):
    print(key, value)
big = {}
for i in range(200):
    big[i] = i * i
print(len(big), big[150], sum(big.values()))
for i in range(0, 200, 2):
    del big[i]
print(len(big), big[151], sorted(big)[:5])
print({1: "int", 1.0: "float"}, {(1, 2): "tuple"}[(1, 2)])
print(d.copy() == d, {} == {}, sorted(dict.fromkeys("ab", 0).items()))
try:
    d["missing"]
except KeyError as error:
    print("KeyError", error)
print(len(d.popitem()), len(d))
e2 = dict(e)
e2.update(z=26)
print(sorted(e2.items()))
