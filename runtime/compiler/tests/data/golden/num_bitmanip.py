# Bit manipulation utilities: popcount, parity, bit reversal, rotations,
# gray code, next permutation of bits, field packing, sign extension.


def popcount(x):
    n = 0
    while x:
        x &= x - 1
        n += 1
    return n


def parity(x):
    x ^= x >> 16
    x ^= x >> 8
    x ^= x >> 4
    x ^= x >> 2
    x ^= x >> 1
    return x & 1


def reverse_bits(x, width=32):
    r = 0
    for _ in range(width):
        r = (r << 1) | (x & 1)
        x >>= 1
    return r


def rotl(x, k, width=32):
    mask = (1 << width) - 1
    k %= width
    return ((x << k) | (x >> (width - k))) & mask


def rotr(x, k, width=32):
    return rotl(x, width - k % width, width)


def gray(n):
    return n ^ (n >> 1)


def ungray(g):
    n = 0
    while g:
        n ^= g
        g >>= 1
    return n


def next_same_popcount(x):
    c = x & -x
    r = x + c
    return (((r ^ x) >> 2) // c) | r


def sign_extend(value, bits):
    sign = 1 << (bits - 1)
    return (value & (sign - 1)) - (value & sign)


def clz32(x):
    if x == 0:
        return 32
    n = 0
    for shift in (16, 8, 4, 2, 1):
        if x >> (32 - shift) == 0:
            n += shift
            x = (x << shift) & 0xFFFFFFFF
    return n


def ctz(x):
    if x == 0:
        return -1
    return popcount((x & -x) - 1)


class Fields:
    """Pack named bit fields into an integer register."""

    def __init__(self, layout):
        self.layout = layout  # list of (name, width), LSB first

    def pack(self, **values):
        reg = 0
        shift = 0
        for name, width in self.layout:
            v = values.get(name, 0)
            if v >= (1 << width):
                raise ValueError("%s=%d does not fit in %d bits" % (name, v, width))
            reg |= v << shift
            shift += width
        return reg

    def unpack(self, reg):
        out = {}
        for name, width in self.layout:
            out[name] = reg & ((1 << width) - 1)
            reg >>= width
        return out


for x in (0, 1, 0xFF, 0xDEADBEEF, 2 ** 40 - 1, 0x5555):
    print("x=%#x popcount=%d parity=%d" % (x, popcount(x), parity(x & 0xFFFFFFFF)))
for x in (1, 0x80000000, 0x12345678, 0xF0):
    print("rev(%08x)=%08x rotl8=%08x rotr4=%08x clz=%d ctz=%d" % (
        x, reverse_bits(x), rotl(x, 8), rotr(x, 4), clz32(x), ctz(x)))
print("gray:", [gray(i) for i in range(16)])
print("gray bits:", ["{:04b}".format(gray(i)) for i in range(8)])
print("ungray ok:", all(ungray(gray(i)) == i for i in range(1024)))
x = 0b00111
seq = []
for _ in range(10):
    seq.append("{:08b}".format(x))
    x = next_same_popcount(x)
print("same popcount:", seq)
for v, b in [(0xFF, 8), (0x7F, 8), (0x800, 12), (0x7FF, 12), (0xFFFE, 16), (5, 4)]:
    print("sign_extend(%#x, %d) = %d" % (v, b, sign_extend(v, b)))
ctrl = Fields([("enable", 1), ("mode", 3), ("div", 8), ("reserved", 4), ("irq", 1)])
reg = ctrl.pack(enable=1, mode=5, div=200, irq=1)
print("packed: %#x = %s" % (reg, bin(reg)))
print("unpacked:", sorted(ctrl.unpack(reg).items()))
try:
    ctrl.pack(mode=9)
except ValueError as e:
    print("error:", e)
print("power of two:", [n for n in range(1, 70) if n & (n - 1) == 0])
print("swap nibbles:", ["%02x" % (((b & 0x0F) << 4) | (b >> 4)) for b in (0x12, 0xAB, 0xF0, 0x0F)])
a, b = 12345, 67890
a ^= b
b ^= a
a ^= b
print("xor swap:", a, b)
print("abs without branch:", [(v ^ (v >> 31)) - (v >> 31) for v in (-5, 7, 0, -2 ** 20)])
print("masks:", hex(~0 & 0xFFFF), hex(-1 & 0xFFFFFFFF), -1 >> 3, ~5, ~-6)
