# Li-ion battery charger controller: precharge, constant-current, constant-voltage,
# termination, fault detection (temperature, timeout), with a simple cell model.
from micropython import const

_V_PRE = const(3000)      # mV
_V_MAX = const(4200)
_I_CC = const(1000)       # mA
_I_PRE = const(100)
_I_TERM = const(50)
_T_MAX = const(45)        # deg C
_TIMEOUT = const(400)     # minutes
IDLE, PRE, CC, CV, DONE, FAULT = "IDLE", "PRE", "CC", "CV", "DONE", "FAULT"


class Cell:
    def __init__(self, mv, capacity_mah=2000):
        self.soc = max(0.0, (mv - 2800) / 1400)
        self.capacity = capacity_mah
        self.temp = 25.0
        self.r_int = 0.15  # ohm

    def ocv(self):
        return 2800 + 1400 * self.soc ** 0.8

    def terminal(self, ma):
        return self.ocv() + ma * self.r_int

    def charge(self, ma, minutes):
        self.soc = min(1.0, self.soc + ma * minutes / 60 / self.capacity)
        self.temp += ma / 1000 * 0.4 - (self.temp - 25) * 0.1


class Charger:
    def __init__(self, cell):
        self.cell = cell
        self.state = IDLE
        self.minutes = 0
        self.current = 0
        self.transitions = []
        self.fault_reason = None

    def _go(self, st):
        self.transitions.append((self.minutes, self.state, st))
        self.state = st

    def step(self):
        self.minutes += 1
        c = self.cell
        if self.state in (DONE, FAULT):
            self.current = 0
            return
        if c.temp > _T_MAX:
            self.fault_reason = "overtemp %.1f" % c.temp
            self._go(FAULT)
            return
        if self.minutes > _TIMEOUT:
            self.fault_reason = "timeout"
            self._go(FAULT)
            return
        if self.state == IDLE:
            self._go(PRE if c.ocv() < _V_PRE else CC)
        if self.state == PRE:
            self.current = _I_PRE
            if c.ocv() >= _V_PRE:
                self._go(CC)
        if self.state == CC:
            self.current = _I_CC
            if c.terminal(self.current) >= _V_MAX:
                self._go(CV)
        if self.state == CV:
            self.current = max(0, int((_V_MAX - c.ocv()) / c.r_int))
            self.current = min(self.current, _I_CC)
            if self.current < _I_TERM:
                self._go(DONE)
                self.current = 0
        c.charge(self.current, 1)


def simulate(start_mv, ambient_boost=0.0, minutes=420):
    cell = Cell(start_mv)
    ch = Charger(cell)
    samples = []
    for m in range(minutes):
        cell.temp += ambient_boost
        ch.step()
        if m % 30 == 0:
            samples.append("%3d %-5s %4d mA %4.0f mV soc %3.0f%% %.1fC" % (
                m, ch.state, ch.current, cell.ocv(), cell.soc * 100, cell.temp))
        if ch.state in (DONE, FAULT) and m > 5:
            break
    return ch, samples


for start, boost in ((2900, 0.0), (3700, 0.0), (3300, 2.0)):
    ch, samples = simulate(start, boost)
    print("start %d mV boost %.2f -> %s after %d min%s" % (
        start, boost, ch.state, ch.minutes, (" (%s)" % ch.fault_reason) if ch.fault_reason else ""))
    for s in samples[:6]:
        print("   ", s)
    print("    transitions", ch.transitions)
