# micropython-lib's gzip, zlib and keyword modules (python-stdlib/gzip, zlib
# and keyword, from the checkout in MICROPYTHON_LIB, frozen unmodified beside
# this program): gzip and zlib over rime's deflate (CPython-made streams,
# round trips, every wbits form zlib.py decodes), then keyword. The expected
# output is the pinned MicroPython's for the same four files (xtask's stage
# "host and qemu-m0: micropython-lib's gzip and zlib over deflate, and
# keyword, against MicroPython").
import gzip, zlib, io

TEXT = b"micropython-lib gzip and zlib on rime: " * 6
# CPython: zlib.compress(TEXT, 9), gzip.compress(TEXT, mtime=0) and a raw
# stream with a 4 KiB window (compressobj(9, DEFLATED, -12)).
CPY_ZLIB = b"x\xda\xcb\xcdL.\xca/\xa8,\xc9\xc8\xcf\xd3\xcd\xc9LRH\xaf\xca,PH\xccKQ\xa8\x02\xf1\xf2\xf3\x14\x8a2sS\xad\x14r\x87\xbe2\x00\xa5\xc3U\x8d"
CPY_GZIP = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xcb\xcdL.\xca/\xa8,\xc9\xc8\xcf\xd3\xcd\xc9LRH\xaf\xca,PH\xccKQ\xa8\x02\xf1\xf2\xf3\x14\x8a2sS\xad\x14r\x87\xbe2\x00,ZA\xa1\xea\x00\x00\x00"
CPY_RAW = b"\xcb\xcdL.\xca/\xa8,\xc9\xc8\xcf\xd3\xcd\xc9LRH\xaf\xca,PH\xccKQ\xa8\x02\xf1\xf2\xf3\x14\x8a2sS\xad\x14r\x87\xbe2\x00"

print(zlib.decompress(CPY_ZLIB) == TEXT)
print(gzip.decompress(CPY_GZIP) == TEXT)
print(zlib.decompress(CPY_RAW, -12) == TEXT)
print(zlib.decompress(CPY_GZIP, 31) == TEXT, zlib.decompress(CPY_GZIP, 47) == TEXT, zlib.decompress(CPY_ZLIB, 47) == TEXT)
print(zlib.decompress(CPY_ZLIB, 0) == TEXT)

g = gzip.compress(TEXT)
print(len(g), g[:10], gzip.decompress(g) == TEXT)
for wbits in (9, 15, -9, -15, 25, 31):
    z = zlib.compress(TEXT, wbits)
    print(wbits, len(z), z[:4], zlib.decompress(z, wbits) == TEXT)
print(zlib.compress(b"abcabcabcabc"))
for wbits in (4, 16, 0, 33):
    try:
        zlib.compress(TEXT, wbits)
    except ValueError as e:
        print("ValueError", e)

# GzipFile over a BytesIO, read piece by piece.
with gzip.GzipFile(fileobj=io.BytesIO(CPY_GZIP)) as f:
    print(f.read(20), f.readline(), len(f.read()))
# Bad data raises as deflate does.
try:
    gzip.decompress(CPY_GZIP[:-8] + bytes([CPY_GZIP[-8] ^ 1]) + CPY_GZIP[-7:])
except OSError as e:
    print("OSError", e.errno)
try:
    zlib.decompress(CPY_ZLIB[:20])
except EOFError:
    print("EOFError")

# keyword: a frozenset's __contains__ as a function (keyword.iskeyword).
import keyword

print(keyword.iskeyword("for"), keyword.iskeyword("foo"), keyword.iskeyword("None"))
print(len(keyword.kwlist), keyword.kwlist[:5])
