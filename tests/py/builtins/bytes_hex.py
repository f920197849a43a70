# bytes.hex(): two lowercase digits a byte; MicroPython gives b'' (not '')
# for empty input, as binascii.hexlify does.
print(b"\x00\x7f\xff".hex(), bytearray(b"AB").hex())
print(repr(b"".hex()), repr(bytearray().hex()))
print("%s|%s" % (b"\xca\xfe".hex(), b"".hex()))
print(bytes.fromhex(b"\x01\x02".hex()) == b"\x01\x02")
