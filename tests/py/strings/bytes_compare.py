print(b"a" == b"a", b"a" == bytearray(b"a"), bytearray(b"a") == b"a", b"a" < b"b", b"abc" > b"abb")
print(sorted([b"b", b"a", b"ab"]), max(b"xyz"), min([b"z", b"y"]))
print(b"" == bytes(), bytes(2) == b"\x00\x00", b"ab" in [b"ab"], hash(b"x") == hash(b"x"))
