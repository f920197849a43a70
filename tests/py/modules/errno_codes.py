import errno
print(errno.ENOENT, errno.EIO, errno.EAGAIN, errno.EINVAL, errno.ENOMEM, errno.EEXIST)
print(errno.EACCES, errno.EBADF, errno.ETIMEDOUT, errno.ENODEV)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EINVAL])
try:
    raise OSError(errno.ENOENT)
except OSError as error:
    print(error.args[0] == errno.ENOENT)
