# bytes and bytearray have center, padding to their own kind.
print(b"foo".center(0), b"foo".center(4), b"foo".center(7), b"\xc3\xa9".center(4))
print(bytearray(b"foo").center(6), type(bytearray(b"foo").center(6)).__name__)
print("\xe9".center(3), len("\xe9".center(3)))
print(repr("ab".center(5)), repr("a".center(4)), repr("abc".center(6)), repr(b"ab".center(5)))
