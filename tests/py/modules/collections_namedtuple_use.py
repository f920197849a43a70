from collections import namedtuple
Reading = namedtuple("Reading", ("sensor", "value", "unit"))
readings = [Reading("temp", 21.5, "C"), Reading("hum", 40, "%"), Reading("temp", 22.5, "C")]
temps = [r.value for r in readings if r.sensor == "temp"]
print(temps, sum(temps) / len(temps))
print(sorted(readings, key=lambda r: r.value)[0])
print(readings[1][2], readings[-1].unit, readings[0] < readings[2])
by_sensor = {}
for r in readings:
    by_sensor.setdefault(r.sensor, []).append(r.value)
print(sorted(by_sensor.items()))
print(Reading(*["x", 1, "u"]))
