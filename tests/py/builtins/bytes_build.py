print(bytes(), bytes(0), bytes(3), bytes([65, 66, 67]))
print(bytes("abc", "utf-8"), bytes(b"x"), bytes(bytearray(b"y")), bytes(range(65, 70)))
print(bytes("é", "utf-8"), len(bytes("é", "utf-8")))
print(b"a" b"b", b"\x00\xff\n\t\\", b'q"', b"q'")
print(len(b""), b"abc"[1], b"abc"[-1], b"abcdef"[1:4])
print(list(b"hi"), tuple(b"hi"), b"hi" + b"!", b"ab" * 3)
print(b"ab" == b"ab", b"ab" < b"b", b"" < b"a", b"ab" != "ab")
print(b"b" in b"abc", 98 in b"abc", b"z" not in b"abc")
try:
    bytes([256])
except ValueError:
    print("ValueError")
