# Traffic light controller: table-driven states with durations, pedestrian requests,
# night flashing mode and a fault state, stepped with a simulated 1 s tick.
from micropython import const

RED = const(0)
RED_AMBER = const(1)
GREEN = const(2)
AMBER = const(3)
FLASH = const(4)
FAULT = const(5)
NAMES = ("RED", "RED+AMBER", "GREEN", "AMBER", "FLASH", "FAULT")
LAMPS = {RED: "R..", RED_AMBER: "RA.", GREEN: "..G", AMBER: ".A.", FLASH: ".a.", FAULT: "R.."}
DURATION = {RED: 5, RED_AMBER: 1, GREEN: 6, AMBER: 2}
NEXT = {RED: RED_AMBER, RED_AMBER: GREEN, GREEN: AMBER, AMBER: RED}


class TrafficLight:
    def __init__(self):
        self.state = RED
        self.timer = DURATION[RED]
        self.ped_request = False
        self.night = False
        self.history = []
        self.crossings = 0

    def press(self):
        self.ped_request = True

    def set_night(self, on):
        self.night = on
        if on:
            self._enter(FLASH)
        elif self.state == FLASH:
            self._enter(RED)

    def fault(self):
        self._enter(FAULT)

    def _enter(self, st):
        if st != self.state:
            self.history.append((NAMES[self.state], NAMES[st]))
        self.state = st
        self.timer = DURATION.get(st, 0)
        if st == RED and self.ped_request:
            self.crossings += 1
            self.ped_request = False
            self.timer += 3

    def tick(self):
        if self.state in (FLASH, FAULT):
            return self.lamps()
        if self.state == GREEN and self.ped_request and self.timer > 2:
            self.timer = 2
        self.timer -= 1
        if self.timer <= 0:
            self._enter(NEXT[self.state])
        return self.lamps()

    def lamps(self):
        return LAMPS[self.state]


tl = TrafficLight()
row = []
for t in range(30):
    if t == 9:
        tl.press()
    row.append(tl.tick())
print("timeline:")
for i in range(0, 30, 10):
    print("  t=%02d" % i, " ".join(row[i:i + 10]))
print("crossings", tl.crossings)
tl.set_night(True)
print("night", [tl.tick() for _ in range(3)], NAMES[tl.state])
tl.set_night(False)
print("day again", NAMES[tl.state], tl.timer)
durations = {}
prev = tl.state
count = 0
for _ in range(60):
    tl.tick()
    count += 1
    if tl.state != prev:
        durations.setdefault(NAMES[prev], []).append(count)
        count = 0
        prev = tl.state
print("durations", sorted(durations.items()))
tl.fault()
print("fault lamps", tl.tick(), "state", NAMES[tl.state])
print("transitions", len(tl.history))
for a, b in tl.history[:6]:
    print("  %-9s -> %s" % (a, b))
assert all(b != a for a, b in tl.history)
cycle = sum(DURATION.values())
print("cycle length", cycle, "s, green share %.1f%%" % (100 * DURATION[GREEN] / cycle))
