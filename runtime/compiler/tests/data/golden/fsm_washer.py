# Washing machine program sequencer: programs are lists of phases, each phase a
# generator yielding per-minute actuator states; door interlock and pause/resume.


class DoorOpen(Exception):
    pass


class Phase:
    def __init__(self, name, minutes, **act):
        self.name = name
        self.minutes = minutes
        self.act = act

    def run(self):
        for m in range(self.minutes):
            yield dict(self.act, phase=self.name, minute=m)


class Fill(Phase):
    def __init__(self, litres):
        super().__init__("fill", litres // 5, valve=1)
        self.litres = litres


class Spin(Phase):
    def __init__(self, rpm, minutes):
        super().__init__("spin", minutes, motor=rpm, pump=1)

    def run(self):
        for state in super().run():
            ramp = min(1.0, (state["minute"] + 1) / 2)
            state["motor"] = int(self.act["motor"] * ramp)
            yield state


PROGRAMS = {
    "quick": [Fill(20), Phase("wash", 4, motor=40, heater=0), Phase("drain", 1, pump=1), Spin(800, 3)],
    "cotton": [Fill(30), Phase("heat", 3, heater=1, motor=20), Phase("wash", 6, motor=50),
               Phase("drain", 2, pump=1), Fill(25), Phase("rinse", 3, motor=30),
               Phase("drain", 2, pump=1), Spin(1200, 4)],
}


class Washer:
    def __init__(self):
        self.door_closed = True
        self.paused = False
        self.log = []

    def steps(self, program):
        for phase in PROGRAMS[program]:
            yield from phase.run()

    def run(self, program, events=None):
        events = events or {}
        minute = 0
        energy = 0
        it = self.steps(program)
        while True:
            ev = events.get(minute)
            if ev == "open":
                self.door_closed = False
            elif ev == "close":
                self.door_closed = True
            elif ev == "pause":
                self.paused = True
            elif ev == "resume":
                self.paused = False
            minute += 1
            if self.paused:
                self.log.append("%3d paused" % minute)
                continue
            if not self.door_closed:
                raise DoorOpen("door opened at minute %d" % minute)
            try:
                st = next(it)
            except StopIteration:
                break
            energy += st.get("heater", 0) * 2000 + st.get("motor", 0) // 2 + st.get("pump", 0) * 40
            if st["minute"] == 0:
                self.log.append("%3d %-5s %s" % (minute, st["phase"], sorted((k, v) for k, v in st.items() if k not in ("phase", "minute"))))
        return minute - 1, energy


w = Washer()
for prog in ("quick", "cotton"):
    w.log = []
    minutes, wh = w.run(prog)
    print("program %-6s %2d min energy %d" % (prog, minutes, wh))
    for line in w.log:
        print("   ", line)
w.log = []
minutes, wh = w.run("quick", {3: "pause", 6: "resume"})
print("with pause:", minutes, "min;", sum(1 for l in w.log if "paused" in l), "paused minutes")
try:
    Washer().run("cotton", {10: "open"})
except DoorOpen as e:
    print("DoorOpen:", e)
spin = [s["motor"] for s in Spin(1000, 4).run()]
print("spin ramp", spin)
total = {p: sum(ph.minutes for ph in phases) for p, phases in PROGRAMS.items()}
print("durations", sorted(total.items()))
