# MicroPython's struct extensions: `O` packs an object itself, and pack
# takes fewer values than the format has (the rest stay zero) or more
# (ignored).
import struct


class A:
    pass


a = A()
packed = struct.pack("<O", a)
print(len(packed), struct.unpack("<O", packed)[0] is a)
print(struct.unpack("<2O", struct.pack("<2O", None, "text")))
print(struct.pack("<2I", 1))
print(struct.pack("<BH", 1, 2, 3))
print(struct.pack("<4s2B", b"ab"))
