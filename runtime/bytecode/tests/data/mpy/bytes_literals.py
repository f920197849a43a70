empty = b""
short = b"ab"
escaped = b"\x00\x01\xff\n\t"
longer = b"0123456789abcdefghijklmnopqrstuvwxyz"
raw = rb"\d+"
ba = bytearray(b"xyz")
print(empty, short, escaped, longer, raw, ba, len(longer))
