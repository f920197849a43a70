# bytes.hex and memoryview.hex with a separator, binascii.hexlify with a
# longer separator (its first character is used), and the errors of
# bytes.fromhex and binascii.unhexlify, which share one decoder.
import binascii

for data in (b"\x00\x01\x7f\x80\xff", bytearray(b"1234"), memoryview(b"abcdef")[1:4]):
    print(data.hex(), data.hex(":"), data.hex("-"))
print(binascii.hexlify(b"ab", "-"), binascii.hexlify(b"ab", b"--"), binascii.hexlify(b""))
print(memoryview(b"").hex() == b"".hex())
for text in ("ab cd", " ab\tcd\n", "abc", "a b", "abga", "ab_cd"):
    for decode in (bytes.fromhex, binascii.unhexlify):
        try:
            print(decode(text))
        except ValueError as error:
            print("ValueError:", error)
try:
    b"ab".hex(1)
except TypeError:
    print("TypeError")
