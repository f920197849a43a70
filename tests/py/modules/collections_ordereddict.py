from collections import OrderedDict
od = OrderedDict()
od["z"] = 1
od["a"] = 2
od["m"] = 3
print(list(od), list(od.keys()), list(od.values()), list(od.items()))
print(od)
od["z"] = 10
print(list(od.items()))
del od["a"]
od["a"] = 20
print(list(od))
print(od.pop("m"), list(od), len(od), "z" in od)
od2 = OrderedDict([("b", 1), ("a", 2)])
print(od2, list(od2))
print(isinstance(od, dict), od.get("z"), od.get("nope", 0))
