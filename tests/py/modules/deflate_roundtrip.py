# Compresses in every format and window size and decompresses again; the
# compressed bytes are MicroPython's own (its compressor writes one
# fixed-Huffman block of LZ77 matches).
import deflate, io, binascii

seed = 12345


def noise(count):
    global seed
    out = bytearray(count)
    for i in range(count):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        out[i] = (seed >> 16) & 0xFF
    return bytes(out)


DATA = [
    ("one byte", b"a"),
    ("text", b"hello hello hello world, hello again and again and again! " * 5),
    ("long run", b"x" * 1000 + b"y" * 259 + b"z" * 260 + b"w" * 261),
    ("noise", noise(600)),
    ("all bytes", bytes(range(256)) * 3),
    ("far repeat", noise(200) * 4),
]


def compress(data, fmt, wbits, piece=None):
    s = io.BytesIO()
    with deflate.DeflateIO(s, fmt, wbits) as d:
        if piece is None:
            d.write(data)
        else:
            for i in range(0, len(data), piece):
                d.write(data[i : i + piece])
    return s.getvalue()


def decompress(data, fmt, wbits):
    return deflate.DeflateIO(io.BytesIO(data), fmt, wbits).read()


for name, data in DATA:
    for fmt in (deflate.RAW, deflate.ZLIB, deflate.GZIP):
        for wbits in (0, 5, 8, 10, 15):
            z = compress(data, fmt, wbits)
            back = decompress(z, fmt, wbits if wbits else 8)
            print(name, fmt, wbits, len(z), hex(binascii.crc32(z)), back == data)

# AUTO writes a raw stream.
print(compress(b"abcabcabc", deflate.AUTO, 0), compress(b"abcabcabc", deflate.RAW, 0))
# Short streams byte for byte.
for fmt in (deflate.RAW, deflate.ZLIB, deflate.GZIP):
    print(fmt, compress(b"banana bandana", fmt, 0))
    # Nothing written: not even a header.
    print(fmt, compress(b"", fmt, 0))
    try:
        decompress(b"", fmt, 0)
    except EOFError:
        print("EOFError")

# Written in pieces, a stream can differ (matches stop at each piece's end)
# but reads back the same.
text = DATA[1][1]
for piece in (1, 7, 64):
    z = compress(text, deflate.ZLIB, 9, piece)
    print("pieces", piece, len(z), decompress(z, deflate.ZLIB, 0) == text)

# What each write sends on is in the stream at once.
s = io.BytesIO()
d = deflate.DeflateIO(s, deflate.GZIP)
for chunk in (b"first chunk of text ", b"second chunk of text ", b"x" * 40):
    print(d.write(chunk), len(s.getvalue()))
d.close()
print(len(s.getvalue()), decompress(s.getvalue(), deflate.AUTO, 0))

# write(buf, max_len) and write(buf, offset, max_len)
s = io.BytesIO()
d = deflate.DeflateIO(s, deflate.ZLIB)
print(d.write(b"0123456789", 4), d.write(b"0123456789", 6, 100), d.write(bytearray(b"abc")), d.write(b""))
d.close()
print(decompress(s.getvalue(), deflate.ZLIB, 0))

# A window of wbits=10 reaches back 1024 bytes: a raw stream read with a
# smaller window fails with OSError once a match reaches further.
far = noise(300) * 3
z = compress(far, deflate.RAW, 10)
print(decompress(z, deflate.RAW, 10) == far)
try:
    decompress(z, deflate.RAW, 8)
except OSError as e:
    print("OSError", e.errno)
# The zlib header carries the window: reading asks for no more than it says.
z = compress(far, deflate.ZLIB, 10)
print(z[:2], decompress(z, deflate.AUTO, 0) == far, decompress(z, deflate.ZLIB, 15) == far)

# A stream wrapped both ways: write, then read back from the same object.
s = io.BytesIO()
d = deflate.DeflateIO(s, deflate.ZLIB)
d.write(b"both ways " * 10)
d.close()
s.seek(0)
with deflate.DeflateIO(s, deflate.ZLIB) as d:
    print(d.read())
