# COBS (Consistent Overhead Byte Stuffing) encoder/decoder with a stream deframer.


class DecodeError(ValueError):
    pass


def cobs_encode(data):
    out = bytearray(b"\x00")
    code_idx = 0
    code = 1
    for b in data:
        if b == 0:
            out[code_idx] = code
            code_idx = len(out)
            out.append(0)
            code = 1
        else:
            out.append(b)
            code += 1
            if code == 0xFF:
                out[code_idx] = code
                code_idx = len(out)
                out.append(0)
                code = 1
    out[code_idx] = code
    return bytes(out)


def cobs_decode(enc):
    out = bytearray()
    i = 0
    n = len(enc)
    while i < n:
        code = enc[i]
        if code == 0:
            raise DecodeError("zero byte at %d" % i)
        end = i + code
        if end > n + (0 if code < 0xFF else 0):
            if end > n:
                raise DecodeError("truncated block at %d" % i)
        out += enc[i + 1:end]
        i = end
        if code < 0xFF and i < n:
            out.append(0)
    return bytes(out)


class Deframer:
    def __init__(self):
        self.buf = bytearray()
        self.frames = []
        self.errors = []

    def feed(self, chunk):
        for b in chunk:
            if b == 0:
                if self.buf:
                    try:
                        self.frames.append(cobs_decode(bytes(self.buf)))
                    except DecodeError as e:
                        self.errors.append(str(e))
                self.buf = bytearray()
            else:
                self.buf.append(b)
        return len(self.frames)


VECTORS = [
    b"",
    b"\x00",
    b"\x00\x00",
    b"\x11\x22\x00\x33",
    b"\x11\x22\x33\x44",
    b"\x11\x00\x00\x00",
    bytes(range(1, 255)),
    bytes(range(0, 255)),
    bytes(range(1, 256)),
    bytes(range(2, 256)) + b"\x00",
]
for v in VECTORS:
    enc = cobs_encode(v)
    dec = cobs_decode(enc)
    show = enc.hex() if len(enc) <= 12 else enc[:6].hex() + "..." + enc[-4:].hex()
    print("len %3d -> %3d  %-28s ok=%s zero_free=%s" % (len(v), len(enc), show, dec == v, 0 not in enc))
overheads = [len(cobs_encode(bytes([1]) * n)) - n for n in (10, 254, 255, 508, 1000)]
print("overhead", overheads)
stream = bytearray()
messages = [b"temp=21.5", b"\x00\x01\x02", b"", b"hum=40\x00%", b"x" * 300]
for m in messages:
    stream += cobs_encode(m) + b"\x00"
stream += b"\x05ab\x00"
d = Deframer()
for i in range(0, len(stream), 7):
    d.feed(stream[i:i + 7])
print("frames", len(d.frames), "errors", d.errors)
for f in d.frames:
    print("  ", len(f), f[:12])
print("roundtrip", [f == m for f, m in zip(d.frames, messages)])
for bad in (b"\x03\x11", b"\x02\x00\x01"):
    try:
        cobs_decode(bad)
    except DecodeError as e:
        print("bad", bad.hex(), "->", e)
