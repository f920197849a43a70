# TLV (type-length-value) codec with nested containers, typed values, and a schema-driven
# encoder for sensor configuration blocks.
import struct
from micropython import const

T_U8 = const(0x01)
T_U16 = const(0x02)
T_I32 = const(0x03)
T_F32 = const(0x04)
T_STR = const(0x05)
T_BYTES = const(0x06)
T_LIST = const(0x10)
T_DICT = const(0x11)
_LONG = const(0x80)


class TLVError(Exception):
    pass


def _len(n):
    if n < _LONG:
        return bytes([n])
    return bytes([_LONG | 2]) + struct.pack(">H", n)


def encode(value):
    if isinstance(value, bool):
        raise TLVError("bool not supported")
    if isinstance(value, int):
        if 0 <= value < 256:
            t, body = T_U8, bytes([value])
        elif 0 <= value < 65536:
            t, body = T_U16, struct.pack(">H", value)
        else:
            t, body = T_I32, struct.pack(">i", value)
    elif isinstance(value, float):
        t, body = T_F32, struct.pack(">f", value)
    elif isinstance(value, str):
        t, body = T_STR, value.encode()
    elif isinstance(value, (bytes, bytearray)):
        t, body = T_BYTES, bytes(value)
    elif isinstance(value, (list, tuple)):
        t, body = T_LIST, b"".join(encode(v) for v in value)
    elif isinstance(value, dict):
        t = T_DICT
        body = b"".join(encode(k) + encode(v) for k, v in sorted(value.items()))
    else:
        raise TLVError("cannot encode %s" % type(value).__name__)
    return bytes([t]) + _len(len(body)) + body


def decode_one(buf, pos=0):
    if pos + 2 > len(buf):
        raise TLVError("truncated header at %d" % pos)
    t = buf[pos]
    n = buf[pos + 1]
    pos += 2
    if n & _LONG:
        k = n & 0x7F
        n = int.from_bytes(buf[pos:pos + k], "big")
        pos += k
    body = buf[pos:pos + n]
    if len(body) != n:
        raise TLVError("truncated value (type 0x%02x)" % t)
    end = pos + n
    if t == T_U8:
        return body[0], end
    if t == T_U16:
        return struct.unpack(">H", body)[0], end
    if t == T_I32:
        return struct.unpack(">i", body)[0], end
    if t == T_F32:
        return struct.unpack(">f", body)[0], end
    if t == T_STR:
        return body.decode(), end
    if t == T_BYTES:
        return bytes(body), end
    if t in (T_LIST, T_DICT):
        items = []
        p = 0
        while p < n:
            v, p = decode_one(body, p)
            items.append(v)
        if t == T_LIST:
            return items, end
        return {items[i]: items[i + 1] for i in range(0, len(items), 2)}, end
    raise TLVError("unknown type 0x%02x" % t)


def decode(buf):
    v, end = decode_one(buf)
    if end != len(buf):
        raise TLVError("%d trailing bytes" % (len(buf) - end))
    return v


def show(v):
    if isinstance(v, float):
        return "%.3f" % v
    if isinstance(v, list):
        return "[" + ", ".join(show(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join("%s: %s" % (show(k), show(v[k])) for k in sorted(v)) + "}"
    return repr(v)


for v in (7, 300, -5, 70000, 2.5, "hi", b"\x00\x01", [1, "a", [2]], {"k": 1, "j": [0.5]}):
    enc = encode(v)
    print("%-22s %s" % (show(v), enc.hex()))
    assert show(decode(enc)) == show(v)
config = {
    "name": "greenhouse-3",
    "interval": 900,
    "sensors": [{"id": 1, "kind": "bme280", "addr": 118}, {"id": 2, "kind": "soil", "gain": 1.5}],
    "offsets": [-1, 0, 2],
    "key": bytes(range(16)),
    "x" * 3: "y" * 150,
}
blob = encode(config)
print("config blob", len(blob), "bytes, head", blob[:16].hex())
back = decode(blob)
print("decoded", show(back)[:120])
print("sensor kinds", [s["kind"] for s in back["sensors"]], "long value", len(back["xxx"]))
for bad in (b"\x01", b"\x05\x05ab", blob + b"\x00", b"\x7f\x01\x00", encode(1)[:-1]):
    try:
        decode(bad)
    except TLVError as e:
        print("TLVError:", e)
for bad in (True, None, {1.5}):
    try:
        encode(bad)
    except TLVError as e:
        print("encode:", e)
