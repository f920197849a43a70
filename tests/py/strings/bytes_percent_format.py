# bytes % values: MicroPython's printf formatting into bytes; %s of bytes
# inserts them undecorated, other values as their str.
print(b"%5s|%-4s|%.2s" % (b"ab", b"c", b"xyz"), b"%s %r" % ("t", "t"), b"%d%%%x" % (10, 255), b"%c" % 65)
print(b"%s" % bytearray(b"q"), b"%5.1f" % 2.25, type(b"" % ()))
try:
    b"%s" % ()
except TypeError as e:
    print("TypeError", e)
