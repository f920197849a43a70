# Weather station app: simulated sensors, per-hour aggregation, dew point and heat index,
# trend detection, and a JSON report.
import json
import math
from micropython import const

_SAMPLES_PER_HOUR = const(6)
_HOURS = const(8)


def simulated_sample(i):
    hour = i / _SAMPLES_PER_HOUR
    temp = 18 + 7 * math.sin((hour - 2) * math.pi / 12) + ((i * 37) % 11 - 5) * 0.05
    hum = 70 - 2.2 * (temp - 18) + ((i * 13) % 7 - 3) * 0.3
    press = 1012.0 - hour * 0.6 + ((i * 7) % 5 - 2) * 0.05
    wind = abs(((i * 29) % 17) - 8) * 0.9
    return temp, hum, press, wind


def dew_point(t, rh):
    a, b = 17.62, 243.12
    g = math.log(rh / 100) + a * t / (b + t)
    return b * g / (a - g)


def heat_index(t, rh):
    if t < 26:
        return t
    f = t * 9 / 5 + 32
    hi = (-42.379 + 2.04901523 * f + 10.14333127 * rh - 0.22475541 * f * rh
          - 6.83783e-3 * f * f - 5.481717e-2 * rh * rh + 1.22874e-3 * f * f * rh
          + 8.5282e-4 * f * rh * rh - 1.99e-6 * f * f * rh * rh)
    return (hi - 32) * 5 / 9


class Stat:
    def __init__(self):
        self.n = 0
        self.total = 0.0
        self.lo = None
        self.hi = None

    def add(self, v):
        self.n += 1
        self.total += v
        self.lo = v if self.lo is None else min(self.lo, v)
        self.hi = v if self.hi is None else max(self.hi, v)

    @property
    def mean(self):
        return self.total / self.n if self.n else float("nan")


def trend(values, eps=0.3):
    if len(values) < 2:
        return "steady"
    d = values[-1] - values[0]
    return "rising" if d > eps else "falling" if d < -eps else "steady"


hours = []
for h in range(_HOURS):
    stats = {k: Stat() for k in ("temp", "hum", "press", "wind")}
    for j in range(_SAMPLES_PER_HOUR):
        t, rh, p, w = simulated_sample(h * _SAMPLES_PER_HOUR + j)
        for k, v in zip(("temp", "hum", "press", "wind"), (t, rh, p, w)):
            stats[k].add(v)
    hours.append(stats)
print("hour  temp(min/max)      hum   press    wind  dew")
for h, s in enumerate(hours):
    t, rh = s["temp"].mean, s["hum"].mean
    print("%02d:00 %5.1f (%4.1f/%4.1f) %5.1f%% %7.1f %5.1f %5.1f" % (
        h, t, s["temp"].lo, s["temp"].hi, rh, s["press"].mean, s["wind"].hi, dew_point(t, rh)))
press_series = [s["press"].mean for s in hours]
temp_series = [s["temp"].mean for s in hours]
print("pressure", trend(press_series), "temperature", trend(temp_series))
forecast = "rain likely" if trend(press_series) == "falling" and hours[-1]["hum"].mean > 55 else "fair"
print("forecast:", forecast)
for t, rh in ((25, 50), (30, 60), (35, 40), (32, 80)):
    print("heat index %d C %d%% -> %.1f C" % (t, rh, heat_index(t, rh)))
report = {
    "station": "pico-ws1",
    "hours": _HOURS,
    "temp": {"min": round(min(s["temp"].lo for s in hours), 2), "max": round(max(s["temp"].hi for s in hours), 2)},
    "press_trend": trend(press_series),
    "forecast": forecast,
    "gust": round(max(s["wind"].hi for s in hours), 1),
}
text = json.dumps(report)
back = json.loads(text)
print("report keys", sorted(back), "bytes", len(text))
print("temp range", back["temp"]["min"], "..", back["temp"]["max"], "gust", back["gust"])
