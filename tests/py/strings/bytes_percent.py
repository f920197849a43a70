# bytes % values makes bytes; %s of bytes gives the bytes themselves.
print(b"%%" % ())
print(b"=%d=" % 1)
print(b"=%d=%x=" % (10, 255))
print(b"=%s=" % b"raw")
print(b"=%r=" % b"raw")
print(b"=%s=" % "text")
print(b"%-5s|%5s|" % (b"ab", b"cd"))
print(type(b"%d" % 3).__name__)
try:
    b"%d %d" % (1,)
except TypeError as e:
    print("TypeError")
