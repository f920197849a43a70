# Conversions as MicroPython 1.27 makes them: hash of integral floats,
# float() of long text and of bytes, __float__ in float(), % and math,
# bytes constructors' argument checks, bytes + array, int() with base 0,
# StringIO in a with statement, and how sys.std* print.
import io
import math
import sys
import array

for text in ("0.0", "-0.0", "1.0", "-12.0", "12345.0", "-1073741824.0"):
    print(text, hash(float(text)))
print(type(hash(0.5)), type(hash(1e16)), type(hash(float("inf"))))

print(float("." + "9" * 70 + "e20"))
print(float("." + "9" * 70 + "e-50") == float("1e-50"))
print(float("." + "0" * 60 + "9e40") == float("9e-21"))
print(float("1" + "0" * 80) == 1e80, float(b"1.25"), float(bytearray(b"-2")))


class WithFloat:
    def __float__(self):
        return 2.5


class WrongFloat:
    def __float__(self):
        return 3


class Plain:
    pass


print(float(WithFloat()), "%.2f|%e" % (WithFloat(), WithFloat()), math.sqrt(WithFloat()) > 1.58)
for value in (WrongFloat(), Plain(), "x"):
    for convert in (math.floor, lambda value: "%f" % value):
        try:
            print(convert(value))
        except (TypeError, ValueError) as error:
            print(type(error).__name__, error)

print(float(WrongFloat) if False else "", bytearray([1, 2], 5))
try:
    float(WrongFloat())
except TypeError as error:
    print(error)
try:
    bytes(-1)
except ValueError as error:
    print(repr(error.args))
for arguments in (("1234",), ("abc", "utf-8"), ([1, 2, 3], 1), (3,), ("ab", "utf-8", "strict", 4)):
    for kind in (bytes, bytearray):
        try:
            print(kind(*arguments))
        except (TypeError, ValueError) as error:
            print(kind.__name__, type(error).__name__, error)
try:
    str(b"a", "utf-8", "ignore", "toomuch")
except TypeError:
    print("TypeError")

print(b"12" + array.array("b", [1, 2]), bytearray(b"x") + array.array("B", [65]))
print(b"" + array.array("h", [0x0101]))

for text in ("01", "00", "0", "-01", "0x1f", "0_0", " 010 ", "10"):
    try:
        print(text, int(text, 0))
    except ValueError as error:
        print(text, "ValueError", error)

with io.StringIO() as stream:
    stream.write("foo")
    print(stream.getvalue())
with io.BytesIO(b"ab") as stream:
    print(stream.read())

print(sys.stdout, sys.stdin, sys.stderr, sys.stdout.buffer, sys.stderr.buffer)
print(type(sys.stdout), type(sys.stdin))
print(int(memoryview(b"123")), int(memoryview(bytearray(b"-7"))), int(memoryview(b"12")[1:]))
