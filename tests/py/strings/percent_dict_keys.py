data = {"name": "sensor", "value": 21.5, "count": 3}
print("%(name)s: %(value).1f (%(count)d)" % data)
print("%(name)-10s|%(count)03d" % data)
print("%(value)r %%" % data)
try:
    "%(missing)s" % data
except KeyError:
    print("KeyError")
