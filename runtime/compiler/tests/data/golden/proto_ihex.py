# Intel HEX: record encoding, parsing with checksum validation, extended linear address
# records, and reassembly of a sparse firmware image.
from micropython import const

REC_DATA = const(0x00)
REC_EOF = const(0x01)
REC_EXT_SEG = const(0x02)
REC_EXT_LIN = const(0x04)
REC_START_LIN = const(0x05)


class HexError(Exception):
    def __init__(self, line_no, msg):
        super().__init__("line %d: %s" % (line_no, msg))
        self.line_no = line_no


def record(rtype, addr, data=b""):
    raw = bytes([len(data), (addr >> 8) & 0xFF, addr & 0xFF, rtype]) + data
    ck = (-sum(raw)) & 0xFF
    return ":" + (raw + bytes([ck])).hex().upper()


def encode_image(segments, width=16, start=None):
    lines = []
    upper = None
    for base, data in sorted(segments.items()):
        for off in range(0, len(data), width):
            addr = base + off
            if addr >> 16 != upper:
                upper = addr >> 16
                lines.append(record(REC_EXT_LIN, 0, upper.to_bytes(2, "big")))
            chunk = data[off:off + width]
            room = 0x10000 - (addr & 0xFFFF)
            lines.append(record(REC_DATA, addr & 0xFFFF, chunk[:room]))
            if room < len(chunk):
                upper += 1
                lines.append(record(REC_EXT_LIN, 0, upper.to_bytes(2, "big")))
                lines.append(record(REC_DATA, 0, chunk[room:]))
    if start is not None:
        lines.append(record(REC_START_LIN, 0, start.to_bytes(4, "big")))
    lines.append(record(REC_EOF, 0))
    return lines


def parse(lines):
    mem = {}
    base = 0
    start = None
    for no, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        if line[0] != ":":
            raise HexError(no, "missing colon")
        try:
            raw = bytes.fromhex(line[1:])
        except ValueError as e:
            # MicroPython prints "Warning: exception chaining not supported" here
            raise HexError(no, "bad hex") from e
        if len(raw) < 5 or len(raw) != raw[0] + 5:
            raise HexError(no, "bad length")
        if sum(raw) & 0xFF:
            raise HexError(no, "checksum")
        n, addr, rtype, data = raw[0], (raw[1] << 8) | raw[2], raw[3], raw[4:-1]
        if rtype == REC_DATA:
            for i, b in enumerate(data):
                mem[base + addr + i] = b
        elif rtype == REC_EOF:
            break
        elif rtype == REC_EXT_LIN:
            base = int.from_bytes(data, "big") << 16
        elif rtype == REC_EXT_SEG:
            base = int.from_bytes(data, "big") << 4
        elif rtype == REC_START_LIN:
            start = int.from_bytes(data, "big")
        else:
            raise HexError(no, "record type %d" % rtype)
    else:
        raise HexError(len(lines), "no EOF record")
    return mem, start


def segments_of(mem):
    out = []
    for a in sorted(mem):
        if out and out[-1][0] + len(out[-1][1]) == a:
            out[-1][1].append(mem[a])
        else:
            out.append((a, bytearray([mem[a]])))
    return [(a, bytes(d)) for a, d in out]


image = {
    0x10000000: bytes(range(40)),
    0x1000FFF8: b"ACROSS-64K-BOUNDARY",
    0x20041F00: b"\xde\xad\xbe\xef",
}
lines = encode_image(image, start=0x10000101)
for l in lines:
    print(l)
mem, start = parse(lines)
print("bytes", len(mem), "start 0x%08x" % start)
for a, d in segments_of(mem):
    print("segment 0x%08x len %3d %s" % (a, len(d), d[:8].hex()))
print("roundtrip", dict(segments_of(mem)) == image)
print("record", record(REC_DATA, 0x0100, b"\x21\x46\x01\x36\x01\x21\x47\x01\x36\x00\x7e\xfe\x09\xd2\x19\x01"))
bad_sets = [
    [lines[1][:-2] + "00", ":00000001FF"],
    ["1000", ":00000001FF"],
    [":0100000000", ":00000001FF"],
    [":00000007F9"],
    [lines[1]],
    [":0G000000FF"],
]
for bad in bad_sets:
    try:
        parse(bad)
        print("parsed?!")
    except HexError as e:
        print("HexError", e.line_no, str(e))
seg = [record(REC_EXT_SEG, 0, b"\x10\x00"), record(REC_DATA, 0x0004, b"AB"), ":00000001FF"]
print("segment addressing", sorted(parse(seg)[0].items()))
