# Bad input as MicroPython reports it: wrong checksums and headers, corrupt
# blocks and windows too small are OSError(EINVAL), input that ends early is
# EOFError; bad arguments and a closed stream.
import deflate, io

TEXT = b"checksum test data, checksum test data, 12345"
ZLIB = b'x\x9cK\xceHM\xce..\xcdU(I-.QHI,I\xd4QH\xc6"fhdlb\n\x00~\x19\x0fr'
GZIP = b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03K\xceHM\xce..\xcdU(I-.QHI,I\xd4QH\xc6"fhdlb\n\x00\xabm\xb3\xee-\x00\x00\x00'


def attempt(label, data, fmt=deflate.AUTO, wbits=0, size=-1):
    d = deflate.DeflateIO(io.BytesIO(data), fmt, wbits)
    try:
        got = d.read(size)
        print(label, "read", len(got), got if len(got) < 8 else got == TEXT[: len(got)])
    except OSError as e:
        print(label, "OSError", e.errno, e.args)
    except EOFError as e:
        print(label, "EOFError", e.args)


attempt("zlib ok", ZLIB)
attempt("gzip ok", GZIP)
# The checksums: Adler-32 (big-endian) and CRC-32 (little-endian).
attempt("adler flipped", ZLIB[:-1] + bytes([ZLIB[-1] ^ 1]))
attempt("crc flipped", GZIP[:-8] + bytes([GZIP[-8] ^ 0x80]) + GZIP[-7:])
# gzip's size field is not checked.
attempt("gzip size wrong", GZIP[:-4] + b"\x00\x00\x00\x00")
# Data before the checksum is read: the error comes only at the end.
attempt("adler flipped, part", ZLIB[:-1] + bytes([ZLIB[-1] ^ 1]), size=10)
# Truncated anywhere: in the header, in the blocks, in the trailer.
for cut in (1, 2, 5, 20, len(ZLIB) - 4, len(ZLIB) - 1):
    attempt("zlib cut %d" % cut, ZLIB[:cut])
for cut in (3, 9, 15, len(GZIP) - 8, len(GZIP) - 4, len(GZIP) - 1):
    attempt("gzip cut %d" % cut, GZIP[:cut])
# Headers: not zlib (check bits, method, window, dictionary) and not gzip.
attempt("zlib fcheck", b"\x78\x9d" + ZLIB[2:])
attempt("zlib method", b"\x79\x9c" + ZLIB[2:])
attempt("zlib window", b"\x88\x98" + ZLIB[2:])
attempt("zlib dict", b"\x78\xbb" + ZLIB[2:])
attempt("gzip method", GZIP[:2] + b"\x07" + GZIP[3:])
attempt("gzip reserved flag", GZIP[:3] + b"\x20" + GZIP[4:])
# A format that does not match the header.
attempt("zlib as gzip", ZLIB, deflate.GZIP)
attempt("gzip as zlib", GZIP, deflate.ZLIB)
attempt("zlib as raw", ZLIB, deflate.RAW)
# Block type 3 does not exist; a stored block's length check.
attempt("block type 3", b"\x07\x00")
attempt("stored length", b"\x01\x05\x00\xfa\xfe" + b"hello", deflate.RAW)
attempt("stored ok", b"\x01\x05\x00\xfa\xff" + b"hello", deflate.RAW)
# Fixed block with the length symbols 286 and 287 (which do not exist).
attempt("length 286", b"s\x1c\x03", deflate.RAW, 8)
# Distance symbol 30 does not exist.
attempt("distance 30", b"K\x04>", deflate.RAW, 8)
# A reference before the first byte reads the window's zeros, one beyond
# the window is an error.
attempt("near reference", b"K\x04b\x00", deflate.RAW, 5)
attempt("far reference", b"K\x04\xaa\x03\x00", deflate.RAW, 5)
attempt("far reference, bigger window", b"K\x04\xaa\x03\x00", deflate.RAW, 6)

# A failed header makes every later read fail too.
d = deflate.DeflateIO(io.BytesIO(b"\x00\x00" + ZLIB))
for _ in range(2):
    try:
        d.read()
    except OSError as e:
        print("again", e.errno)

# Arguments.
for args in ((io.BytesIO(), 4), (io.BytesIO(), -1), (io.BytesIO(), 0, 4), (io.BytesIO(), 0, 16), (io.BytesIO(), 0, -1)):
    try:
        deflate.DeflateIO(*args)
    except ValueError as e:
        print("ValueError", e)
for wbits in (5, 15):
    print(type(deflate.DeflateIO(io.BytesIO(), deflate.RAW, wbits)).__name__)
try:
    deflate.DeflateIO()
except TypeError:
    print("TypeError")

# A closed DeflateIO: reads and writes are EINVAL, closing again is nothing.
d = deflate.DeflateIO(io.BytesIO(ZLIB))
print(d.read(5))
d.close()
d.close()
for call in (lambda: d.read(), lambda: d.read(3), lambda: d.readline(), lambda: d.write(b"x")):
    try:
        call()
    except OSError as e:
        print("closed", e.errno)
print(d.read(0), d.write(b""))
