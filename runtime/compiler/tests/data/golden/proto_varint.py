# Protobuf-style wire format: unsigned/zigzag varints, fixed32/64, length-delimited
# fields, and a message class with a declarative field table.
import struct
from micropython import const

WT_VARINT = const(0)
WT_I64 = const(1)
WT_LEN = const(2)
WT_I32 = const(5)


def uvarint(n):
    if n < 0:
        raise ValueError("negative")
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def read_uvarint(buf, pos):
    shift = result = 0
    while True:
        if pos >= len(buf):
            raise EOFError("varint truncated")
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def zigzag(n):
    return (n << 1) ^ (n >> 63)


def unzigzag(n):
    return (n >> 1) ^ -(n & 1)


class Message:
    FIELDS = ()  # (number, name, kind)

    def __init__(self, **kw):
        for _, name, kind in self.FIELDS:
            setattr(self, name, kw.get(name, [] if kind.startswith("rep") else None))

    def encode(self):
        out = bytearray()
        for num, name, kind in self.FIELDS:
            v = getattr(self, name)
            if v is None:
                continue
            values = v if kind.startswith("rep") else [v]
            kind = kind[4:] if kind.startswith("rep") else kind
            for item in values:
                if kind == "uint":
                    out += uvarint(num << 3 | WT_VARINT) + uvarint(item)
                elif kind == "sint":
                    out += uvarint(num << 3 | WT_VARINT) + uvarint(zigzag(item))
                elif kind == "float":
                    out += uvarint(num << 3 | WT_I32) + struct.pack("<f", item)
                elif kind == "double":
                    out += uvarint(num << 3 | WT_I64) + struct.pack("<d", item)
                elif kind == "str":
                    b = item.encode()
                    out += uvarint(num << 3 | WT_LEN) + uvarint(len(b)) + b
        return bytes(out)

    @classmethod
    def decode(cls, buf):
        by_num = {num: (name, kind) for num, name, kind in cls.FIELDS}
        msg = cls()
        pos = 0
        while pos < len(buf):
            key, pos = read_uvarint(buf, pos)
            num, wt = key >> 3, key & 7
            if wt == WT_VARINT:
                raw, pos = read_uvarint(buf, pos)
            elif wt == WT_I32:
                raw, pos = buf[pos:pos + 4], pos + 4
            elif wt == WT_I64:
                raw, pos = buf[pos:pos + 8], pos + 8
            elif wt == WT_LEN:
                n, pos = read_uvarint(buf, pos)
                raw, pos = buf[pos:pos + n], pos + n
            else:
                raise ValueError("wire type %d" % wt)
            if num not in by_num:
                continue
            name, kind = by_num[num]
            base = kind[4:] if kind.startswith("rep") else kind
            val = {"uint": lambda r: r, "sint": unzigzag,
                   "float": lambda r: struct.unpack("<f", r)[0],
                   "double": lambda r: struct.unpack("<d", r)[0],
                   "str": lambda r: bytes(r).decode()}[base](raw)
            if kind.startswith("rep"):
                getattr(msg, name).append(val)
            else:
                setattr(msg, name, val)
        return msg

    def __repr__(self):
        parts = []
        for _, name, _ in self.FIELDS:
            v = getattr(self, name)
            parts.append("%s=%s" % (name, ("%.3f" % v) if isinstance(v, float) else repr(v)))
        return "%s(%s)" % (type(self).__name__, ", ".join(parts))


class Reading(Message):
    FIELDS = ((1, "sensor", "uint"), (2, "delta", "sint"), (3, "value", "float"),
              (4, "label", "str"), (5, "history", "rep_sint"), (6, "precise", "double"))


for n in (0, 1, 127, 128, 300, 16384, 2 ** 32, 2 ** 63 - 1):
    print("uvarint %-20d %s" % (n, uvarint(n).hex()))
print("zigzag", [(v, zigzag(v)) for v in (0, -1, 1, -2, 2, -64, 2147483647, -2147483648)])
print("unzig ok", all(unzigzag(zigzag(v)) == v for v in range(-300, 300, 7)))
r = Reading(sensor=150, delta=-3, value=21.5, label="soil-α", history=[-1, 0, 5, -1000], precise=1 / 3)
enc = r.encode()
print("encoded", len(enc), enc.hex())
back = Reading.decode(enc)
print(back)
print("unknown field skipped:", Reading.decode(b"\x38\x05" + uvarint(1 << 3) + uvarint(9)))
for bad in (b"\x08", b"\x0b\x00"):
    try:
        Reading.decode(bad)
    except (EOFError, ValueError) as e:
        print(type(e).__name__, e)
try:
    uvarint(-1)
except ValueError as e:
    print("ValueError", e)
