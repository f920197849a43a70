# OSError prints a known error number as MicroPython does: [Errno N] NAME.
print(OSError(2))
print(repr(OSError(2)))
print(OSError(2, 'x'))
print(OSError(9999))
print(OSError('msg'))
try:
    raise OSError(17)
except OSError as e:
    print(e.args, e.errno)
import errno
print(errno.errorcode[errno.ENOENT])
class MyError(OSError):
    pass
print(MyError(2))
print(OSError(2, 'x', 'y'))
print(OSError(-1))
print(OSError(True))
