data = bytearray(b"0123456789")
data[2:4] = b"ab"
print(data)
data[0:0] = b"<<"
print(data)
data[-2:] = b""
print(data, len(data))
data[3:8] = bytearray(b"X")
print(data)
data[1:2] = b"ABC"
print(data)
data[len(data):] = b">>"
print(data)
