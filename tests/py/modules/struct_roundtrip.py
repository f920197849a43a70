import struct
for fmt, values in (("<bhi", (-1, -300, 70000)), (">BHI", (1, 2, 3)), ("<ff", (0.5, -2.0)), ("<?", (True,)) if 0 else ("<B", (1,)), ("<d", (3.141592653589793,))):
    packed = struct.pack(fmt, *values)
    print(fmt, len(packed), struct.unpack(fmt, packed) == values)
