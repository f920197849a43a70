# Elevator controller: SCAN scheduling of hall/cab calls, door state machine and
# a step-by-step simulation.
from micropython import const

UP = const(1)
DOWN = const(-1)
IDLE = const(0)
_DOOR_TIME = const(2)


class Elevator:
    def __init__(self, floors):
        self.floors = floors
        self.floor = 0
        self.direction = IDLE
        self.calls = set()
        self.door = "closed"
        self.door_timer = 0
        self.moves = 0
        self.stops = []

    def call(self, floor):
        if not 0 <= floor < self.floors:
            raise ValueError("no floor %d" % floor)
        if floor == self.floor and self.direction == IDLE and self.door != "open":
            self._open()
        else:
            self.calls.add(floor)

    def _open(self):
        self.door = "open"
        self.door_timer = _DOOR_TIME
        self.stops.append(self.floor)

    def _pick_direction(self):
        if not self.calls:
            return IDLE
        above = [f for f in self.calls if f > self.floor]
        below = [f for f in self.calls if f < self.floor]
        if self.direction == UP and above:
            return UP
        if self.direction == DOWN and below:
            return DOWN
        if above and below:
            nearest = min(self.calls, key=lambda f: (abs(f - self.floor), f))
            return UP if nearest > self.floor else DOWN
        return UP if above else DOWN

    def step(self):
        if self.door == "open":
            self.door_timer -= 1
            if self.door_timer <= 0:
                self.door = "closed"
            return self.status()
        if self.floor in self.calls:
            self.calls.discard(self.floor)
            self._open()
            return self.status()
        self.direction = self._pick_direction()
        if self.direction != IDLE:
            self.floor += self.direction
            self.moves += 1
        return self.status()

    def status(self):
        arrow = {UP: "^", DOWN: "v", IDLE: "-"}[self.direction]
        shaft = "".join("[%s]" % ("#" if self.door == "open" else "E") if f == self.floor else " . "
                        for f in range(self.floors))
        return "%s %s calls=%s" % (shaft, arrow, sorted(self.calls))


e = Elevator(6)
timeline = {0: [3], 1: [1], 4: [5], 6: [0], 12: [2, 4], 20: [0]}
for t in range(30):
    for f in timeline.get(t, ()):
        e.call(f)
    print("t=%02d %s" % (t, e.step()))
print("stops", e.stops, "moves", e.moves)
try:
    e.call(9)
except ValueError as err:
    print("ValueError:", err)
e2 = Elevator(10)
e2.floor = 5
for f in (7, 2, 9, 1, 6):
    e2.call(f)
visit = []
for _ in range(40):
    e2.step()
    if e2.door == "open" and (not visit or visit[-1] != e2.floor):
        visit.append(e2.floor)
print("scan order from 5:", visit, "moves", e2.moves)
