data = b"immutable"
view = memoryview(data)
print(len(view), view[0], bytes(view[2:5]), bytes(view[-3:]))
for item in view[:3]:
    print(item)
print(bytes(view) == data, list(view[1:3]))
