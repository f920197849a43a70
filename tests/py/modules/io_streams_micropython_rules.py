# io.StringIO and io.BytesIO as MicroPython 1.27's: their repr, writing
# after a seek past the end fills the gap with zero bytes, readinto, and a
# seek before the start is OSError(EINVAL).
import io

print("io.StringIO" in repr(io.StringIO()), "io.BytesIO" in repr(io.BytesIO()))
stream = io.BytesIO()
print(stream.seek(4))
stream.write(b"12")
print(stream.getvalue(), stream.tell())
stream.seek(0)
target = bytearray(3)
print(stream.readinto(target), target, stream.tell())
target = bytearray(8)
print(stream.readinto(target), target, stream.readinto(target))
text = io.StringIO("ab")
text.seek(5)
text.write("c")
print(repr(text.getvalue()))
try:
    io.BytesIO(b"foobar").seek(-10)
except OSError as error:
    print("OSError", error.args[0])
print(io.BytesIO(b"foobar").seek(-2, 2))
