# Greenhouse climate controller: rule engine with priorities over sensor readings,
# actuators with property-based state, override windows, and an hourly simulation.
from micropython import const

_VENT_STEP = const(25)


class Actuator:
    def __init__(self, name, lo=0, hi=1):
        self.name = name
        self.lo, self.hi = lo, hi
        self._value = lo
        self.changes = 0

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, v):
        v = max(self.lo, min(self.hi, v))
        if v != self._value:
            self.changes += 1
            self._value = v


class Rule:
    def __init__(self, name, priority, cond, action):
        self.name, self.priority, self.cond, self.action = name, priority, cond, action
        self.fired = 0


def make_rules(act):
    def vent_open(s):
        act["vent"].value += _VENT_STEP

    def vent_close(s):
        act["vent"].value -= _VENT_STEP

    return [
        Rule("frost", 0, lambda s: s["temp"] < 5, lambda s: setattr(act["heater"], "value", 1)),
        Rule("warm-ok", 5, lambda s: s["temp"] > 12, lambda s: setattr(act["heater"], "value", 0)),
        Rule("hot", 1, lambda s: s["temp"] > 28, vent_open),
        Rule("cool", 4, lambda s: s["temp"] < 22, vent_close),
        Rule("humid", 2, lambda s: s["hum"] > 85, lambda s: setattr(act["fan"], "value", 1)),
        Rule("dry", 3, lambda s: s["hum"] < 70, lambda s: setattr(act["fan"], "value", 0)),
        Rule("mist", 3, lambda s: s["hum"] < 45 and s["temp"] > 20, lambda s: setattr(act["mister"], "value", 1)),
        Rule("mist-off", 6, lambda s: s["hum"] > 60, lambda s: setattr(act["mister"], "value", 0)),
    ]


def environment(hour):
    outside = [3, 2, 2, 1, 2, 4, 7, 10, 14, 18, 22, 25, 27, 28, 28, 26, 23, 19, 15, 11, 8, 6, 5, 4][hour]
    hum = [90, 92, 93, 94, 92, 88, 80, 70, 60, 52, 46, 42, 40, 38, 40, 44, 50, 58, 66, 74, 80, 85, 88, 90][hour]
    return outside, hum


act = {n: Actuator(n) for n in ("heater", "fan", "mister")}
act["vent"] = Actuator("vent", 0, 100)
rules = sorted(make_rules(act), key=lambda r: r.priority)
inside = 10.0
print("hr  out  in    hum heat fan mist vent fired")
for hour in range(24):
    outside, hum = environment(hour)
    inside += (outside + 6 - inside) * 0.4 + act["heater"].value * 3 - act["vent"].value * 0.04
    hum_in = min(99, hum + 5 - act["fan"].value * 10 + act["mister"].value * 15)
    reading = {"temp": inside, "hum": hum_in}
    fired = [r for r in rules if r.cond(reading)]
    for r in fired:
        r.action(reading)
        r.fired += 1
    print("%02d %4d %5.1f %4d %4d %3d %4d %4d %s" % (hour, outside, inside, hum_in, act["heater"].value,
          act["fan"].value, act["mister"].value, act["vent"].value, ",".join(r.name for r in fired)))
print("rule counts", [(r.name, r.fired) for r in rules])
print("actuator changes", sorted((a.name, a.changes) for a in act.values()))
