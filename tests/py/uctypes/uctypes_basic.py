# uctypes: descriptors, struct fields over a buffer, sizeof and bytes_at.
import uctypes

print(uctypes.UINT8, uctypes.INT8, uctypes.UINT16, uctypes.INT32, uctypes.UINT64)
print(uctypes.ARRAY, uctypes.PTR, uctypes.FLOAT32, uctypes.BFUINT8, uctypes.BF_POS, uctypes.BF_LEN)
print(uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN, uctypes.NATIVE)

buf = bytearray(b"hello\x00\x00\x00" + bytes(range(1, 9)) + b"\xff\xfe")
desc = {
    "name": (uctypes.ARRAY | 0, uctypes.UINT8 | 5),
    "a": uctypes.UINT16 | 8,
    "b": uctypes.INT8 | 9,
    "c": uctypes.UINT32 | 12,
    "neg": uctypes.INT16 | 16,
    "pairs": (uctypes.ARRAY | 8, 2, {"x": uctypes.UINT8 | 0, "y": uctypes.UINT8 | 1}),
    "inner": (10, {"z": uctypes.UINT16 | 0}),
    "bits": uctypes.BFUINT8 | 8 | 1 << uctypes.BF_POS | 3 << uctypes.BF_LEN,
}
s = uctypes.struct(uctypes.addressof(buf), desc, uctypes.LITTLE_ENDIAN)
print(bytes(s.name), s.name[1], str(s.name, "utf-8"), len(s.name))
print(hex(s.a), s.b, hex(s.c), s.neg, hex(s.inner.z), s.bits)
print(s.pairs[1].x, s.pairs[1].y)
print(uctypes.sizeof(desc), uctypes.sizeof(s), uctypes.sizeof({"q": uctypes.UINT32 | 1}))
print(uctypes.sizeof({"q": uctypes.UINT32 | 1}, uctypes.LITTLE_ENDIAN))

big = uctypes.struct(uctypes.addressof(buf), desc, uctypes.BIG_ENDIAN)
print(hex(big.a), hex(big.c), big.neg)

# Writes go to the buffer.
s.a = 0x1234
s.pairs[0].y = 99
s.bits = 6
print(buf[8], buf[9])
s.neg = -2
print(buf[16], buf[17], s.neg)

print(uctypes.bytes_at(uctypes.addressof(buf), 3))
print(type(s))
try:
    s.missing
except KeyError:
    print("KeyError")
