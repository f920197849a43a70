# micropython.RingIO: a ring buffer stream holding one byte less than its
# buffer; writes store what fits, reads take what is there.
import micropython

ring = micropython.RingIO(8)
print(ring, ring.any(), ring.read(), ring.read(3))
print(ring.write(b"abc\ndef"), ring.any(), ring.readline(), ring.any())
print(ring.write(b"0123456789"), ring.read(2), ring.write(bytearray(b"XYZ")), ring.read())
print(ring.write(b"text"), ring.readline(2), ring.readline())
target = bytearray(5)
ring.write(b"wrap around")
print(ring.readinto(target), target, ring.readinto(target, 1), target, ring.any())
backing = bytearray(4)
shared = micropython.RingIO(backing)
print(shared.write(b"12345"), backing, shared.read(1), shared.close())
for size in (None, 0, -1, bytearray(1), 65535):
    try:
        micropython.RingIO(size)
    except (TypeError, ValueError) as error:
        print(type(error).__name__)
# The type is micropython's, not a builtin name (nor is the wide range's iterator).
try:
    RingIO
except NameError:
    print("NameError RingIO")
try:
    iterator
except NameError:
    print("NameError iterator")
