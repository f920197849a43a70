# rime-only: MicroPython's VfsRom has no mkdir, remove or rename (AttributeError) where rime raises what a read-only littlefs mount raises (the errno lines match MicroPython 1.27's unix port with VfsLfs2 mounted readonly at /rom), and listing / and chdir need a board's mounts (the unix port mounts its host directory at /); the rest checked by hand against MicroPython's extmod/vfs.c.
# The /rom volume beside a littlefs volume at /: changes under /rom are
# refused, / lists the mount point first, and chdir goes to /rom's root.
import os
import vfs


def errno_of(call, *args):
    try:
        call(*args)
        return "no error"
    except OSError as error:
        return error.errno


class Filesystem:
    def mount(self, readonly, mkfs):
        pass


with open("/note.txt", "w") as note:
    note.write("kept on littlefs")
print(errno_of(os.mkdir, "/rom/new"), errno_of(os.mkdir, "/rom/www/new"), errno_of(os.mkdir, "/rom"))
print(errno_of(os.remove, "/rom/hello.txt"), errno_of(os.rmdir, "/rom/www"), errno_of(os.unlink, "/rom/missing"))
print(errno_of(os.rename, "/rom/hello.txt", "/rom/bye.txt"))
print(errno_of(os.rename, "/rom/hello.txt", "/copy.txt"), errno_of(os.rename, "/note.txt", "/rom/note.txt"))
print(errno_of(vfs.mount, Filesystem(), "/rom"))
print(errno_of(os.mkdir, "/rom/www"), errno_of(os.mkdir, "/rom/hello.txt"), errno_of(os.mkdir, "/rom/missing/x"))
print(errno_of(os.rename, "/rom/missing", "/rom/x"), errno_of(os.rmdir, "/rom/missing/x"))
print(os.statvfs("/rom"))
print(os.listdir("/"))
print(os.listdir(), os.listdir("."))
print(list(os.ilistdir("/"))[0], list(os.ilistdir("/"))[1][:2])
os.chdir("/rom")
print(os.getcwd(), os.listdir())
print(open("hello.txt").read(5), os.stat("www/index.html")[6])
print(errno_of(os.chdir, "/rom/www"), os.getcwd())
os.chdir("/")
print(os.getcwd(), open("note.txt").read())
