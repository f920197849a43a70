import binascii

print(binascii.hexlify(b"\x01\xab\xff"))
print(binascii.hexlify(b""))
print(binascii.hexlify(b"abc", "-"))
print(binascii.hexlify(b"abc", b":"))
print(binascii.unhexlify("01abff"))
print(binascii.unhexlify(b"DEADbeef"))
for text in (b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"):
    encoded = binascii.b2a_base64(text)
    print(encoded, binascii.a2b_base64(encoded))
print(binascii.b2a_base64(b"hello", newline=False))
print(binascii.a2b_base64(b"aGVs\nbG8="))
print(binascii.crc32(b"hello"), binascii.crc32(b""), binascii.crc32(b"123456789"))
print(binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(b"hello world"))
for bad in ("abc", "zz"):
    try:
        binascii.unhexlify(bad)
    except Exception:
        print("error", bad)
