# Seven-segment display encoder with multiplexed digits and a TM1637-like bit-banged bus.
from micropython import const

SEG_A = const(0x01)
SEG_B = const(0x02)
SEG_C = const(0x04)
SEG_D = const(0x08)
SEG_E = const(0x10)
SEG_F = const(0x20)
SEG_G = const(0x40)
SEG_DP = const(0x80)
_ALL = const(SEG_A | SEG_B | SEG_C | SEG_D | SEG_E | SEG_F | SEG_G)

DIGITS = bytes([0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F])
LETTERS = {"A": 0x77, "b": 0x7C, "C": 0x39, "d": 0x5E, "E": 0x79, "F": 0x71,
           "H": 0x76, "L": 0x38, "o": 0x5C, "P": 0x73, "r": 0x50, "-": SEG_G, " ": 0}


def encode_char(c):
    if "0" <= c <= "9":
        return DIGITS[ord(c) - 48]
    if c in LETTERS:
        return LETTERS[c]
    if c.upper() in LETTERS:
        return LETTERS[c.upper()]
    return SEG_A | SEG_D | SEG_G


def encode(text, width=4):
    out = []
    for c in text:
        if c == "." and out:
            out[-1] |= SEG_DP
        else:
            out.append(encode_char(c))
    out = out[-width:]
    return bytes([0] * (width - len(out)) + out)


def render(segs):
    rows = ["", "", ""]
    for s in segs:
        rows[0] += " _ " if s & SEG_A else "   "
        rows[1] += ("|" if s & SEG_F else " ") + ("_" if s & SEG_G else " ") + ("|" if s & SEG_B else " ")
        rows[2] += ("|" if s & SEG_E else " ") + ("_" if s & SEG_D else " ") + ("|" if s & SEG_C else " ")
        rows[2] = rows[2][:-1] + ("." if s & SEG_DP else rows[2][-1])
    return rows


class BitBang:
    def __init__(self):
        self.clk = 1
        self.dio = 1
        self.trace = []

    def set(self, clk=None, dio=None):
        if clk is not None:
            self.clk = clk
        if dio is not None:
            self.dio = dio
        self.trace.append((self.clk << 1) | self.dio)


class TM1637:
    def __init__(self, pins):
        self.pins = pins
        self.brightness = 7
        self.sent = []

    def _start(self):
        self.pins.set(dio=0)

    def _stop(self):
        self.pins.set(clk=0, dio=0)
        self.pins.set(clk=1)
        self.pins.set(dio=1)

    def _byte(self, b):
        for i in range(8):
            self.pins.set(clk=0, dio=(b >> i) & 1)
            self.pins.set(clk=1)
        self.pins.set(clk=0, dio=1)
        self.pins.set(clk=1)
        self.sent.append(b)

    def write(self, segs, pos=0):
        self._start()
        self._byte(0x40)
        self._stop()
        self._start()
        self._byte(0xC0 | pos)
        for s in segs:
            self._byte(s)
        self._stop()
        self._start()
        self._byte(0x88 | self.brightness)
        self._stop()


def number(n, width=4, zero_pad=False):
    if n < 0:
        s = "-" + str(-n)
    else:
        s = ("%0*d" % (width, n)) if zero_pad else str(n)
    if len(s) > width:
        return encode("Err", width)
    return encode(s, width)


for text in ("1234", "12.34", "HELP", "-42", "E.r.r.", "3.1416"):
    segs = encode(text)
    print("%-8s %s" % (text, segs.hex()))
    for row in render(segs):
        print("   ", row)
print("numbers", [number(n).hex() for n in (0, 7, 99, -5, 12345)])
print("padded", number(42, zero_pad=True).hex())
print("all segs 0x%02x, popcount %d" % (_ALL, bin(_ALL).count("1")))
bus = BitBang()
disp = TM1637(bus)
disp.brightness = 3
disp.write(encode("12:0"), pos=0)
print("sent", ["%02x" % b for b in disp.sent])
print("edges", len(bus.trace), "trace head", bus.trace[:12])
clock = [(h, m) for h in (9, 12, 23) for m in (5, 59)]
for h, m in clock:
    segs = bytearray(encode("%02d%02d" % (h, m)))
    segs[1] |= SEG_DP
    print("%02d:%02d" % (h, m), segs.hex())
