buf = bytearray(8)
for i in range(8):
    buf[i] = i * 3
print(buf, list(buf[2:5]))
view = memoryview(buf)
view[0:2] = b"\xaa\xbb"
print(buf[:3], bytes(view[6:]))
buf.extend(b"\x01")
print(len(buf), buf[-1], len(view))
