print(dict(), dict(a=1), dict([("x", 1)]), dict(((1, 2),)))
d = dict({"k": 1}, z=2)
print(sorted(d.items()))
print(sorted(dict(zip("abc", range(3))).items()))
print(sorted(dict.fromkeys([1, 2])), sorted(dict.fromkeys("xy", 0).items()))
print(dict([(1, "a"), (1, "b")]))
print(type(dict()), isinstance({}, dict), dict is type({}))
e = dict(d)
e["z"] = 99
print(d["z"], e["z"])
try:
    dict([(1, 2, 3)])
except (ValueError, TypeError):
    print("bad pair")
