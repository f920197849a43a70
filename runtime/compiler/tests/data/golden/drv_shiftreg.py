# 74HC595 shift register chain and 74HC165 input shift register, simulated pin by pin.
from micropython import const

_BITS = const(8)
LSB_FIRST = const(0)
MSB_FIRST = const(1)


class Pin:
    def __init__(self, name, wire):
        self.name = name
        self.wire = wire
        self.level = 0

    def value(self, v=None):
        if v is None:
            return self.level
        prev = self.level
        self.level = 1 if v else 0
        if prev == 0 and self.level == 1:
            self.wire.rising(self.name)


class Chain595:
    """Simulated hardware: `n` cascaded 595s."""

    def __init__(self, n):
        self.shift = [0] * (n * _BITS)
        self.latched = [0] * (n * _BITS)
        self.data = None
        self.edges = 0

    def rising(self, name):
        self.edges += 1
        if name == "clk":
            self.shift = [self.data.level] + self.shift[:-1]
        elif name == "latch":
            self.latched = list(self.shift)

    def outputs(self):
        return "".join(str(b) for b in self.latched)


class ShiftOut:
    def __init__(self, data, clk, latch, chips=1, order=MSB_FIRST):
        self.data, self.clk, self.latch = data, clk, latch
        self.chips = chips
        self.order = order
        self.state = 0

    def _shift_byte(self, b):
        bits = range(_BITS - 1, -1, -1) if self.order == MSB_FIRST else range(_BITS)
        for i in bits:
            self.clk.value(0)
            self.data.value((b >> i) & 1)
            self.clk.value(1)

    def write(self, value):
        self.state = value & ((1 << (self.chips * _BITS)) - 1)
        self.latch.value(0)
        for k in range(self.chips - 1, -1, -1):
            self._shift_byte((self.state >> (k * _BITS)) & 0xFF)
        self.latch.value(1)

    def __setitem__(self, bit, on):
        v = self.state | (1 << bit) if on else self.state & ~(1 << bit)
        self.write(v)

    def __getitem__(self, bit):
        return (self.state >> bit) & 1


class Input165:
    def __init__(self, switches):
        self.switches = switches
        self.reg = 0

    def load(self):
        self.reg = 0
        for i, s in enumerate(self.switches):
            self.reg |= (s & 1) << i

    def read_bits(self, n):
        out = []
        for _ in range(n):
            out.append((self.reg >> (n - 1)) & 1)
            self.reg = (self.reg << 1) & ((1 << n) - 1)
        return out


def bits_to_int(bits):
    v = 0
    for b in bits:
        v = (v << 1) | b
    return v


hw = Chain595(2)
data = Pin("data", hw)
hw.data = data
sr = ShiftOut(data, Pin("clk", hw), Pin("latch", hw), chips=2)
for value in (0x0001, 0x8000, 0xA55A, 0x00FF, 0x1234):
    sr.write(value)
    print("write 0x%04x -> %s" % (value, hw.outputs()))
sr.write(0)
for bit in (0, 3, 9, 15):
    sr[bit] = True
print("set bits ->", hw.outputs(), "state 0x%04x" % sr.state)
sr[3] = False
print("clear 3  ->", hw.outputs(), "bit9 =", sr[9])
print("edges", hw.edges)
lsb = Chain595(1)
d2 = Pin("data", lsb)
lsb.data = d2
sr2 = ShiftOut(d2, Pin("clk", lsb), Pin("latch", lsb), order=LSB_FIRST)
sr2.write(0b11000001)
print("lsb-first 0xc1 ->", lsb.outputs())
pattern = [1 << i for i in range(8)] + [0x80 >> i for i in range(8)]
scan = []
for p in pattern:
    sr2.write(p)
    scan.append(lsb.outputs().index("1"))
print("knight rider", scan)
switches = [1, 0, 1, 1, 0, 0, 0, 1]
inp = Input165(switches)
inp.load()
bits = inp.read_bits(8)
print("165 bits", bits, "value 0x%02x" % bits_to_int(bits))
for mask in range(0, 256, 51):
    inp.switches = [(mask >> i) & 1 for i in range(8)]
    inp.load()
    got = bits_to_int(inp.read_bits(8))
    print("loopback %3d -> %3d %s" % (mask, got, "ok" if got == mask else "BAD"))
