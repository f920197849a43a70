# Bit-level packing for LoRa-style payloads: a BitWriter/BitReader pair, signed fields,
# scaled floats, and a schema-driven packer that squeezes a sensor record into few bytes.


class BitWriter:
    def __init__(self):
        self.acc = 0
        self.nbits = 0

    def write(self, value, width):
        if value < 0 or value >= 1 << width:
            raise OverflowError("%d does not fit in %d bits" % (value, width))
        self.acc = (self.acc << width) | value
        self.nbits += width
        return self

    def write_signed(self, value, width):
        return self.write(value & ((1 << width) - 1), width)

    def getvalue(self):
        pad = (-self.nbits) % 8
        n = (self.nbits + pad) // 8
        return (self.acc << pad).to_bytes(n, "big")


class BitReader:
    def __init__(self, data):
        self.value = int.from_bytes(data, "big")
        self.total = len(data) * 8
        self.pos = 0

    def read(self, width):
        if self.pos + width > self.total:
            raise EOFError("need %d bits at %d" % (width, self.pos))
        shift = self.total - self.pos - width
        self.pos += width
        return (self.value >> shift) & ((1 << width) - 1)

    def read_signed(self, width):
        v = self.read(width)
        return v - (1 << width) if v & (1 << (width - 1)) else v


SCHEMA = (
    ("node", 6, "u", 1), ("battery_mv", 8, "u", 20), ("temp_c", 11, "s", 0.1),
    ("hum_pct", 7, "u", 1), ("press_hpa", 10, "u", 0.1, 950), ("door", 1, "u", 1), ("alarm", 1, "u", 1),
)


def pack(record):
    w = BitWriter()
    for name, width, kind, scale, *offset in SCHEMA:
        v = round((record[name] - (offset[0] if offset else 0)) / scale)
        (w.write_signed if kind == "s" else w.write)(int(v), width)
    return w.getvalue(), w.nbits


def unpack(data):
    r = BitReader(data)
    out = {}
    for name, width, kind, scale, *offset in SCHEMA:
        v = r.read_signed(width) if kind == "s" else r.read(width)
        out[name] = v * scale + (offset[0] if offset else 0)
    return out


records = [
    {"node": 5, "battery_mv": 3300, "temp_c": 21.4, "hum_pct": 45, "press_hpa": 1013.2, "door": 1, "alarm": 0},
    {"node": 63, "battery_mv": 2980, "temp_c": -12.7, "hum_pct": 99, "press_hpa": 981.0, "door": 0, "alarm": 1},
]
for rec in records:
    data, bits = pack(rec)
    back = unpack(data)
    print("%d bits -> %d bytes %s" % (bits, len(data), data.hex()))
    print("   ", " ".join("%s=%s" % (k, ("%.1f" % back[k]) if isinstance(back[k], float) else back[k]) for k, *_ in SCHEMA))
w = BitWriter().write(0b101, 3).write_signed(-1, 4).write(1, 1)
print("small", w.getvalue().hex(), w.nbits)
r = BitReader(bytes([0b10111110, 0b01000000]))
print("read", r.read(3), r.read_signed(4), r.read(1), r.read(2))
try:
    BitWriter().write(300, 8)
except OverflowError as e:
    print("OverflowError:", e)
try:
    r.read(8)
except EOFError as e:
    print("EOFError:", e)
print("json would be", len(str(records[0])), "chars vs", len(pack(records[0])[0]), "bytes")
