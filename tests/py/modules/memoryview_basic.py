import struct

data = bytearray(b"0123456789")
view = memoryview(data)
print(len(view), view[0], view[-1], bytes(view))
part = view[2:6]
print(len(part), bytes(part), part[0])
part[0] = 65
print(data)
part[1:3] = b"BC"
print(data)
inner = part[1:]
inner[-1] = 0x5a
print(data, bytes(inner))
print(list(view[7:]))
for byte in memoryview(b"xyz"):
    print(byte)
ro = memoryview(b"abc")
try:
    ro[0] = 1
except TypeError:
    print("TypeError read-only")
try:
    view[100]
except IndexError:
    print("IndexError")
try:
    part[0:2] = b"xyz"
except ValueError:
    print("ValueError size")

frame = bytearray(8)
struct.pack_into("<HH", memoryview(frame)[4:], 0, 0x1234, 0xabcd)
print(frame)
print(struct.unpack_from("<H", memoryview(frame)[4:], 2))
print(struct.unpack("<HH", memoryview(frame)[4:8]))
print(bytes(memoryview(view)[1:3]))
