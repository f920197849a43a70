# A filesystem written in Python, mounted with vfs.mount and searched through
# sys.path by import: a .py module and a .mpy module (made by mpy-cross from
# "def triple(x): return 3 * x" and NAME = "compiled"), read through
# io.IOBase streams with readinto, as MicroPython's perf_bench import tests do.
import io
import sys
import vfs

SOURCES = {
    "/plain.py": b"VALUE = 41 + 1\ndef hello(who):\n    return 'hello ' + who\n",
    "/tiny.mpy": b"M\x06\x00\x1f\x06\x00\x0etiny.py\x00\x0f\x10compiled\x00\x0ctriple\x00\x08NAME\x00\x02x\x00t\x00\x04\x01d2\x00\x16\x03\x10\x02\x16\x04Qc\x01H\x11\x06\x03\x05 \x83\xb0\xf4c",
}
asked = []


class File(io.IOBase):
    def __init__(self, data):
        self.data = data
        self.off = 0

    def ioctl(self, request, arg):
        return 0 if request == 4 else -1

    def readinto(self, buf):
        chunk = self.data[self.off : self.off + len(buf)]
        buf[: len(chunk)] = chunk
        self.off += len(chunk)
        return len(chunk)


class FS:
    def mount(self, readonly, mkfs):
        print("mount", readonly, mkfs)

    def umount(self):
        print("umount")

    def chdir(self, path):
        pass

    def stat(self, path):
        asked.append(path)
        if path in SOURCES:
            return (0x8000, 0, 0, 0, 0, 0, len(SOURCES[path]), 0, 0, 0)
        raise OSError(2)

    def open(self, path, mode):
        return File(SOURCES[path])


print(issubclass(File, io.IOBase), isinstance(File(b""), io.IOBase))
vfs.mount(FS(), "/remote")
sys.path.insert(0, "/remote")
print(sys.path[0])

import plain

print(plain.VALUE, plain.hello("vfs"), plain.__name__)
import tiny

print(tiny.triple(14), tiny.NAME)
print("/plain.py" in asked, "/tiny.py" in asked, "/tiny.mpy" in asked)

try:
    import missing_module
except ImportError as error:
    print("ImportError", error)

sys.path.pop(0)
del sys.modules["plain"]
try:
    import plain
except ImportError:
    print("not found once off sys.path")
vfs.umount("/remote")
