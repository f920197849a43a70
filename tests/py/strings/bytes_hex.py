print(b"\x00\x01\xab\xff".hex(), bytearray(b"AZ").hex())
print(bytes.fromhex("00ff10"), bytes.fromhex("DEADbeef"), bytes.fromhex(""))
print(bytes.fromhex(b"hello".hex()), bytes.fromhex("0a 0b"))
for bad in ("0", "zz", "0g"):
    try:
        bytes.fromhex(bad)
    except ValueError:
        print("ValueError", bad)
