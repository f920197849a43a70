# DeflateIO over streams written in Python (io.IOBase: readinto, write and
# ioctl, which MicroPython's close uses).
import deflate, io


class Pipe(io.IOBase):
    def __init__(self, data=b""):
        self.data = bytearray(data)
        self.at = 0
        self.written = 0

    def readinto(self, buf):
        count = min(len(buf), len(self.data) - self.at)
        buf[:count] = self.data[self.at : self.at + count]
        self.at += count
        return count

    def write(self, buf):
        self.data.extend(buf)
        self.written += len(buf)
        return len(buf)

    def ioctl(self, request, arg):
        print("ioctl", request, arg)
        return 0


pipe = Pipe()
with deflate.DeflateIO(pipe, deflate.GZIP, 0, True) as d:
    d.write(b"through a stream written in Python " * 4)
print(pipe.written, len(pipe.data))
pipe.at = 0
with deflate.DeflateIO(pipe, deflate.AUTO, 0, True) as d:
    print(d.read(10), d.readline(), d.read())
print(pipe.at == len(pipe.data))

# close=False (the default) leaves the stream open.
pipe = Pipe()
d = deflate.DeflateIO(pipe, deflate.ZLIB)
d.write(b"abc")
d.close()
print(len(pipe.data))

# json.dump writes str pieces to it; json.load reads it back (the example of
# MicroPython's deflate docs).
import json

config = {"a": [1, 2, 3], "name": "rime", "nested": {"x": 1.5}}
s = io.BytesIO()
with deflate.DeflateIO(s, deflate.GZIP, 6) as f:
    json.dump(config, f)
s.seek(0)
with deflate.DeflateIO(s, deflate.GZIP, 6) as f:
    print(json.load(f) == config)
print(deflate.DeflateIO(s))
