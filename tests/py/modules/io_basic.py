import io
import json

s = io.StringIO()
print(s.write("hello "), s.write("world\n"), s.write("line2\n"))
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(0)
print(repr(s.read(5)), repr(s.read()), repr(s.read()))
s.seek(0)
s.write("HELLO")
print(repr(s.getvalue()))

b = io.BytesIO(b"abc")
print(b.read(), b.tell())
b.write(b"def")
print(b.getvalue())
b.seek(1)
print(b.read(2), b.read(10), b.read())

t = io.StringIO("first\nsecond")
print(t.read(), t.read())

out = io.StringIO()
json.dump({"a": [1, 2, {"b": None}]}, out)
print(out.getvalue())
print(json.load(io.StringIO('{"x": [true, 2.5]}')))

import collections
d = collections.OrderedDict()
d["z"] = 1
d["a"] = 2
print(list(d.keys()), list(d.items()))
