buf = bytearray(b"abcdef")
buf[0] = ord("A")
buf[-1] = ord("F")
print(buf)
buf[1:3] = b"XYZ"
print(buf, len(buf))
buf[2:4] = b""
print(buf)
buf.extend([1, 2])
buf.append(0)
print(buf)
buf[:] = b"reset"
print(buf)
copy = bytearray(buf)
copy[0] = 0
print(buf, copy)
