import struct

print(struct.calcsize("b"), struct.calcsize("bh"), struct.calcsize("bi"), struct.calcsize("hb"), struct.calcsize("bq"))
print(struct.calcsize("<bq"), struct.calcsize(">bd"), struct.calcsize("!bh"))
print(struct.pack("bh", 1, 2), struct.pack("<bh", 1, 2))
print(struct.unpack("bi", struct.pack("bi", -5, 70000)))
print(struct.pack("2b3x", 1, 2), struct.calcsize("2b3x"))
print(struct.pack(">3s2s", b"abc", b"de"))
print(struct.unpack(">3s2s", b"abcde"))
