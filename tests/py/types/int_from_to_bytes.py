print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (255).to_bytes(1, "big"))
print((0).to_bytes(3, "big"), (2**32 - 1).to_bytes(4, "little"), (2**64).to_bytes(9, "big"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"))
print(int.from_bytes(b"", "big"), int.from_bytes(b"\xff" * 8, "big"), int.from_bytes(b"\x01" * 10, "little"))
print(int.from_bytes(bytearray(b"\x12\x34"), "big") == 0x1234)
value = 0x1234567890ABCDEF
print(int.from_bytes(value.to_bytes(8, "big"), "big") == value)
