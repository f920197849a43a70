import json
print(json.dumps(0), json.dumps(-5), json.dumps(2**40), json.dumps(1.5), json.dumps(True), json.dumps(None))
print(json.dumps("text"), json.dumps(""), json.dumps("tab\t nl\n quote\" slash\\"))
print(json.dumps([]), json.dumps([1, [2, [3]]]), json.dumps((1, "a")), json.dumps({}))
print(json.dumps({"key": [1, 2]}), json.dumps({"n": None}), json.dumps([{"a": {"b": []}}]))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps({"a": 1}, separators=(", ", ": ")))
