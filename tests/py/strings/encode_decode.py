text = "héllo €"
data = text.encode()
print(data, len(text), len(data), data.decode() == text)
print("abc".encode("utf-8"), b"abc".decode("utf-8"), "x".encode("ascii") if 0 else b"x")
print(bytes("ü", "utf-8"), str(b"\xc3\xbc", "utf-8"))
print(bytearray("é", "utf-8").decode(), "😀".encode(), b"\xf0\x9f\x98\x80".decode())
print(type("a".encode()), type(b"a".decode()))
