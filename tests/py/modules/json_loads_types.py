import json
print(json.loads("0"), json.loads("-12"), json.loads("3.25"), json.loads("1e2"), json.loads("-1.5E-3"))
print(json.loads("true"), json.loads("false"), json.loads("null"), json.loads('"s"'))
print(json.loads("[]"), json.loads("{}"), json.loads(" [ 1 , [ 2 ] ] "), json.loads('{"a": [1, {"b": null}]}'))
print(json.loads('"\\u00e9\\n\\t\\"\\\\\\/"'), json.loads('"\\u0041\\u0042"'))
print(json.loads("123456789012345678901234567890"), type(json.loads("1.0")), type(json.loads("1")))
for bad in ("[", "{", "[1,", "nul", "1 2", '"open'):
    try:
        json.loads(bad)
        print("accepted", repr(bad))
    except ValueError:
        print("ValueError", repr(bad))
