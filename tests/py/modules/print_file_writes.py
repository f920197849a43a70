# print() to a file object writes each value, separator and end with its
# own write(), as MicroPython's print does (a stream derived from
# io.IOBase gets each piece as a bytearray); sys.implementation.name is
# MicroPython's, so code that checks it runs as on MicroPython.
import io
import sys


class Recorder(io.IOBase):
    def write(self, text):
        print("write", type(text).__name__, text)
        return len(text)


print("test", file=Recorder())
print(1, 2, sep="--", end="!\n", file=Recorder())
print(file=Recorder())
buf = io.StringIO()
print("a", "b", file=buf)
print(repr(buf.getvalue()))
print(sys.implementation.name)
