import json
data = {"name": "device", "ids": [1, 2, 3], "meta": {"on": True, "level": 0.5, "tags": ["a", "b"]}, "none": None}
text = json.dumps(data)
back = json.loads(text)
print(back == data, sorted(back), back["meta"]["tags"], back["ids"][-1])
print(json.loads(json.dumps([[], {}, "", 0, False])))
print(json.dumps(json.loads('{"x": [1, 2.5, "s"]}')))
