# MCP23017-like 16-bit I/O expander: IODIR/GPIO/OLAT/GPPU/IPOL registers, bank 0 layout,
# per-pin helper objects, interrupt-on-change capture.
from micropython import const

IODIRA = const(0x00)
IPOLA = const(0x02)
GPINTENA = const(0x04)
GPPUA = const(0x0C)
INTFA = const(0x0E)
INTCAPA = const(0x10)
GPIOA = const(0x12)
OLATA = const(0x14)


class SimChip:
    def __init__(self):
        self.regs = bytearray(0x16)
        self.regs[IODIRA] = self.regs[IODIRA + 1] = 0xFF
        self.external = 0  # levels driven from outside on input pins

    def _r16(self, reg):
        return self.regs[reg] | (self.regs[reg + 1] << 8)

    def read(self, reg):
        if reg in (GPIOA, GPIOA + 1):
            iodir, olat = self._r16(IODIRA), self._r16(OLATA)
            pins = (olat & ~iodir) | (self.external & iodir) | (self._r16(GPPUA) & iodir & ~self.external & 0)
            pins ^= self._r16(IPOLA) & iodir
            self.regs[INTFA] = self.regs[INTFA + 1] = 0
            return (pins >> (8 * (reg - GPIOA))) & 0xFF
        return self.regs[reg]

    def write(self, reg, v):
        if reg in (GPIOA, GPIOA + 1):
            reg += OLATA - GPIOA
        self.regs[reg] = v & 0xFF

    def drive(self, level_mask):
        changed = (self.external ^ level_mask) & self._r16(GPINTENA) & self._r16(IODIRA)
        self.external = level_mask
        if changed:
            for i, reg in ((0, INTFA), (1, INTFA + 1)):
                self.regs[reg] |= (changed >> (8 * i)) & 0xFF
                self.regs[INTCAPA + i] = (level_mask >> (8 * i)) & 0xFF
        return changed


class Expander:
    def __init__(self, chip):
        self.chip = chip

    def _update(self, reg, pin, on):
        r = reg + (pin >> 3)
        v = self.chip.read(r)
        bit = 1 << (pin & 7)
        self.chip.write(r, (v | bit) if on else (v & ~bit))

    def setup(self, pin, output=False, pullup=False, invert=False, irq=False):
        self._update(IODIRA, pin, not output)
        self._update(GPPUA, pin, pullup)
        self._update(IPOLA, pin, invert)
        self._update(GPINTENA, pin, irq)

    def write(self, pin, v):
        r = OLATA + (pin >> 3)
        cur = self.chip.read(r)
        bit = 1 << (pin & 7)
        self.chip.write(GPIOA + (pin >> 3), (cur | bit) if v else (cur & ~bit))

    def read_all(self):
        return self.chip.read(GPIOA) | (self.chip.read(GPIOA + 1) << 8)

    def pending(self):
        f = self.chip.read(INTFA) | (self.chip.read(INTFA + 1) << 8)
        return [p for p in range(16) if f >> p & 1]


chip = SimChip()
io = Expander(chip)
for p in range(4):
    io.setup(p, output=True)
io.setup(8, pullup=True, irq=True)
io.setup(9, invert=True, irq=True)
io.setup(15, irq=False)
print("IODIR %02x %02x GPINTEN %02x %02x IPOL %02x %02x" % (
    chip.regs[IODIRA], chip.regs[IODIRA + 1], chip.regs[GPINTENA], chip.regs[GPINTENA + 1],
    chip.regs[IPOLA], chip.regs[IPOLA + 1]))
for p, v in ((0, 1), (2, 1), (3, 1), (2, 0)):
    io.write(p, v)
print("OLAT A %s" % bin(chip.regs[OLATA]))
print("read_all %016s" % bin(io.read_all())[2:])
print("changed", bin(chip.drive(1 << 8)), "pending", io.pending(), "cap", chip.regs[INTCAPA + 1])
print("read_all %s pending after read %s" % (bin(io.read_all()), io.pending()))
print("changed", bin(chip.drive((1 << 8) | (1 << 9) | (1 << 15))), "pending", io.pending())
print("inverted pin9 reads", (io.read_all() >> 9) & 1)
