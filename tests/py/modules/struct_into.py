import struct

buf = bytearray(12)
struct.pack_into("<HI", buf, 2, 0xBEEF, 0xDEADBEEF)
print(buf)
struct.pack_into(">h", buf, -2, -3)
print(buf)
print(struct.unpack_from("<HI", buf, 2))
print(struct.unpack_from(">h", buf, -2))
print(struct.unpack_from("<B", buf))
print(struct.unpack_from("<4B", b"\x01\x02\x03\x04\x05\x06", 2) if False else struct.unpack_from("<4B", b"\x01\x02\x03\x04\x05\x06", 1))

records = bytearray(4 * 3)
for index in range(3):
    struct.pack_into("<hh", records, index * 4, index, -index * 10)
print(records)
for index in range(3):
    print(struct.unpack_from("<hh", records, index * 4))

try:
    struct.pack_into("<I", buf, 10, 1)
except Exception:
    print("ValueError small")
try:
    struct.unpack_from("<I", b"\x00\x00", 0)
except Exception:
    print("ValueError short")
