# The platform module's functions and the shape of what they give:
# SYSTEM-VERSION-ARCH-OSVERSION-with-LIBC, a compiler name, a (lib, version)
# pair (the values themselves differ between MicroPython and rime).
import platform

text = platform.platform()
parts = text.split("-")
print(type(text) is str, len(parts), parts[4], parts[1].count(".") >= 1)
print(type(platform.python_compiler()) is str, len(platform.python_compiler()) > 0)
libc = platform.libc_ver()
print(type(libc) is tuple, len(libc), [type(part) is str for part in libc])
print(sorted(name for name in dir(platform) if not name.startswith("_")))
