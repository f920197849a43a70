# The acceptance program: it runs in a littlefs image made by
# littlefs-python (rime, with the image mounted at /) and in a copy of the
# same tree on the host (CPython, whose output and resulting tree are the
# expected ones). Paths are relative to the current directory, the root.
import os
import sys

if sys.implementation.name == "cpython":
    # On a board /lib is on sys.path; here the tree's lib/ is relative.
    sys.path.append("lib")
import util

print("util", util.total([1, 2, 3]), util.__name__)


def show(path):
    st = os.stat(path)
    kind = "dir" if st[0] & 0x4000 else "file"
    print(path, kind, st[6] if kind == "file" else "-")


def errno_of(action, *args):
    try:
        action(*args)
    except OSError as error:
        return error.errno
    return None


with open("data/readings.csv") as f:
    header = f.readline()
    rows = [line.rstrip("\n").split(",") for line in f]
print(header.strip(), len(rows), rows[0], rows[-1])
total = sum(int(row[1]) for row in rows)
print("total", total)
with open("data/readings.csv", "a") as f:
    print(f.write("%d,%d\n" % (len(rows), total)))
with open("data/readings.csv") as f:
    print(f.readlines()[-2:])

with open("lib/util.py") as f:
    print(f.read().splitlines())

os.mkdir("logs")
os.mkdir("logs/old")
with open("logs/run.txt", "w") as f:
    for i in range(300):
        f.write("line %d\n" % i)
with open("logs/run.txt", "rb") as f:
    print(f.seek(-9, 2), f.read(), f.tell())
    f.seek(0)
    print(f.read(12), f.readline())
with open("logs/blob.bin", "wb") as f:
    for block in range(40):
        f.write(bytes((block + i) % 256 for i in range(256)))
with open("logs/blob.bin", "rb") as f:
    data = f.read()
print(len(data), data[250:260], sum(data))
buffer = bytearray(16)
with open("logs/blob.bin", "rb") as f:
    f.seek(1000)
    print(f.readinto(buffer), buffer)

os.rename("logs/run.txt", "logs/old/run-1.txt")
os.remove("scratch.txt")
print("remove again", errno_of(os.remove, "scratch.txt"))
print("mkdir again", errno_of(os.mkdir, "logs"))
print("rmdir non-empty", errno_of(os.rmdir, "logs"))
print("open missing", errno_of(open, "nothing.txt"))
print("create existing", errno_of(open, "lib/util.py", "x"))

with open("counter.txt", "w") as f:
    f.write("1")
with open("counter.txt", "r+") as f:
    n = int(f.read())
    f.seek(0)
    f.write(str(n + 41))
with open("counter.txt") as f:
    print("counter", f.read())

for path in ["data", "data/readings.csv", "logs/blob.bin", "logs/old/run-1.txt", "counter.txt"]:
    show(path)
print(sorted(os.listdir()), sorted(os.listdir("logs")), os.listdir("logs/old"))
st = os.statvfs(".")
print("statvfs", st[0] > 0, st[2] >= st[3] >= st[4] >= 0)
os.mkdir("empty")
os.rmdir("empty")
print("empty" in os.listdir())
