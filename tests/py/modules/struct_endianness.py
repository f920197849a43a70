import struct
value = 0x01020304
print(struct.pack("<I", value), struct.pack(">I", value), struct.pack("!I", value))
print(struct.unpack("<I", b"\x04\x03\x02\x01")[0] == value, struct.unpack(">H", b"\x01\x02"))
print(struct.pack("<hh", 1, -1), struct.pack(">hh", 1, -1))
print(struct.calcsize("<bi"), struct.calcsize(">bi"), struct.calcsize("!bi"))
