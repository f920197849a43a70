import struct
buf = bytearray(12)
struct.pack_into("<HI", buf, 0, 0xABCD, 0x12345678)
print(buf)
struct.pack_into(">h", buf, 6, -2)
print(buf, struct.unpack_from("<HI", buf), struct.unpack_from(">h", buf, 6))
print(struct.unpack_from("<B", buf, -1), struct.unpack_from("<2B", buf, 1))
mv = memoryview(buf)
struct.pack_into("<b", mv, 11, -1)
print(buf[11], struct.unpack_from("<b", mv, 11))
try:
    struct.pack_into("<I", bytearray(2), 0, 1)
except ValueError:
    print("ValueError small")
try:
    struct.unpack_from("<I", b"\x00\x00", 0)
except ValueError:
    print("ValueError short")
