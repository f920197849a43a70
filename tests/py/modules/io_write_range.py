# MicroPython's write(buf, length) and write(buf, offset, length) on the
# in-memory streams: both clamped to the data.
import io

buf = io.BytesIO()
print(buf.write(b"foo", 2), buf.getvalue())
print(buf.write(b"foo", 100), buf.getvalue())
print(buf.write(b"foobar", 1, 3), buf.getvalue())
print(buf.write(b"foobar", 1, 100), buf.getvalue())
print(buf.write(b"foobar", 100, 100), buf.getvalue())
s = io.StringIO()
print(s.write("hello", 1, 3), s.getvalue())
