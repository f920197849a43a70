//! MicroPython's error numbers and their names: the `errno` module's
//! constants and `errorcode`, and the `[Errno 2] ENOENT` text an `OSError`
//! prints (the exception printer lives in `obj/`, which names no native
//! module, so the table lives here and the module reads it).

/// MicroPython's error numbers, in its order.
pub const ERRNO: &[(&str, i32)] = &[
    ("EPERM", 1),
    ("ENOENT", 2),
    ("EIO", 5),
    ("EBADF", 9),
    ("EAGAIN", 11),
    ("ENOMEM", 12),
    ("EACCES", 13),
    ("EEXIST", 17),
    ("ENODEV", 19),
    ("EISDIR", 21),
    ("EINVAL", 22),
    ("EOPNOTSUPP", 95),
    ("EADDRINUSE", 98),
    ("ECONNABORTED", 103),
    ("ECONNRESET", 104),
    ("ENOBUFS", 105),
    ("ENOTCONN", 107),
    ("ETIMEDOUT", 110),
    ("ECONNREFUSED", 111),
    ("EHOSTUNREACH", 113),
    ("EALREADY", 114),
    ("EINPROGRESS", 115),
];

/// The name of error number `number`, if MicroPython has one.
pub fn errno_name(number: i32) -> Option<&'static str> {
    ERRNO.iter().find(|(_, each)| *each == number).map(|(name, _)| *name)
}
