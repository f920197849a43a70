import json

samples = [
    0, -1, 2**40, 3.5, -0.125, 1e100, "", "text", "tab\there", True, False, None,
    [], {}, [1, [2, [3, [4]]]], {"nested": {"list": [1, 2, {"x": None}]}},
    {"unicode": "caf\u00e9"}, ["mixed", 1, 2.5, False, None],
]
for sample in samples:
    text = json.dumps(sample)
    back = json.loads(text)
    print(text, back == sample)
print(json.loads("  [ 1 ,2,\n3 ]  "))
print(json.loads('"\\u00e9\\u0041"') == "\u00e9A")
print(json.loads("-0"), json.loads("1.5e-3"), json.loads("2E2"))
print(json.dumps([1, 2], separators=(",", ": ")), json.dumps({"a": 1}, separators=(", ", ":")))
