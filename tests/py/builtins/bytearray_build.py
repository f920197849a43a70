print(bytearray(), bytearray(3), bytearray(b"abc"), bytearray([1, 2, 255]))
print(bytearray("hi", "utf-8"), bytearray(range(4)), bytearray(bytearray(b"x")))
b = bytearray(b"hello")
print(len(b), b[0], b[-1], b[1:3], type(b[1:3]))
b[0] = 72
print(b)
b[1:3] = b"EY"
print(b)
b.append(33)
b.extend(b"??")
print(b, len(b))
print(b == b"HEYlo!??", b"HEY" in b, b.find(b"l"))
