a = bytearray(b"abc")
b = a + b"def"
print(b, type(b), a)
a += b"xy"
print(a)
print(a.decode(), bytes(a), list(a))
print(a.upper() if hasattr(a, "upper") else "no upper")
c = bytearray(b"  pad  ")
print(c.strip(), c.split(), c.replace(b"a", b"o"))
d = bytearray(4)
for i in range(4):
    d[i] = i * 10
print(d, sum(d), max(d), sorted(d, reverse=True))
d[1:2] = b""
print(d, len(d))
print(bytearray(b"a") < bytearray(b"b"), bytearray(b"ab") == b"ab")
print(d.hex() if hasattr(d, "hex") else "")
