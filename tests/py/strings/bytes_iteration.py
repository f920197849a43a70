data = b"\x00\x01\xfe\xff"
for byte in data:
    print(byte, hex(byte))
print(sum(data), max(data), list(reversed(data)), [b ^ 0xFF for b in data])
print(bytes(b ^ 0x55 for b in b"key"), bytearray(x + 1 for x in range(3)))
