# Thermostat with hysteresis, minimum on/off times (compressor protection), modes and
# a simple thermal model of the room stepped minute by minute.
from micropython import const

_MIN_ON = const(3)
_MIN_OFF = const(4)
OFF, HEAT, COOL, AUTO = "off", "heat", "cool", "auto"


class Thermostat:
    def __init__(self, setpoint=21.0, band=0.5):
        self.setpoint = setpoint
        self.band = band
        self.mode = AUTO
        self.output = OFF
        self.since = 0
        self.t = 0
        self.switches = 0

    def _can_switch(self):
        limit = _MIN_ON if self.output != OFF else _MIN_OFF
        return self.t - self.since >= limit

    def _set(self, out):
        if out != self.output and self._can_switch():
            self.output = out
            self.since = self.t
            self.switches += 1

    def update(self, temp):
        self.t += 1
        lo, hi = self.setpoint - self.band, self.setpoint + self.band
        want = self.output
        if self.mode == OFF:
            want = OFF
        elif self.output == HEAT:
            want = OFF if temp >= hi else HEAT
        elif self.output == COOL:
            want = OFF if temp <= lo else COOL
        else:
            if temp < lo and self.mode in (HEAT, AUTO):
                want = HEAT
            elif temp > hi + 1.0 and self.mode in (COOL, AUTO):
                want = COOL
        self._set(want)
        return self.output


class Room:
    def __init__(self, temp, outside):
        self.temp = temp
        self.outside = outside

    def step(self, output):
        self.temp += (self.outside - self.temp) * 0.05
        if output == HEAT:
            self.temp += 0.6
        elif output == COOL:
            self.temp -= 0.7
        return self.temp


room = Room(17.0, 10.0)
th = Thermostat()
rows = []
for minute in range(60):
    if minute == 30:
        room.outside = 32.0
    if minute == 45:
        th.setpoint = 23.0
    out = th.update(room.temp)
    room.step(out)
    rows.append((minute, room.temp, out))
for m, temp, out in rows[::4]:
    bar = "#" * int((temp - 14) * 2)
    print("%2d min %5.2f C %-4s %s" % (m, temp, out, bar))
print("switches", th.switches)
on_time = {}
for _, _, out in rows:
    on_time[out] = on_time.get(out, 0) + 1
print("time per output", sorted(on_time.items()))
th.mode = OFF
print("mode off ->", [th.update(15.0) for _ in range(6)])
th2 = Thermostat(20.0, 0.25)
th2.mode = HEAT
print("heat-only on hot day", {th2.update(t) for t in (30.0, 31.0, 29.0)})
temps = [19.0, 19.5, 19.8, 20.3, 20.6, 20.2, 19.6, 19.4]
print("trace", [th2.update(t) for t in temps])
