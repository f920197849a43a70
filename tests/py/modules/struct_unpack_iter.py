import struct
data = struct.pack("<4H", 1, 2, 3, 4)
pairs = [struct.unpack_from("<H", data, offset)[0] for offset in range(0, len(data), 2)]
print(pairs, struct.calcsize("<4H"))
header = struct.pack(">BBH", 1, 2, 515)
version, kind, size = struct.unpack(">BBH", header)
print(version, kind, size, header)
