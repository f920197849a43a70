//! The runtime's own static qstrs: every builtin, method, attribute and module
//! name the VM needs that is not in MicroPython's static list.
//!
//! Their ids follow MicroPython's static qstrs: `RUNTIME_QSTRS[i]` has id
//! `LAST_STATIC_QSTR + 1 + i`. The list is part of the VM's ABI: the freezer
//! deduplicates an image's strings against it (a string has one qstr id in the
//! whole system), and the ABI id is a hash over it. It is sorted by bytes, so
//! [`runtime_qstr_id`] is a binary search. Changing it changes the ABI id:
//! every image must be frozen again.

use crate::qstr::{static_qstr_id, LAST_STATIC_QSTR};

/// The first id of the runtime's static qstrs.
pub const FIRST_RUNTIME_QSTR: u16 = LAST_STATIC_QSTR + 1;

/// The runtime's static qstrs, sorted by their bytes, without any string of
/// MicroPython's static list.
pub const RUNTIME_QSTRS: &[&str] = &[
    "<dictcomp>",
    "<genexpr>",
    "<lambda>",
    "<listcomp>",
    "<setcomp>",
    "<stdin>",
    "<string>",
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesIO",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "DeprecationWarning",
    "EACCES",
    "EADDRINUSE",
    "EAGAIN",
    "EALREADY",
    "EBADF",
    "ECONNABORTED",
    "ECONNREFUSED",
    "ECONNRESET",
    "EEXIST",
    "EHOSTUNREACH",
    "EINPROGRESS",
    "EINVAL",
    "EIO",
    "EISDIR",
    "ENOBUFS",
    "ENODEV",
    "ENOENT",
    "ENOMEM",
    "ENOTCONN",
    "EOPNOTSUPP",
    "EPERM",
    "ETIMEDOUT",
    "FileExistsError",
    "FileNotFoundError",
    "IN",
    "IOError",
    "InterruptedError",
    "IsADirectoryError",
    "ModuleNotFoundError",
    "NotADirectoryError",
    "NotImplemented",
    "NotImplementedType",
    "OUT",
    "OrderedDict",
    "PULL_DOWN",
    "PULL_UP",
    "PermissionError",
    "Pin",
    "ProcessLookupError",
    "RecursionError",
    "ReferenceError",
    "StopAsyncIteration",
    "StringIO",
    "TimeoutError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UserWarning",
    "ViperTypeError",
    "Warning",
    "__abs__",
    "__add__",
    "__aenter__",
    "__aexit__",
    "__aiter__",
    "__all__",
    "__and__",
    "__anext__",
    "__await__",
    "__bases__",
    "__bool__",
    "__build_class__",
    "__cause__",
    "__class_getitem__",
    "__complex__",
    "__contains__",
    "__context__",
    "__del__",
    "__delattr__",
    "__delete__",
    "__dict__",
    "__divmod__",
    "__doc__",
    "__eq__",
    "__file__",
    "__float__",
    "__floordiv__",
    "__format__",
    "__ge__",
    "__get__",
    "__getattribute__",
    "__gt__",
    "__iadd__",
    "__iand__",
    "__ifloordiv__",
    "__ilshift__",
    "__imatmul__",
    "__imod__",
    "__import__",
    "__imul__",
    "__index__",
    "__init_subclass__",
    "__invert__",
    "__ior__",
    "__ipow__",
    "__irshift__",
    "__isub__",
    "__itruediv__",
    "__ixor__",
    "__le__",
    "__lshift__",
    "__lt__",
    "__matmul__",
    "__missing__",
    "__mod__",
    "__mro__",
    "__mul__",
    "__ne__",
    "__neg__",
    "__or__",
    "__path__",
    "__pos__",
    "__pow__",
    "__radd__",
    "__rand__",
    "__reversed__",
    "__rfloordiv__",
    "__rlshift__",
    "__rmatmul__",
    "__rmod__",
    "__rmul__",
    "__ror__",
    "__round__",
    "__rpow__",
    "__rrshift__",
    "__rshift__",
    "__rsub__",
    "__rtruediv__",
    "__rxor__",
    "__set__",
    "__set_name__",
    "__setattr__",
    "__sizeof__",
    "__slots__",
    "__sub__",
    "__traceback__",
    "__truediv__",
    "__version__",
    "__xor__",
    "_mpy",
    "a2b_base64",
    "abc",
    "acos",
    "acosh",
    "add",
    "add_note",
    "addressof",
    "alloc_emergency_exception_buf",
    "appendleft",
    "argv",
    "array",
    "asin",
    "asinh",
    "asyncio",
    "atan",
    "atan2",
    "atanh",
    "b2a_base64",
    "base",
    "big",
    "bin",
    "binascii",
    "bit_length",
    "bound_method",
    "builtin_function_or_method",
    "byteorder",
    "bytes_at",
    "bytes_iterator",
    "calcsize",
    "capitalize",
    "casefold",
    "ceil",
    "cell",
    "center",
    "chdir",
    "choice",
    "closure",
    "collect",
    "collections",
    "compile",
    "complex",
    "conjugate",
    "copysign",
    "coroutine",
    "cos",
    "cosh",
    "crc32",
    "decode",
    "default",
    "defaultdict",
    "degrees",
    "delattr",
    "deleter",
    "deque",
    "dict_itemiterator",
    "dict_items",
    "dict_keyiterator",
    "dict_keys",
    "dict_valueiterator",
    "dict_values",
    "difference",
    "difference_update",
    "disable",
    "discard",
    "dump",
    "dumps",
    "e",
    "ellipsis",
    "emergency_exception_buf",
    "enable",
    "encode",
    "enumerate",
    "erf",
    "erfc",
    "errno",
    "errorcode",
    "exit",
    "exp",
    "expandtabs",
    "expm1",
    "fabs",
    "factorial",
    "fget",
    "file",
    "filter",
    "float",
    "floor",
    "flush",
    "fmod",
    "format_map",
    "freq",
    "frexp",
    "fromhex",
    "fromkeys",
    "frozenset",
    "function",
    "gamma",
    "gc",
    "generator",
    "getcwd",
    "getrandbits",
    "getter",
    "getvalue",
    "gmtime",
    "group",
    "groups",
    "heap_lock",
    "heap_locked",
    "heap_unlock",
    "hex",
    "hex_upper",
    "hexlify",
    "host",
    "ilistdir",
    "imag",
    "implementation",
    "inf",
    "init",
    "input",
    "intersection",
    "intersection_update",
    "io",
    "is_integer",
    "isalnum",
    "isclose",
    "isdecimal",
    "isdisjoint",
    "isenabled",
    "isfinite",
    "isidentifier",
    "isinf",
    "isnan",
    "isnumeric",
    "isprintable",
    "issubset",
    "issuperset",
    "istitle",
    "iterator",
    "json",
    "kbd_intr",
    "keyword",
    "kwargs",
    "ldexp",
    "lgamma",
    "list_iterator",
    "listdir",
    "ljust",
    "load",
    "loads",
    "localtime",
    "log",
    "log10",
    "log2",
    "machine",
    "match",
    "math",
    "max",
    "maximum recursion depth exceeded",
    "maxsize",
    "maxsplit",
    "mem_alloc",
    "mem_free",
    "mem_info",
    "memoryview",
    "method",
    "micropython.const",
    "min",
    "mkdir",
    "mktime",
    "mode",
    "modf",
    "module",
    "module_name",
    "modules",
    "mpy",
    "name",
    "namedtuple",
    "nan",
    "oct",
    "off",
    "on",
    "opt_level",
    "os",
    "pack",
    "pack_into",
    "partition",
    "path",
    "pi",
    "platform",
    "popleft",
    "print_exception",
    "property",
    "pull",
    "qstr_info",
    "radians",
    "randint",
    "random",
    "randrange",
    "range_iterator",
    "re",
    "real",
    "removeprefix",
    "removesuffix",
    "rename",
    "reset",
    "reversed",
    "rime",
    "rjust",
    "rmdir",
    "rpartition",
    "schedule",
    "search",
    "seed",
    "seek",
    "set_iterator",
    "setter",
    "sin",
    "sinh",
    "sizeof",
    "sleep",
    "sleep_ms",
    "sleep_us",
    "slice",
    "span",
    "splitlines",
    "sqrt",
    "stack_use",
    "stat",
    "stderr",
    "stdin",
    "stdout",
    "str_iterator",
    "strict",
    "struct",
    "sub",
    "swapcase",
    "symmetric_difference",
    "symmetric_difference_update",
    "sync",
    "sys",
    "tan",
    "tanh",
    "tau",
    "tb_lineno",
    "tell",
    "threshold",
    "ticks_add",
    "ticks_cpu",
    "ticks_diff",
    "ticks_ms",
    "ticks_us",
    "time",
    "time_ns",
    "title",
    "toggle",
    "translate",
    "trunc",
    "tuple_iterator",
    "uctypes",
    "uname",
    "unhexlify",
    "uniform",
    "union",
    "unique_id",
    "unlink",
    "unpack",
    "unpack_from",
    "urandom",
    "vars",
    "version",
    "version_info",
    "with_traceback",
    "zfill",
];

/// One past the last static qstr id (MicroPython's and the runtime's): the
/// first id a frozen image's pool can use.
pub const END_STATIC_QSTRS: u16 = FIRST_RUNTIME_QSTR + RUNTIME_QSTRS.len() as u16;

/// The id of `text` among the runtime's static qstrs (not MicroPython's).
pub fn runtime_qstr_id(text: &str) -> Option<u16> {
    let index = RUNTIME_QSTRS.binary_search_by(|candidate| candidate.as_bytes().cmp(text.as_bytes())).ok()?;
    u16::try_from(index).ok().map(|index| FIRST_RUNTIME_QSTR + index)
}

/// The id of `text` among all static qstrs (MicroPython's, then the runtime's).
pub fn any_static_qstr_id(text: &str) -> Option<u16> {
    static_qstr_id(text).or_else(|| runtime_qstr_id(text))
}

/// The string of a static qstr id (MicroPython's or the runtime's).
pub fn any_static_qstr(id: u16) -> Option<&'static str> {
    if id <= LAST_STATIC_QSTR {
        return crate::qstr::static_qstr(id);
    }
    RUNTIME_QSTRS.get(usize::from(id - FIRST_RUNTIME_QSTR)).copied()
}

const fn same_bytes(left: &str, right: &str) -> bool {
    let (left, right) = (left.as_bytes(), right.as_bytes());
    if left.len() != right.len() {
        return false;
    }
    let mut index = 0;
    while index < left.len() {
        if left[index] != right[index] {
            return false;
        }
        index += 1;
    }
    true
}

/// The static qstr id of `text`, evaluated at compile time by the VM
/// (`const APPEND: u16 = qstr_id("append");`). Compilation fails when the
/// string is in neither list, so a missing qstr is caught at build time.
pub const fn qstr_id(text: &str) -> u16 {
    let mut index = 0;
    while index < crate::qstr::STATIC_QSTRS.len() {
        if same_bytes(crate::qstr::STATIC_QSTRS[index], text) {
            return index as u16 + 1;
        }
        index += 1;
    }
    let mut index = 0;
    while index < RUNTIME_QSTRS.len() {
        if same_bytes(RUNTIME_QSTRS[index], text) {
            return FIRST_RUNTIME_QSTR + index as u16;
        }
        index += 1;
    }
    panic!("not a static qstr: add it to RUNTIME_QSTRS")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_disjoint_from_micropython_static_list() {
        for pair in RUNTIME_QSTRS.windows(2) {
            assert!(pair[0].as_bytes() < pair[1].as_bytes(), "{:?} before {:?}", pair[0], pair[1]);
        }
        for text in RUNTIME_QSTRS {
            assert_eq!(static_qstr_id(text), None, "{text:?} is already static");
            assert!(text.len() < 256);
        }
    }

    #[test]
    fn ids_round_trip() {
        for (index, text) in RUNTIME_QSTRS.iter().enumerate() {
            let id = FIRST_RUNTIME_QSTR + index as u16;
            assert_eq!(runtime_qstr_id(text), Some(id));
            assert_eq!(any_static_qstr(id), Some(*text));
            assert_eq!(qstr_id(text), id);
        }
        assert_eq!(qstr_id("print"), 123);
        assert_eq!(any_static_qstr_id("append"), Some(60));
        assert_eq!(runtime_qstr_id("no such qstr"), None);
    }
}
