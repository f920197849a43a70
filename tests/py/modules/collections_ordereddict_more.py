from collections import OrderedDict
od = OrderedDict([("one", 1), ("two", 2)])
od["three"] = 3
print(od, len(od))
print(list(od.items()), od.get("two"), od.setdefault("four", 4), list(od))
od.update({"five": 5})
print(list(od.keys())[-1], sorted(od.values()))
print(OrderedDict(), type(od).__name__, type(od) is OrderedDict)
copy = OrderedDict(od)
print(copy == od, list(copy) == list(od))
