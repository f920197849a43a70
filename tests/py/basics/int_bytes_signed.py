# int.to_bytes and int.from_bytes take the signed argument positionally, as
# MicroPython 1.27 does (which writes negatives in two's complement and
# reads bytes as unsigned either way).
print((-5).to_bytes(2, "little", True), (-5).to_bytes(2, "big", False))
print((5).to_bytes(2, "big", True), (-1).to_bytes(1, "big", True), (127).to_bytes(1, "big", True))
print(int.from_bytes(b"\xfb\xff", "little", True), int.from_bytes(b"\xff", "big", False))
print(int.from_bytes(b"\xff\xfb", "big", True))
for value, length in ((300, 1), (-129, 1)):
    try:
        print(value.to_bytes(length, "little", True))
    except OverflowError as e:
        print("OverflowError", e)
