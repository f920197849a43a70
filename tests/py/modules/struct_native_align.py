import struct
print(struct.calcsize("bh"), struct.calcsize("hb"), struct.calcsize("bi"), struct.calcsize("bbi"), struct.calcsize("bd"))
print(struct.calcsize("@bi"), struct.calcsize("<bi"), struct.calcsize("ib"))
print(struct.pack("bh", 1, 2), struct.pack("<bh", 1, 2))
print(struct.unpack("bi", struct.pack("bi", 1, -7)))
