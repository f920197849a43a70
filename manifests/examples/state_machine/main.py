# A traffic-light controller as a table-driven state machine, with a
# pedestrian button and a fault input that forces flashing amber.
import gc

TRANSITIONS = {
    ("red", "timer"): "green",
    ("green", "timer"): "amber",
    ("green", "button"): "amber",
    ("amber", "timer"): "red",
    ("red", "fault"): "flashing",
    ("green", "fault"): "flashing",
    ("amber", "fault"): "flashing",
    ("flashing", "reset"): "red",
}
DURATION = {"red": 4, "green": 6, "amber": 2, "flashing": 0}


class Controller:
    def __init__(self):
        self.state = "red"
        self.remaining = DURATION["red"]
        self.history = []

    def handle(self, event):
        target = TRANSITIONS.get((self.state, event))
        if target is None:
            return False
        self.history.append((self.state, event, target))
        self.state = target
        self.remaining = DURATION[target]
        return True

    def tick(self):
        if self.remaining:
            self.remaining -= 1
            if self.remaining == 0:
                self.handle("timer")


inputs = {3: "button", 9: "button", 15: "fault", 17: "timer", 19: "reset"}
light = Controller()
for second in range(24):
    event = inputs.get(second)
    if event and not light.handle(event):
        print("t=%2d %s ignored in %s" % (second, event, light.state))
    light.tick()
    print("t=%2d %s" % (second, light.state))
print("transitions:")
for step in light.history:
    print("  %s --%s--> %s" % step)
alloc = getattr(gc, "mem_alloc", None)
print("heap:", alloc() if alloc else 0, "bytes")
