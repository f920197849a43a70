# A BytesIO made from bytes reads them in place; its first write copies them,
# so the bytes never change.
import io

data = b"0123456789" * 3
stream = io.BytesIO(data)
print(stream.read(4), stream.readline(), stream.tell())
target = bytearray(3)
print(stream.readinto(target), target)
stream.seek(2)
print(stream.write(b"ab"), stream.getvalue()[:8], data[:8])
stream.seek(0, 2)
stream.write(b"!")
print(len(stream.getvalue()), len(data), stream.getvalue()[-3:])
print(io.BytesIO(b"").read(), io.BytesIO(b"x").getvalue(), io.BytesIO(bytearray(b"yz")).read())
