import errno

print(errno.ENOENT, errno.EIO, errno.EINVAL, errno.EAGAIN, errno.ETIMEDOUT, errno.EEXIST)
print(errno.errorcode[errno.ENOENT], errno.errorcode[22], errno.errorcode[errno.ECONNRESET])
names = ["EPERM", "ENOENT", "EIO", "EBADF", "EAGAIN", "ENOMEM", "EACCES", "EEXIST", "ENODEV", "EISDIR", "EINVAL",
         "EOPNOTSUPP", "EADDRINUSE", "ECONNABORTED", "ECONNRESET", "ENOBUFS", "ENOTCONN", "ETIMEDOUT",
         "ECONNREFUSED", "EHOSTUNREACH", "EALREADY", "EINPROGRESS"]
for name in names:
    number = getattr(errno, name)
    print(name, number, errno.errorcode[number] == name)
try:
    raise OSError(errno.ENOENT)
except OSError as error:
    print(error.args[0] == errno.ENOENT)
