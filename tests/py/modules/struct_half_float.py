import struct
for value in (0.0, 1.0, -2.0, 0.5, 1.5, 65504.0, 0.1, 6.1035e-05, 1e-07):
    packed = struct.pack("<e", value)
    print(value, packed, struct.unpack("<e", packed)[0], struct.pack(">e", value))
print(struct.calcsize("<e"), struct.calcsize("<2e"), struct.unpack("<2e", b"\x00\x3c\x00\xc0"))
print(struct.unpack("<e", b"\x00\x7c"), struct.unpack("<e", b"\x00\xfc"), struct.unpack("<e", b"\x01\x00"))
