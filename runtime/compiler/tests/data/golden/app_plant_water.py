# Plant watering controller: soil moisture calibration, per-zone schedules,
# rain delay, pump duty limits and a day-by-day simulation.
from micropython import const

_DRY_RAW = const(52000)
_WET_RAW = const(21000)
_PUMP_MAX_S = const(120)


def moisture_pct(raw):
    pct = (_DRY_RAW - raw) * 100 // (_DRY_RAW - _WET_RAW)
    return max(0, min(100, pct))


class Zone:
    def __init__(self, name, target, ml_per_s, drink_per_day):
        self.name = name
        self.target = target
        self.ml_per_s = ml_per_s
        self.drink = drink_per_day
        self.moisture = 60.0
        self.watered_ml = 0

    def raw(self):
        return int(_DRY_RAW - self.moisture * (_DRY_RAW - _WET_RAW) / 100)

    def dry_out(self, hot):
        self.moisture = max(0.0, self.moisture - self.drink * (1.5 if hot else 1.0))

    def water(self, seconds):
        ml = seconds * self.ml_per_s
        self.watered_ml += ml
        self.moisture = min(100.0, self.moisture + ml / 25)
        return ml


class Controller:
    def __init__(self, zones):
        self.zones = zones
        self.rain_delay = 0
        self.log = []

    def rain(self, days):
        self.rain_delay = max(self.rain_delay, days)
        for z in self.zones:
            z.moisture = min(100.0, z.moisture + 25)

    def daily(self, day):
        if self.rain_delay:
            self.rain_delay -= 1
            self.log.append("day %2d: rain delay (%d left)" % (day, self.rain_delay))
            return
        for z in self.zones:
            pct = moisture_pct(z.raw())
            if pct < z.target:
                deficit = z.target - pct
                seconds = min(_PUMP_MAX_S, deficit * 25 // z.ml_per_s + 1)
                ml = z.water(seconds)
                self.log.append("day %2d: %-8s %3d%% < %d%% -> %3ds (%d ml)" % (day, z.name, pct, z.target, seconds, ml))


zones = [Zone("tomatoes", 55, 8, 9), Zone("herbs", 40, 5, 5), Zone("cactus", 10, 3, 2)]
ctl = Controller(zones)
print("calibration", [(r, moisture_pct(r)) for r in (60000, 52000, 40000, 30000, 21000, 15000)])
weather = {3: "hot", 4: "hot", 7: "rain", 12: "hot", 13: "rain"}
for day in range(16):
    w = weather.get(day)
    if w == "rain":
        ctl.rain(2)
    for z in zones:
        z.dry_out(w == "hot")
    ctl.daily(day)
for line in ctl.log:
    print(line)
for z in zones:
    print("%-8s moisture %5.1f%% total water %5d ml" % (z.name, z.moisture, z.watered_ml))
print("thirstiest:", max(zones, key=lambda z: z.watered_ml).name)
