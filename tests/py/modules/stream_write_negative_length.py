# write(buf, length) and write(buf, offset, length) with a negative length
# write everything from the offset, as MicroPython's generic stream write
# (its integers truncated to size_t): BytesIO, RingIO and DeflateIO alike.
import io, micropython, deflate

b = io.BytesIO()
print(b.write(b"abcdef", -1), b.getvalue())
print(b.write(b"xyz", 1, -2), b.getvalue())
print(b.write(b"xyz", -1, 2), b.getvalue())
r = micropython.RingIO(16)
print(r.write(b"hello", -3), r.read())
out = io.BytesIO()
with deflate.DeflateIO(out, deflate.RAW) as d:
    print(d.write(b"squeeze me", 2, -1))
print(deflate.DeflateIO(io.BytesIO(out.getvalue()), deflate.RAW).read())
