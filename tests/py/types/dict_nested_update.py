config = {"net": {"port": 80}, "debug": False}
config["net"]["port"] = 8080
config.setdefault("net", {})["host"] = "h"
config.update(debug=True)
print(sorted(config), config["net"]["port"], config["net"]["host"], config["debug"])
merged = dict(config)
merged["extra"] = 1
print(len(config), len(merged), merged["net"] is config["net"])
