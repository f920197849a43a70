# hashlib.sha256.update takes any object with the buffer protocol: a
# memoryview (whole or sliced, as mpremote's `fs sha256sum` feeds it) and an array.
import hashlib
import array

data = bytearray(b"rime and littlefs" * 5)
view = memoryview(data)
h = hashlib.sha256()
h.update(view)
print(h.digest() == hashlib.sha256(bytes(data)).digest())
h = hashlib.sha256()
h.update(view[:10])
h.update(view[10:])
print(h.digest() == hashlib.sha256(bytes(data)).digest())
print(hashlib.sha256(memoryview(b"abc")).digest())
print(hashlib.sha256(array.array("B", [97, 98, 99])).digest())
try:
    hashlib.sha256().update(12)
except TypeError as e:
    print("TypeError")
