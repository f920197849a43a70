# MicroPython's extended stream write: write(buf, max_len) and
# write(buf, offset, max_len), on BytesIO, StringIO and RingIO.
import io, micropython
buf = io.BytesIO()
print(buf.write(b"foo", 2), buf.write(b"foobar", 1, 3), buf.write(b"foobar", 4, 100), buf.write(b"xy", 5, 1), buf.write(b"z", 0))
print(buf.getvalue())
text = io.StringIO()
print(text.write("hello", 3), text.write("world", 1, 2), text.getvalue())
ring = micropython.RingIO(8)
print(ring.write(b"abcdef", 2), ring.write(b"abcdef", 3, 2), ring.read())
print(ring.write(bytearray(b"123456"), 4, 9), ring.read())
