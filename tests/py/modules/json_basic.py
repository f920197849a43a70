import json

print(json.dumps(1), json.dumps(-2.5), json.dumps("hi"), json.dumps(None), json.dumps(True), json.dumps(False))
print(json.dumps([1, 2, [3, "x"]]))
print(json.dumps((1, 2)))
print(json.dumps({"b": [True, None]}), json.dumps({"c": {"d": "e"}}))
print(json.dumps({}), json.dumps([]))
print(json.dumps("quote\" back\\ nl\n tab\t"))
print(json.dumps({"a": [1, 2]}, separators=(",", ":")))
print(json.dumps(2**70))

print(json.loads("1"), json.loads("-2.5"), json.loads('"hi"'), json.loads("null"), json.loads("true"), json.loads("false"))
print(json.loads("[1, 2, [3, \"x\"]]"))
print(sorted(json.loads(' { "a" : 1 , "b" : [ true , null ] , "c" : { "d" : "e" } } ').items()))
print(json.loads("[]"), json.loads("{}"), json.loads("1e3"), json.loads("12345678901234567890"))
print(json.loads('"esc\\n\\t\\"\\\\\\u0041"'))
print(json.loads(b'[1, 2]'))
config = json.loads('{"name": "sensor", "rate": 10, "pins": [2, 3], "debug": false}')
print(config["name"], config["rate"] * 2, config["pins"][1], config["debug"])
print(json.loads(json.dumps(config)) == config)

for bad in ("[1, 2", "tru", "", "[1] x"):
    try:
        json.loads(bad)
    except ValueError:
        print("ValueError", repr(bad))

import io

sink = io.StringIO()
json.dump({"k": [1, 2]}, sink)
print(sink.getvalue())
print(json.load(io.StringIO('{"x": [1, 2, 3]}')))
