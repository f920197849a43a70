# JSON-ish configuration validation against a schema: types, ranges,
# required keys, defaults, nested objects, lists, enums and patterns;
# errors are collected with paths.
import json

SCHEMA = {
    "type": "object",
    "required": ["name", "wifi", "pins"],
    "properties": {
        "name": {"type": "str", "min_len": 3, "max_len": 16},
        "version": {"type": "int", "min": 1, "default": 1},
        "debug": {"type": "bool", "default": False},
        "wifi": {
            "type": "object",
            "required": ["ssid"],
            "properties": {
                "ssid": {"type": "str", "min_len": 1},
                "password": {"type": "str", "min_len": 8, "default": ""},
                "channel": {"type": "int", "min": 1, "max": 13, "default": 6},
            },
        },
        "pins": {"type": "list", "items": {"type": "int", "min": 0, "max": 29}, "max_items": 8},
        "mode": {"type": "str", "enum": ["sensor", "relay", "display"], "default": "sensor"},
        "rate": {"type": "float", "min": 0.1, "max": 100.0, "default": 1.0},
    },
}
TYPES = {"str": str, "int": int, "bool": bool, "float": (int, float), "object": dict, "list": list}


def validate(value, schema, path="$", errors=None):
    if errors is None:
        errors = []
    t = schema["type"]
    ok_type = isinstance(value, TYPES[t])
    if t in ("int", "float") and isinstance(value, bool):
        ok_type = False
    if not ok_type:
        errors.append("%s: expected %s, got %s" % (path, t, type(value).__name__))
        return value, errors
    if t == "object":
        out = {}
        props = schema.get("properties", {})
        for req in schema.get("required", []):
            if req not in value:
                errors.append("%s: missing required key %r" % (path, req))
        for key in sorted(value):
            if key not in props:
                errors.append("%s: unknown key %r" % (path, key))
                continue
            out[key], _ = validate(value[key], props[key], path + "." + key, errors)
        for key in sorted(props):
            if key not in value and "default" in props[key]:
                out[key] = props[key]["default"]
        return out, errors
    if t == "list":
        if len(value) > schema.get("max_items", 1 << 30):
            errors.append("%s: too many items (%d)" % (path, len(value)))
        out = []
        for i, item in enumerate(value):
            v, _ = validate(item, schema["items"], "%s[%d]" % (path, i), errors)
            out.append(v)
        if len(set(out)) != len(out):
            errors.append("%s: duplicate items" % path)
        return out, errors
    if "min" in schema and value < schema["min"]:
        errors.append("%s: %r < min %r" % (path, value, schema["min"]))
    if "max" in schema and value > schema["max"]:
        errors.append("%s: %r > max %r" % (path, value, schema["max"]))
    if "min_len" in schema and len(value) < schema["min_len"]:
        errors.append("%s: shorter than %d" % (path, schema["min_len"]))
    if "max_len" in schema and len(value) > schema["max_len"]:
        errors.append("%s: longer than %d" % (path, schema["max_len"]))
    if "enum" in schema and value not in schema["enum"]:
        errors.append("%s: %r not in %s" % (path, value, "/".join(schema["enum"])))
    return value, errors


def show(obj, indent=0):
    pad = "  " * indent
    for k in sorted(obj):
        v = obj[k]
        if isinstance(v, dict):
            print("%s%s:" % (pad, k))
            show(v, indent + 1)
        else:
            print("%s%s = %s" % (pad, k, json.dumps(v)))


docs = [
    '{"name": "greenhouse", "wifi": {"ssid": "home", "password": "supersecret"}, "pins": [2, 3, 15]}',
    '{"name": "gh", "version": 0, "wifi": {"channel": 14}, "pins": [1, 1, 40], "mode": "blink"}',
    '{"name": 5, "wifi": [], "pins": "none", "debug": "yes", "extra": null}',
    '{"name": "relaybox", "wifi": {"ssid": "x"}, "pins": [0,1,2,3,4,5,6,7,8], "rate": 250, "version": true}',
    '{"name": "display-unit", "wifi": {"ssid": "lab", "password": "short"}, "pins": [], "mode": "display", "rate": 2}',
]
for i, doc in enumerate(docs):
    print("== config %d ==" % i)
    cfg, errs = validate(json.loads(doc), SCHEMA)
    if errs:
        for e in errs:
            print("  ERROR", e)
    else:
        show(cfg, 1)
try:
    json.loads("{bad json")
except ValueError:
    print("json syntax error -> ValueError")
print(json.dumps({"list": [1, 2.5, None, True, "s"]}) == '{"list": [1, 2.5, null, true, "s"]}')
