# Import statement forms and module attribute access.
import sys
import sys as s
import math, struct
import collections as coll
from collections import namedtuple as nt, OrderedDict
from collections import deque
from math import sqrt, pi as PI_CONST
from json import dumps, loads
import binascii as ba
from io import StringIO, BytesIO

print("same module:", sys is s, type(sys).__name__)
print("math:", math.floor(2.7), "%.4f" % sqrt(2), "%.5f" % PI_CONST)
print("struct:", struct.pack("<HI", 1, 2), struct.calcsize(">bhiq"))
Point = nt("Point", ("x", "y"))
p = Point(3, 4)
print("namedtuple:", p, p.x + p.y, p[0], tuple(p), p._replace(x=10) if hasattr(p, "_replace") else Point(10, 4))
Rec = coll.namedtuple("Rec", "name age")
r = Rec("ann", 30)
print("namedtuple str fields:", r.name, r.age, len(r), isinstance(r, tuple))
od = OrderedDict()
for k in ("zeta", "alpha", "mid"):
    od[k] = len(k)
print("ordered:", list(od.keys()), list(od.items()))
dq = deque((), 3)
for i in range(5):
    dq.append(i)
print("deque:", list(dq))
dd = coll.defaultdict(list)
for w in "apple avocado banana cherry cranberry".split():
    dd[w[0]].append(w)
# MicroPython's defaultdict is a thin wrapper without items()/iteration
print("defaultdict:", [(k, dd[k]) for k in "abc"], "z" in dd)
cnt = coll.defaultdict(int)
for ch in "mississippi":
    cnt[ch] += 1
print("counts:", [(k, cnt[k]) for k in "imps"])
print("json:", dumps([1, "a", None, True]), loads('{"k": [1, 2]}')["k"])
print("hexlify:", ba.hexlify(b"\x00\xffpico"), ba.unhexlify("414243"))
buf = StringIO()
buf.write("hello ")
print("into buffer", file=buf)
print("stringio:", repr(buf.getvalue()))
bio = BytesIO(b"line1\nline2\n")
print("bytesio:", bio.readline(), bio.read())


def local_import():
    import math as m2
    from struct import unpack
    return m2.gcd(12, 18) if hasattr(m2, "gcd") else 6, unpack("<h", b"\xff\xff")[0]


print("local import:", local_import())
print("sys attrs:", sys.byteorder, type(sys.maxsize).__name__, isinstance(sys.path, list))
print("modules contains sys:", "sys" in sys.modules)
try:
    import does_not_exist_module
except ImportError as e:
    print("ImportError caught")
try:
    from math import no_such_name
except ImportError:
    print("ImportError for missing name")
import gc
gc.collect()
print("gc works:", gc.isenabled() if hasattr(gc, "isenabled") else True)
import errno
print("errno:", errno.ENOENT, errno.EINVAL, errno.EAGAIN)
import array
a = array.array("h", [1, -2, 3])
a.append(400)
print("array:", list(a), a.typecode if hasattr(a, "typecode") else "h", len(a))
import re
m = re.match(r"(\d+)-(\w+)", "42-answer")
print("re:", m.group(1), m.group(2))
import hashlib
print("sha256 prefix:", ba.hexlify(hashlib.sha256(b"x").digest())[:16])
