import binascii
print(binascii.hexlify(b"\x00\x7f\x80\xff"), binascii.unhexlify(b"007f80ff"), binascii.unhexlify("4142"))
print(binascii.hexlify(b"abc", b"-"), binascii.hexlify(b""), binascii.unhexlify(b""))
for bad in (b"abc", b"zz"):
    try:
        binascii.unhexlify(bad)
    except ValueError:
        print("ValueError", bad)
