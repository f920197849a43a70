# Stepper motor driver: full/half/wave step sequences for a 4-wire unipolar motor,
# trapezoidal speed profile with acceleration, and position tracking with homing.
from micropython import const

WAVE = ((1, 0, 0, 0), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1))
FULL = ((1, 1, 0, 0), (0, 1, 1, 0), (0, 0, 1, 1), (1, 0, 0, 1))
HALF = ((1, 0, 0, 0), (1, 1, 0, 0), (0, 1, 0, 0), (0, 1, 1, 0),
        (0, 0, 1, 0), (0, 0, 1, 1), (0, 0, 0, 1), (1, 0, 0, 1))
_STEPS_PER_REV = const(2048)


class Stepper:
    def __init__(self, seq=FULL, limit_at=None):
        self.seq = seq
        self.phase = 0
        self.position = 0
        self.coils = seq[0]
        self.limit_at = limit_at
        self.energised = 0

    def step(self, direction):
        self.phase = (self.phase + direction) % len(self.seq)
        self.coils = self.seq[self.phase]
        self.position += direction
        self.energised += sum(self.coils)

    def at_limit(self):
        return self.limit_at is not None and self.position <= self.limit_at

    def home(self, max_steps=500):
        n = 0
        while not self.at_limit():
            if n >= max_steps:
                raise RuntimeError("limit switch not found")
            self.step(-1)
            n += 1
        self.position = 0
        self.limit_at = None
        return n


def trapezoid(steps, v_max, accel):
    """Return per-step delays (us) for a trapezoidal profile."""
    delays = []
    v = 0.0
    ramp = int(v_max * v_max / (2 * accel))
    ramp = min(ramp, steps // 2)
    for i in range(steps):
        remaining = steps - i
        if i < ramp:
            v = (2 * accel * (i + 1)) ** 0.5
        elif remaining <= ramp:
            v = (2 * accel * remaining) ** 0.5
        else:
            v = v_max
        delays.append(int(1_000_000 / v))
    return delays


for name, seq in (("wave", WAVE), ("full", FULL), ("half", HALF)):
    m = Stepper(seq)
    coils = []
    for _ in range(len(seq)):
        m.step(1)
        coils.append("".join(map(str, m.coils)))
    print("%-4s %s energy %d" % (name, " ".join(coils), m.energised))
m = Stepper(HALF)
for _ in range(5):
    m.step(-1)
print("reverse phase", m.phase, "pos", m.position, m.coils)
delays = trapezoid(40, 800, 4000)
print("profile", delays[:6], "...", delays[18:22], "...", delays[-4:])
print("move time %.1f ms" % (sum(delays) / 1000))
short = trapezoid(6, 800, 4000)
print("short move", short)
m = Stepper(FULL, limit_at=-137)
m.position = 0
print("homing took", m.home(), "steps, pos", m.position)
deg = 90
target = deg * _STEPS_PER_REV // 360
for _ in range(target):
    m.step(1)
print("rotated %d deg = %d steps, pos %d, phase %d" % (deg, target, m.position, m.phase))
try:
    Stepper(limit_at=-1000).home(max_steps=100)
except RuntimeError as e:
    print("RuntimeError:", e)
