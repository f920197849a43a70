import struct
for fmt in ("<b", "<B", "<h", "<H", "<i", "<I", "<l", "<L", "<q", "<Q", "<f", "<d"):
    print(fmt, struct.calcsize(fmt))
print(struct.pack("<bBhH", -1, 255, -2, 65535))
print(struct.pack(">iI", -3, 4000000000), struct.pack("<qQ", -1, 2**64 - 1))
print(struct.unpack("<bBhH", b"\xff\xff\xfe\xff\xff\xff"))
print(struct.pack("<f", 1.5), struct.unpack("<f", struct.pack("<f", 0.25)), struct.unpack(">d", struct.pack(">d", -2.5)))
print(struct.pack("<3s", b"abcdef"), struct.pack("<5s", b"ab"), struct.unpack("<2s", b"xy"))
print(struct.pack("<2x?", True) if 0 else b"", struct.pack("<2xb", 7), struct.calcsize("<2xb"))
