# Frozen resources read in place from the read-only volume at /rom:
# listing, stat, text and binary reads, seek and tell, readinto, memoryview,
# and the errors MicroPython's ROMFS raises.
import os


def errno_of(call, *args):
    try:
        call(*args)
        return "no error"
    except OSError as error:
        return error.errno
    except Exception as error:
        return type(error).__name__


print(os.listdir("/rom"))
print(os.listdir("/rom/www"), os.listdir("/rom/www/img"))
for entry in sorted(os.ilistdir("/rom")):
    if entry[1] == 0x8000:
        print("file", entry[0], entry[2], entry[3])
    else:
        print("dir ", entry[0], entry[2])
for name in ("hello.txt", "data.bin", "empty.txt", "www/index.html", "www/img/logo.svg", "www/img.txt"):
    st = os.stat("/rom/" + name)
    print(name, hex(st[0]), st[6])
print(hex(os.stat("/rom/www")[0]), hex(os.stat("/rom")[0]))

# Text mode: str, characters counted as UTF-8.
with open("/rom/hello.txt") as f:
    print(type(f).__name__)
    print(repr(f.readline()))
    print(repr(f.read(9)), f.tell())
    print(repr(f.read(3)), f.tell())
    print(repr(f.readline(1)), repr(f.readline()))
    print(repr(f.read()))
    print(repr(f.read()), repr(f.readline()), f.tell())
with open("/rom/hello.txt", "rt") as f:
    print(f.readlines())
with open("/rom/hello.txt", "r") as f:
    for line in f:
        print(repr(line))
with open("/rom/www/index.html") as f:
    print(f.read(15), len(f.read()))
with open("/rom/empty.txt") as f:
    print(repr(f.read()), f.readlines(), f.tell())

# Binary mode: bytes, seek and tell.
f = open("/rom/data.bin", "rb")
print(type(f).__name__)
print(f.read(4), f.tell())
print(f.seek(10), f.read(3), f.tell())
print(f.seek(-4, 2), f.read())
print(f.seek(3, 1), f.tell(), f.read(), f.read(5))
print(f.seek(1000), f.tell(), f.read(1))
print(f.seek(5, 2), f.tell())
print(f.seek(-3, 1), f.read(1))
print(f.seek(250), f.readline(), f.readline(), f.readline())
print(f.seek(0), f.read(0), f.tell())

# readinto: a bytearray, a memoryview slice of one, a limit.
buf = bytearray(6)
print(f.seek(65), f.readinto(buf), buf)
print(f.readinto(memoryview(buf)[2:4]), buf)
print(f.readinto(buf, 2), buf)
print(f.seek(-2, 2), f.readinto(buf), buf, f.readinto(buf))

# The buffer protocol: a view of the whole file, wherever the position is.
view = memoryview(f)
print(len(view), view[0], view[255], view[-1], bytes(view[97:100]), f.tell())
print(bytes(view[-7:]))


def store(target):
    target[0] = 1


print(errno_of(store, view))
print(errno_of(memoryview, open("/rom/hello.txt")))

# Errors: the volume is read-only; missing files; bad seeks.
for mode in ("w", "wb", "a", "r+", "rb+", "ab"):
    print(mode, errno_of(open, "/rom/hello.txt", mode))
print(errno_of(open, "/rom/missing.txt", "w"))
print(errno_of(open, "/rom/missing.txt"), errno_of(open, "/rom/www"), errno_of(open, "/rom"))
print(errno_of(os.stat, "/rom/missing"), errno_of(os.stat, "/rom/hello.txt/x"))
print(errno_of(os.listdir, "/rom/missing"), errno_of(os.listdir, "/rom/hello.txt"))
print(errno_of(f.seek, -1), f.tell())
print(errno_of(f.seek, -1, 0), f.tell())
print(errno_of(f.seek, -1000, 2), f.seek(0))
print(errno_of(f.seek, -1, 1), f.seek(7))
print(errno_of(lambda: f.write(b"x")), errno_of(f.readinto, b"immutable"))

# close has nothing to release: the file still reads, as on MicroPython.
f.close()
f.close()
print(f.tell(), f.read(2))
with open("/rom/data.bin", "rb") as g:
    pass
print(g.read(2))
print(open("/rom/hello.txt", "x").read(5))
