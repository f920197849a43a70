data = bytearray(b"abcdef")
view = memoryview(data)
print(len(view), view[0], view[-1], bytes(view[1:4]))
part = view[2:5]
part[0] = ord("Z")
print(data, bytes(part))
view[0:2] = b"XY"
print(data)
data[5] = ord("!")
print(bytes(view), view[5])
sub = part[1:]
sub[0] = ord("*")
print(data, len(sub))
print(bytes(memoryview(b"readonly")[4:]))
try:
    memoryview(b"ro")[0] = 1
except TypeError:
    print("TypeError")
