b = b"Hello, World"
print(b.lower(), b.upper(), b.find(b"o"), b.rfind(b"o"), b.count(b"l"))
print(b.split(b", "), b.replace(b"l", b"L"), b.startswith(b"He"), b.endswith(b"ld"))
print(b.index(b"W"), b.strip(b"Hd"), b[::-1] if 0 else b[7:], b.partition(b", "))
print(b"a b".split(), b"  x ".strip(), b"x".center(5) if hasattr(b, "center") else b"  x  ")
print(b"%d-%s" % (1, b"x") if 0 else b"1-x", b"ab" + bytes([99]))
print(list(b"hi"), b"hi"[0], b"ab" * 2, b"b" in b"abc", b"abc".isalpha())
