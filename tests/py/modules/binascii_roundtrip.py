import binascii
payload = bytes(range(0, 256, 17))
hexed = binascii.hexlify(payload)
print(hexed, binascii.unhexlify(hexed) == payload)
b64 = binascii.b2a_base64(payload)
print(b64, binascii.a2b_base64(b64) == payload)
print(hex(binascii.crc32(payload)))
