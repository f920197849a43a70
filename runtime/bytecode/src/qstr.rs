//! qstrs: MicroPython's interned strings, as far as the format needs them.
//!
//! Two facts are part of the `.mpy` ABI and live here. First, the hash stored
//! next to every qstr (djb2 with xor: start at 5381, then `h = h * 33 ^ byte`
//! for each byte, keep the low 8 or 16 bits, and use 1 when that gives 0).
//! rp2 stores 1-byte hashes. Second, the static qstr list: ids 1..=165 are the
//! same strings in every MicroPython build, and a `.mpy` qstr table refers to
//! them by id (`(id << 1) | 1`) instead of spelling them out. Id 0 is the
//! null qstr and has no string.

/// The id of the last static qstr, `zip`.
pub const LAST_STATIC_QSTR: u16 = 165;

/// The static qstrs: `STATIC_QSTRS[id - 1]` is the string of static qstr `id`.
///
/// Checked against mpy-cross 1.27 by `tests/static_qstrs.rs`.
pub const STATIC_QSTRS: [&str; LAST_STATIC_QSTR as usize] = [
    "",                    // 1
    "__dir__",             // 2
    "\n",                  // 3
    " ",                   // 4
    "*",                   // 5
    "/",                   // 6
    "<module>",            // 7
    "_",                   // 8
    "__call__",            // 9
    "__class__",           // 10
    "__delitem__",         // 11
    "__enter__",           // 12
    "__exit__",            // 13
    "__getattr__",         // 14
    "__getitem__",         // 15
    "__hash__",            // 16
    "__init__",            // 17
    "__int__",             // 18
    "__iter__",            // 19
    "__len__",             // 20
    "__main__",            // 21
    "__module__",          // 22
    "__name__",            // 23
    "__new__",             // 24
    "__next__",            // 25
    "__qualname__",        // 26
    "__repr__",            // 27
    "__setitem__",         // 28
    "__str__",             // 29
    "ArithmeticError",     // 30
    "AssertionError",      // 31
    "AttributeError",      // 32
    "BaseException",       // 33
    "EOFError",            // 34
    "Ellipsis",            // 35
    "Exception",           // 36
    "GeneratorExit",       // 37
    "ImportError",         // 38
    "IndentationError",    // 39
    "IndexError",          // 40
    "KeyError",            // 41
    "KeyboardInterrupt",   // 42
    "LookupError",         // 43
    "MemoryError",         // 44
    "NameError",           // 45
    "NoneType",            // 46
    "NotImplementedError", // 47
    "OSError",             // 48
    "OverflowError",       // 49
    "RuntimeError",        // 50
    "StopIteration",       // 51
    "SyntaxError",         // 52
    "SystemExit",          // 53
    "TypeError",           // 54
    "ValueError",          // 55
    "ZeroDivisionError",   // 56
    "abs",                 // 57
    "all",                 // 58
    "any",                 // 59
    "append",              // 60
    "args",                // 61
    "bool",                // 62
    "builtins",            // 63
    "bytearray",           // 64
    "bytecode",            // 65
    "bytes",               // 66
    "callable",            // 67
    "chr",                 // 68
    "classmethod",         // 69
    "clear",               // 70
    "close",               // 71
    "const",               // 72
    "copy",                // 73
    "count",               // 74
    "dict",                // 75
    "dir",                 // 76
    "divmod",              // 77
    "end",                 // 78
    "endswith",            // 79
    "eval",                // 80
    "exec",                // 81
    "extend",              // 82
    "find",                // 83
    "format",              // 84
    "from_bytes",          // 85
    "get",                 // 86
    "getattr",             // 87
    "globals",             // 88
    "hasattr",             // 89
    "hash",                // 90
    "id",                  // 91
    "index",               // 92
    "insert",              // 93
    "int",                 // 94
    "isalpha",             // 95
    "isdigit",             // 96
    "isinstance",          // 97
    "islower",             // 98
    "isspace",             // 99
    "issubclass",          // 100
    "isupper",             // 101
    "items",               // 102
    "iter",                // 103
    "join",                // 104
    "key",                 // 105
    "keys",                // 106
    "len",                 // 107
    "list",                // 108
    "little",              // 109
    "locals",              // 110
    "lower",               // 111
    "lstrip",              // 112
    "main",                // 113
    "map",                 // 114
    "micropython",         // 115
    "next",                // 116
    "object",              // 117
    "open",                // 118
    "ord",                 // 119
    "pop",                 // 120
    "popitem",             // 121
    "pow",                 // 122
    "print",               // 123
    "range",               // 124
    "read",                // 125
    "readinto",            // 126
    "readline",            // 127
    "remove",              // 128
    "replace",             // 129
    "repr",                // 130
    "reverse",             // 131
    "rfind",               // 132
    "rindex",              // 133
    "round",               // 134
    "rsplit",              // 135
    "rstrip",              // 136
    "self",                // 137
    "send",                // 138
    "sep",                 // 139
    "set",                 // 140
    "setattr",             // 141
    "setdefault",          // 142
    "sort",                // 143
    "sorted",              // 144
    "split",               // 145
    "start",               // 146
    "startswith",          // 147
    "staticmethod",        // 148
    "step",                // 149
    "stop",                // 150
    "str",                 // 151
    "strip",               // 152
    "sum",                 // 153
    "super",               // 154
    "throw",               // 155
    "to_bytes",            // 156
    "tuple",               // 157
    "type",                // 158
    "update",              // 159
    "upper",               // 160
    "utf-8",               // 161
    "value",               // 162
    "values",              // 163
    "write",               // 164
    "zip",                 // 165
];

/// The string of static qstr `id`, or `None` when `id` is 0 or above [`LAST_STATIC_QSTR`].
pub fn static_qstr(id: u16) -> Option<&'static str> {
    let index = usize::from(id).checked_sub(1)?;
    STATIC_QSTRS.get(index).copied()
}

/// The static qstr id of `text`, or `None` when `text` is not a static qstr.
pub fn static_qstr_id(text: &str) -> Option<u16> {
    // Writing a `.mpy` looks up every qstr of the file here, so this is a
    // hash lookup in a table built at compile time rather than a scan.
    let mask = STATIC_QSTR_INDEX.len() - 1;
    let mut slot = static_index_hash(text.as_bytes()) & mask;
    loop {
        match STATIC_QSTR_INDEX[slot] {
            0 => return None,
            id if STATIC_QSTRS[usize::from(id) - 1] == text => return Some(id),
            _ => slot = (slot + 1) & mask,
        }
    }
}

/// The hash used by [`STATIC_QSTR_INDEX`] (FNV-1a; any hash would do).
const fn static_index_hash(bytes: &[u8]) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    let mut index = 0;
    while index < bytes.len() {
        hash = (hash ^ bytes[index] as u32).wrapping_mul(0x0100_0193);
        index += 1;
    }
    hash as usize
}

/// Open-addressing table of static qstr ids by [`static_index_hash`]; 0 is
/// an empty slot. Four times as many slots as entries keeps probes short.
const STATIC_QSTR_INDEX: [u16; 1024] = {
    let mut table = [0u16; 1024];
    let mut index = 0;
    while index < STATIC_QSTRS.len() {
        let mut slot = static_index_hash(STATIC_QSTRS[index].as_bytes()) & (table.len() - 1);
        while table[slot] != 0 {
            slot = (slot + 1) & (table.len() - 1);
        }
        table[slot] = index as u16 + 1;
        index += 1;
    }
    table
};

fn djb2_xor(data: &[u8]) -> u32 {
    data.iter().fold(5381u32, |hash, &byte| hash.wrapping_mul(33) ^ u32::from(byte))
}

/// The 1-byte qstr hash (`MICROPY_QSTR_BYTES_IN_HASH = 1`, as on rp2). Never 0.
pub fn qstr_hash8(data: &[u8]) -> u8 {
    match (djb2_xor(data) & 0xff) as u8 {
        0 => 1,
        hash => hash,
    }
}

/// The 2-byte qstr hash (`MICROPY_QSTR_BYTES_IN_HASH = 2`). Never 0.
pub fn qstr_hash16(data: &[u8]) -> u16 {
    match (djb2_xor(data) & 0xffff) as u16 {
        0 => 1,
        hash => hash,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_vectors_from_the_spec() {
        let vectors: &[(&str, u8, u16)] = &[
            ("", 5, 5381),
            ("x", 221, 46557),
            ("hello", 231, 60903),
            ("print", 84, 50772),
            ("<module>", 189, 38077),
            ("__init__", 95, 42335),
        ];
        for &(text, one_byte, two_bytes) in vectors {
            assert_eq!(qstr_hash8(text.as_bytes()), one_byte, "{text:?}");
            assert_eq!(qstr_hash16(text.as_bytes()), two_bytes, "{text:?}");
        }
    }

    #[test]
    fn static_list_landmarks() {
        assert_eq!(static_qstr(0), None);
        assert_eq!(static_qstr(1), Some(""));
        assert_eq!(static_qstr(2), Some("__dir__"));
        assert_eq!(static_qstr(3), Some("\n"));
        assert_eq!(static_qstr(7), Some("<module>"));
        assert_eq!(static_qstr(55), Some("ValueError"));
        assert_eq!(static_qstr(72), Some("const"));
        assert_eq!(static_qstr(115), Some("micropython"));
        assert_eq!(static_qstr(123), Some("print"));
        assert_eq!(static_qstr(165), Some("zip"));
        assert_eq!(static_qstr(166), None);
        assert_eq!(static_qstr_id("print"), Some(123));
        assert_eq!(static_qstr_id("zip"), Some(165));
        assert_eq!(static_qstr_id(""), Some(1));
        assert_eq!(static_qstr_id("not_static"), None);
    }

    #[test]
    fn static_list_has_no_duplicates() {
        for (index, text) in STATIC_QSTRS.iter().enumerate() {
            assert_eq!(static_qstr_id(text), Some(index as u16 + 1), "{text:?}");
        }
    }
}
