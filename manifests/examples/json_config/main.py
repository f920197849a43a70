# Loads a JSON configuration, merges it over the defaults and validates it.
# The VM has no API yet for reading frozen resources at run time, so the
# configuration file is embedded in the program as a string.
import gc
import json

CONFIG = """
{
  "device": {"name": "greenhouse-2", "id": 17},
  "sensors": [
    {"type": "dht22", "pin": 4, "interval": 30},
    {"type": "soil", "pin": 26, "interval": 300, "calibration": [410, 880]},
    {"type": "light", "pin": 27}
  ],
  "wifi": {"ssid": "garden", "retries": 5},
  "log_level": "info"
}
"""

DEFAULTS = {"log_level": "warning", "wifi": {"ssid": None, "retries": 3, "timeout": 10}, "sensors": []}
SENSOR_DEFAULTS = {"interval": 60, "calibration": None}


def merge(base, override):
    result = {}
    for key in base:
        result[key] = base[key]
    for key in override:
        if isinstance(result.get(key), dict) and isinstance(override[key], dict):
            result[key] = merge(result[key], override[key])
        else:
            result[key] = override[key]
    return result


def validate(config):
    problems = []
    pins = []
    for index, sensor in enumerate(config["sensors"]):
        if sensor["pin"] in pins:
            problems.append("sensor %d reuses pin %d" % (index, sensor["pin"]))
        pins.append(sensor["pin"])
        if sensor["interval"] < 10:
            problems.append("sensor %d polls too often" % index)
    if config["log_level"] not in ("debug", "info", "warning", "error"):
        problems.append("bad log level")
    return problems


config = merge(DEFAULTS, json.loads(CONFIG))
config["sensors"] = [merge(SENSOR_DEFAULTS, sensor) for sensor in config["sensors"]]
print("device", config["device"]["name"], "id", config["device"]["id"])
print("wifi", sorted(config["wifi"].items()))
for sensor in config["sensors"]:
    print("sensor %-5s pin %2d every %3ds calibration %s" % (sensor["type"], sensor["pin"], sensor["interval"], sensor["calibration"]))
print("problems", validate(config))
print("round trip", json.loads(json.dumps(config["wifi"])) == config["wifi"])
alloc = getattr(gc, "mem_alloc", None)
print("heap:", alloc() if alloc else 0, "bytes")
