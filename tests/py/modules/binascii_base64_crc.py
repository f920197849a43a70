import binascii
for data in (b"", b"a", b"ab", b"abc", b"any carnal pleas", bytes(range(10))):
    encoded = binascii.b2a_base64(data)
    print(encoded, binascii.a2b_base64(encoded) == data)
print(binascii.b2a_base64(b"no newline", newline=False))
print(binascii.crc32(b""), binascii.crc32(b"a"), binascii.crc32(b"The quick brown fox"))
print(binascii.crc32(b"fox", binascii.crc32(b"The quick brown ")) == binascii.crc32(b"The quick brown fox"))
