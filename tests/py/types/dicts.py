d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"], d.get("four"), d.get("four", 4))
print(list(d.keys()), list(d.values()), list(d.items()))
print("one" in d, "five" in d)
del d["one"]
print(d)
print(d.pop("two"), d.pop("zzz", None), d)
d.update({"a": 1, "b": 2}, c=3)
print(d)
print(d.setdefault("a", 9), d.setdefault("new", 0), d)
e = dict(x=1, y=2)
print(e, dict([("k", "v")]), dict(zip("ab", [1, 2])))
print({k: v * 2 for k, v in e.items()})
for key in e:
    print(key, e[key])
for key, value in sorted(e.items()):
    print(key, value)
big = {}
for i in range(200):
    big[i] = i * i
print(len(big), big[150], sum(big.values()))
for i in range(0, 200, 2):
    del big[i]
print(len(big), big[151], list(big)[:5])
print({1: "int", 1.0: "float"}, {(1, 2): "tuple"}[(1, 2)])
print(d.copy() == d, {} == {}, dict.fromkeys("ab", 0))
try:
    d["missing"]
except KeyError as error:
    print("KeyError", error)
print(d.popitem(), len(d))
e2 = dict(e)
e2.update(z=26)
print(e2)
