import json
print(json.loads('"\\u00e9t\\u00e9"') == "été", json.loads('"plain"'))
text = json.dumps({"k": "tab\tend"})
print(text, json.loads(text)["k"] == "tab\tend")
print(json.dumps(["a\\b", "c/d"]))
