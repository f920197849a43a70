# CAN bus frames: standard/extended IDs, bit-level frame with CRC-15 and bit stuffing,
# acceptance filters with masks, and arbitration among simultaneous senders.
from micropython import const

_CRC15_POLY = const(0x4599)
_EFF = const(1 << 31)


def crc15(bits):
    crc = 0
    for b in bits:
        nxt = b ^ ((crc >> 14) & 1)
        crc = (crc << 1) & 0x7FFF
        if nxt:
            crc ^= _CRC15_POLY
    return crc


def to_bits(value, n):
    return [(value >> (n - 1 - i)) & 1 for i in range(n)]


def frame_bits(can_id, data, extended=False):
    bits = [0]  # SOF
    if extended:
        bits += to_bits(can_id >> 18, 11) + [1, 1] + to_bits(can_id & 0x3FFFF, 18) + [0, 0, 0]
    else:
        bits += to_bits(can_id, 11) + [0, 0, 0]  # RTR, IDE, r0
    bits += to_bits(len(data), 4)
    for b in data:
        bits += to_bits(b, 8)
    return bits + to_bits(crc15(bits), 15)


def stuff(bits):
    out, run, last = [], 0, None
    for b in bits:
        out.append(b)
        run = run + 1 if b == last else 1
        last = b
        if run == 5:
            out.append(1 - b)
            last, run = 1 - b, 1
    return out


def unstuff(bits):
    out, run, last, skip = [], 0, None, False
    for b in bits:
        if skip:
            skip, last, run = False, b, 1
            continue
        out.append(b)
        run = run + 1 if b == last else 1
        last = b
        if run == 5:
            skip = True
    return out


class Filter:
    def __init__(self, ident, mask):
        self.ident, self.mask = ident, mask

    def accepts(self, can_id):
        return (can_id & self.mask) == (self.ident & self.mask)


def arbitrate(ids):
    """Wired-AND bus: dominant 0 wins; returns the winner and the bit where each lost."""
    contenders = set(ids)
    lost = {}
    for bit in range(11):
        levels = {i: (i >> (10 - bit)) & 1 for i in contenders}
        bus = min(levels.values())
        for i, lv in levels.items():
            if lv != bus:
                lost[i] = bit
        contenders = {i for i in contenders if levels[i] == bus}
    return min(contenders), lost


for can_id, data, ext in ((0x123, b"\x11\x22", False), (0x7FF, b"", False), (0x1ABCDE0, b"\x00" * 8, True)):
    raw = frame_bits(can_id, data, ext)
    st = stuff(raw)
    print("id 0x%x ext=%d dlc=%d bits=%d stuffed=%d crc=0x%04x roundtrip=%s" % (
        can_id, ext, len(data), len(raw), len(st), crc15(raw[:-15]), unstuff(st) == raw))
print("stuff demo", "".join(map(str, stuff([0] * 12 + [1] * 7))))
filters = [Filter(0x100, 0x700), Filter(0x321, 0x7FF)]
for can_id in (0x100, 0x1FF, 0x200, 0x321, 0x322):
    print("0x%03x accepted by" % can_id, [i for i, f in enumerate(filters) if f.accepts(can_id)])
winner, lost = arbitrate([0x65A, 0x65B, 0x123, 0x124, 0x7FF])
print("arbitration winner 0x%03x" % winner, sorted(("0x%03x" % k, v) for k, v in lost.items()))
print("EFF flag", hex(_EFF | 0x1ABCDE0))
