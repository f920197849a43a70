"""The reference C littlefs (PyPI littlefs-python) on image files, for rime's filesystem tests.

usage: littlefs-tool.py dump IMAGE | make IMAGE BLOCKS | modify IMAGE
                      | pack DIR IMAGE BLOCKS | dump-dir DIR

`dump` prints one line per entry, sorted by path: `d PATH` or `f PATH SIZE SHA256`.
`make` writes a fresh image with a few directories and files; `modify` changes an
existing one (removes, renames, appends, writes); both then dump it. `pack` writes a
fresh image holding a directory tree of the host, and `dump-dir` dumps such a tree
the way `dump` dumps an image. The geometry is MicroPython's rp2 filesystem:
4096-byte blocks, read 32, prog 256, lookahead 32, block_cycles 100.
"""

import hashlib
import os
import sys

from littlefs import LittleFS, UserContext

BLOCK_SIZE = 4096


def open_fs(data):
    context = UserContext(buffer=data)
    return LittleFS(context=context, block_size=BLOCK_SIZE, block_count=len(data) // BLOCK_SIZE,
                    read_size=32, prog_size=256, lookahead_size=32, block_cycles=100, mount=False)


def dump(fs):
    lines = []
    for top, dirs, files in fs.walk("/"):
        top = top.rstrip("/")
        for name in dirs:
            lines.append(f"d {top}/{name}")
        for name in files:
            with fs.open(f"{top}/{name}", "rb") as file:
                content = file.read()
            lines.append(f"f {top}/{name} {len(content)} {hashlib.sha256(content).hexdigest()}")
    return sorted(lines)


def pattern(length, seed):
    return bytes((index * 7 + seed) % 251 for index in range(length))


def make(fs):
    fs.format()
    fs.mount()
    fs.mkdir("/lib")
    fs.mkdir("/data")
    fs.mkdir("/data/empty")
    with fs.open("/lib/util.py", "w") as file:
        file.write("def double(x):\n    return 2 * x\n")
    with fs.open("/data/big.bin", "wb") as file:
        file.write(pattern(30000, 3))
    with fs.open("/readme.txt", "w") as file:
        file.write("made by littlefs-python\n")
    with fs.open("/empty.txt", "wb") as file:
        pass


def modify(fs):
    fs.mount()
    fs.remove("/gone.txt")
    fs.rename("/old-name.txt", "/new-name.txt")
    with fs.open("/append.txt", "ab") as file:
        file.write(b" and appended by python")
    fs.mkdir("/from-python")
    with fs.open("/from-python/p.bin", "wb") as file:
        file.write(pattern(5000, 9))


def dump_dir(root):
    lines = []
    for top, dirs, files in os.walk(root):
        relative = os.path.relpath(top, root)
        prefix = "" if relative == "." else "/" + relative.replace(os.sep, "/")
        for name in dirs:
            lines.append(f"d {prefix}/{name}")
        for name in files:
            with open(os.path.join(top, name), "rb") as file:
                content = file.read()
            lines.append(f"f {prefix}/{name} {len(content)} {hashlib.sha256(content).hexdigest()}")
    return sorted(lines)


def pack(root, fs):
    fs.format()
    fs.mount()
    for top, dirs, files in os.walk(root):
        relative = os.path.relpath(top, root)
        prefix = "" if relative == "." else "/" + relative.replace(os.sep, "/")
        for name in sorted(dirs):
            fs.mkdir(f"{prefix}/{name}")
        for name in sorted(files):
            with open(os.path.join(top, name), "rb") as source, fs.open(f"{prefix}/{name}", "wb") as file:
                file.write(source.read())


def main():
    command, path = sys.argv[1], sys.argv[2]
    if command == "dump-dir":
        for line in dump_dir(path):
            print(line)
        return
    if command == "pack":
        root, path = path, sys.argv[3]
        data = bytearray(b"\xff" * (int(sys.argv[4]) * BLOCK_SIZE))
        fs = open_fs(data)
        pack(root, fs)
        for line in dump(fs):
            print(line)
        fs.unmount()
        with open(path, "wb") as file:
            file.write(data)
        return
    if command == "make":
        data = bytearray(b"\xff" * (int(sys.argv[3]) * BLOCK_SIZE))
    else:
        with open(path, "rb") as file:
            data = bytearray(file.read())
    fs = open_fs(data)
    if command == "make":
        make(fs)
    elif command == "modify":
        modify(fs)
    else:
        fs.mount()
    for line in dump(fs):
        print(line)
    fs.unmount()
    if command != "dump":
        with open(path, "wb") as file:
            file.write(data)


if __name__ == "__main__":
    main()
