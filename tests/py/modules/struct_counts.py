import struct
print(struct.pack("<3B", 1, 2, 3), struct.unpack("<3B", b"\x01\x02\x03"), struct.calcsize("<3B2H"))
print(struct.pack("<2h2s", 1, 2, b"ok"), struct.unpack("<2h2s", struct.pack("<2h2s", 1, 2, b"ok")))
print(struct.calcsize("<10s"), struct.calcsize("<2s3s"))
record = struct.pack("<HHf", 1, 2, 0.5)
print(len(record), struct.unpack("<HHf", record))
