# rime-only: MicroPython's WebAssembly build has a real filesystem and no uname/urandom; rime's os has no filesystem
import os

print(os.sep, os.getcwd())
print(os.listdir(), os.listdir("/"), list(os.ilistdir()))
print(os.stat("/")[0] == 0x4000, len(os.stat("/")))
os.chdir("/")
os.sync()
for name in ("/flash", "main.py"):
    try:
        os.stat(name)
    except OSError as error:
        print("OSError", error.args[0])
for function in (os.mkdir, os.remove, os.rmdir, os.unlink, os.listdir, os.chdir):
    try:
        function("/x")
    except OSError as error:
        print("OSError", error.args[0])
try:
    os.rename("/a", "/b")
except OSError as error:
    print("OSError", error.args[0])

data = os.urandom(7)
print(type(data), len(data), len(os.urandom(0)))
print(len(set(os.urandom(64))) > 1)
name = os.uname()
print(type(name), len(name), all(isinstance(part, str) for part in name))
try:
    os.urandom(-1)
except ValueError:
    print("ValueError")
