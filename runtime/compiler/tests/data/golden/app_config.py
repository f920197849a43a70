# Configuration manager: defaults merged with JSON overrides, schema validation with
# typed fields and ranges, dotted-path access, change notification and serialisation.
import json


class ConfigError(ValueError):
    pass


SCHEMA = {
    "wifi.ssid": (str, None),
    "wifi.retries": (int, (0, 10)),
    "sensor.interval_s": (int, (1, 3600)),
    "sensor.offset_c": (float, (-5.0, 5.0)),
    "display.brightness": (int, (0, 255)),
    "display.enabled": (bool, None),
}
DEFAULTS = {"wifi": {"ssid": "pico", "retries": 3},
            "sensor": {"interval_s": 60, "offset_c": 0.0},
            "display": {"brightness": 128, "enabled": True}}


def deep_copy(d):
    return {k: deep_copy(v) if isinstance(v, dict) else v for k, v in d.items()}


class Config:
    def __init__(self, defaults):
        self.data = deep_copy(defaults)
        self.watchers = []

    def get(self, path, default=None):
        node = self.data
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def set(self, path, value):
        if path not in SCHEMA:
            raise ConfigError("unknown key %s" % path)
        typ, rng = SCHEMA[path]
        if typ is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if type(value) is not typ:
            raise ConfigError("%s: expected %s, got %s" % (path, typ.__name__, type(value).__name__))
        if rng and not rng[0] <= value <= rng[1]:
            raise ConfigError("%s: %r not in %r" % (path, value, rng))
        *parents, leaf = path.split(".")
        node = self.data
        for p in parents:
            node = node.setdefault(p, {})
        old = node.get(leaf)
        node[leaf] = value
        if old != value:
            for w in self.watchers:
                w(path, old, value)

    def load_json(self, text):
        errors = []
        def walk(prefix, obj):
            for k in sorted(obj):
                path = prefix + k
                if isinstance(obj[k], dict):
                    walk(path + ".", obj[k])
                else:
                    try:
                        self.set(path, obj[k])
                    except ConfigError as e:
                        errors.append(str(e))
        walk("", json.loads(text))
        return errors

    def dumps(self):
        return json.dumps({k: {kk: self.data[k][kk] for kk in sorted(self.data[k])} for k in sorted(self.data)})


cfg = Config(DEFAULTS)
changes = []
cfg.watchers.append(lambda p, o, n: changes.append("%s: %r -> %r" % (p, o, n)))
print("interval", cfg.get("sensor.interval_s"), "missing", cfg.get("a.b.c", "n/a"))
override = '{"wifi": {"ssid": "greenhouse", "retries": 12}, "sensor": {"interval_s": 300, "offset_c": -1}, "display": {"enabled": 0, "brightness": 40}, "extra": {"x": 1}}'
errors = cfg.load_json(override)
print("errors:")
for e in errors:
    print("  ", e)
print("changes:")
for c in changes:
    print("  ", c)
print("dump", cfg.dumps())
cfg.set("sensor.offset_c", 2)
print("offset", cfg.get("sensor.offset_c"), type(cfg.get("sensor.offset_c")).__name__)
again = Config(DEFAULTS)
print("defaults untouched:", again.get("wifi.ssid"), DEFAULTS["wifi"]["ssid"])
print("roundtrip equal:", json.loads(cfg.dumps()) == cfg.data)
