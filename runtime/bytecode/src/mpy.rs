//! A compiled module as held in a `.mpy` v6 file, with its reader and writer.
//!
//! File layout: `4d 06 <feature byte> <small-int bits>`, the qstr-table and
//! object-table lengths (vuints), the qstr table, the object table, then the
//! module's raw code with its children, depth first. A qstr entry is either a
//! static qstr, `vuint((id << 1) | 1)`, or `vuint(len << 1)`, the UTF-8 bytes
//! and a NUL. An object entry is a tag byte and a payload (see [`Constant`]).
//! A raw code is `vuint((len << 3) | (has_children << 2) | kind)`, `len` bytes
//! of `fun_data`, and, when it has children, their count and the children.
//!
//! rime runs bytecode only, so the reader rejects files with native code (a
//! non-zero architecture, arch flags, native raw codes or the `mp_fun_table`
//! object). It never panics: any input gives a module or an [`MpyError`]
//! with the byte offset at fault. The writer reproduces mpy-cross's bytes:
//! reading a file from mpy-cross and writing it back gives the same file.

use crate::constant::{format_complex, format_float, is_decimal_int, parse_complex, parse_float, Constant};
use crate::prelude::Prelude;
use crate::qstr::{static_qstr, static_qstr_id};
use crate::varint;
use crate::DecodeError;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// The `.mpy` magic byte, `'M'`.
pub const MPY_MAGIC: u8 = b'M';
/// The `.mpy` format version rime reads and writes.
pub const MPY_VERSION: u8 = 6;
/// The small-int width mpy-cross assumes by default (and rp2 uses).
pub const DEFAULT_SMALL_INT_BITS: u8 = 31;

/// Deepest nesting of raw codes and of constant tuples the reader accepts,
/// so that hostile input cannot exhaust the stack.
const MAX_NESTING: usize = 200;

const NATIVE_ARCH_NAMES: [&str; 13] = [
    "none",
    "x86",
    "x64",
    "armv6",
    "armv6m",
    "armv7m",
    "armv7em",
    "armv7emsp",
    "armv7emdp",
    "xtensa",
    "xtensawin",
    "rv32imc",
    "rv64imc",
];

/// The kind of a raw code. rime only handles bytecode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CodeKind {
    /// MicroPython bytecode (kind 0 in the file).
    Bytecode,
}

/// One function (or the module body) and the functions defined inside it.
#[derive(Clone, Debug, PartialEq)]
pub struct RawCode {
    /// The kind of code in `fun_data`.
    pub kind: CodeKind,
    /// Prelude and bytecode, as stored in the file.
    pub fun_data: Vec<u8>,
    /// Nested functions, classes and comprehensions, indexed by `MAKE_FUNCTION*`/`MAKE_CLOSURE*`.
    pub children: Vec<RawCode>,
}

impl RawCode {
    /// Decodes the prelude at the start of `fun_data`.
    pub fn prelude(&self) -> Result<Prelude, DecodeError> {
        Prelude::decode(&self.fun_data)
    }
}

/// A compiled module: the contents of one `.mpy` file.
#[derive(Clone, Debug, PartialEq)]
pub struct MpyModule {
    /// The small-int width the code was compiled for (header byte 3).
    pub small_int_bits: u8,
    /// The qstr table. Entry 0 is the source name (`-s NAME`), usually followed by `<module>`.
    pub qstrs: Vec<String>,
    /// The object table, indexed by `LOAD_CONST_OBJ`.
    pub objects: Vec<Constant>,
    /// The module's top-level code.
    pub root: RawCode,
}

/// Why a `.mpy` file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MpyError {
    /// The file ends in the middle of `what`.
    Truncated {
        /// Offset of the item that is cut short.
        offset: usize,
        /// The item, e.g. "qstr table entry".
        what: &'static str,
    },
    /// The bytes at `offset` are not valid (or not supported by rime).
    Invalid {
        /// Offset of the offending item.
        offset: usize,
        /// What is wrong, in a sentence fragment.
        message: String,
    },
}

impl MpyError {
    /// The byte offset the error refers to.
    pub fn offset(&self) -> usize {
        match self {
            MpyError::Truncated { offset, .. } | MpyError::Invalid { offset, .. } => *offset,
        }
    }

    fn invalid(offset: usize, message: impl Into<String>) -> Self {
        MpyError::Invalid { offset, message: message.into() }
    }
}

impl core::fmt::Display for MpyError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            MpyError::Truncated { offset, what } => write!(f, "byte {offset}: file ends inside {what}"),
            MpyError::Invalid { offset, message } => write!(f, "byte {offset}: {message}"),
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self, what: &'static str) -> Result<u8, MpyError> {
        let byte = *self.bytes.get(self.offset).ok_or(MpyError::Truncated { offset: self.offset, what })?;
        self.offset += 1;
        Ok(byte)
    }

    fn uint(&mut self, what: &'static str) -> Result<u32, MpyError> {
        let start = self.offset;
        let (value, len) = varint::decode_uint(self.bytes, start).map_err(|error| match error.kind {
            crate::DecodeErrorKind::Truncated => MpyError::Truncated { offset: start, what },
            _ => MpyError::invalid(start, format!("{what}: number too large")),
        })?;
        self.offset += len;
        Ok(value)
    }

    fn slice(&mut self, len: u32, what: &'static str) -> Result<&'a [u8], MpyError> {
        let start = self.offset;
        let end = start.checked_add(len as usize).filter(|&end| end <= self.bytes.len());
        let end = end.ok_or(MpyError::Truncated { offset: start, what })?;
        self.offset = end;
        Ok(&self.bytes[start..end])
    }

    fn text(&mut self, len: u32, what: &'static str) -> Result<&'a str, MpyError> {
        let start = self.offset;
        let bytes = self.slice(len, what)?;
        core::str::from_utf8(bytes).map_err(|_| MpyError::invalid(start, format!("{what} is not valid UTF-8")))
    }

    fn nul(&mut self, what: &'static str) -> Result<(), MpyError> {
        let at = self.offset;
        match self.byte(what)? {
            0 => Ok(()),
            other => Err(MpyError::invalid(at, format!("{what} ends with 0x{other:02x} instead of a NUL byte"))),
        }
    }

    fn header(&mut self) -> Result<u8, MpyError> {
        let magic = self.byte("the header")?;
        if magic != MPY_MAGIC {
            return Err(MpyError::invalid(
                0,
                format!("not a .mpy file: first byte is 0x{magic:02x}, expected 0x4d ('M')"),
            ));
        }
        let version = self.byte("the header")?;
        if version != MPY_VERSION {
            return Err(MpyError::invalid(
                1,
                format!("unsupported .mpy version {version}: rime reads version 6 (MicroPython 1.23 and later)"),
            ));
        }
        let features = self.byte("the header")?;
        let arch = usize::from((features >> 2) & 0xf);
        if arch != 0 {
            let name = NATIVE_ARCH_NAMES.get(arch).copied().unwrap_or("unknown");
            return Err(MpyError::invalid(
                2,
                format!("file contains native code for architecture {arch} ({name}); rime runs bytecode only, compile without @native/@viper/@asm"),
            ));
        }
        if features != 0 {
            return Err(MpyError::invalid(
                2,
                format!("unexpected feature byte 0x{features:02x} in a bytecode-only file"),
            ));
        }
        self.byte("the header")
    }

    fn qstr(&mut self) -> Result<String, MpyError> {
        let start = self.offset;
        let value = self.uint("a qstr table entry")?;
        if value & 1 == 1 {
            let id = u16::try_from(value >> 1).ok();
            let text = id.and_then(static_qstr);
            let text = text.ok_or_else(|| {
                MpyError::invalid(start, format!("static qstr id {} is out of range 1..=165", value >> 1))
            })?;
            return Ok(text.to_string());
        }
        let text = self.text(value >> 1, "a qstr table entry")?.to_string();
        self.nul("a qstr table entry")?;
        Ok(text)
    }

    fn constant(&mut self, depth: usize) -> Result<Constant, MpyError> {
        let start = self.offset;
        if depth > MAX_NESTING {
            return Err(MpyError::invalid(start, "constant tuples nested too deeply"));
        }
        let tag = self.byte("an object table entry")?;
        let constant = match tag {
            0 => {
                return Err(MpyError::invalid(
                    start,
                    "object table refers to mp_fun_table (native code), which rime does not support",
                ))
            }
            1 => Constant::None,
            2 => Constant::False,
            3 => Constant::True,
            4 => Constant::Ellipsis,
            5 => {
                let len = self.uint("a str constant")?;
                let text = self.text(len, "a str constant")?.to_string();
                self.nul("a str constant")?;
                Constant::Str(text)
            }
            6 => {
                let len = self.uint("a bytes constant")?;
                let bytes = self.slice(len, "a bytes constant")?.to_vec();
                self.nul("a bytes constant")?;
                Constant::Bytes(bytes)
            }
            7 => {
                let len = self.uint("an int constant")?;
                let text = self.text(len, "an int constant")?;
                if !is_decimal_int(text) {
                    return Err(MpyError::invalid(start, format!("int constant {text:?} is not decimal")));
                }
                Constant::Int(text.to_string())
            }
            8 => {
                let len = self.uint("a float constant")?;
                let text = self.text(len, "a float constant")?;
                let value = parse_float(text)
                    .ok_or_else(|| MpyError::invalid(start, format!("float constant {text:?} does not parse")))?;
                Constant::Float(value)
            }
            9 => {
                let len = self.uint("a complex constant")?;
                let text = self.text(len, "a complex constant")?;
                let (real, imag) = parse_complex(text)
                    .ok_or_else(|| MpyError::invalid(start, format!("complex constant {text:?} does not parse")))?;
                Constant::Complex { real, imag }
            }
            10 => {
                let count = self.uint("a tuple constant")?;
                let mut items = Vec::new();
                for _ in 0..count {
                    items.push(self.constant(depth + 1)?);
                }
                Constant::Tuple(items)
            }
            other => return Err(MpyError::invalid(start, format!("unknown object type tag {other}"))),
        };
        Ok(constant)
    }

    fn raw_code(&mut self, depth: usize) -> Result<RawCode, MpyError> {
        let start = self.offset;
        if depth > MAX_NESTING {
            return Err(MpyError::invalid(start, "raw codes nested too deeply"));
        }
        let kind_len = self.uint("a raw code header")?;
        match kind_len & 3 {
            0 => {}
            kind => {
                let name = ["bytecode", "native Python", "viper", "inline assembler"][kind as usize];
                return Err(MpyError::invalid(
                    start,
                    format!("raw code of kind {kind} ({name}) is not supported; rime runs bytecode only"),
                ));
            }
        }
        let has_children = kind_len & 4 != 0;
        let fun_data = self.slice(kind_len >> 3, "a raw code's fun_data")?.to_vec();
        let mut children = Vec::new();
        if has_children {
            let count_at = self.offset;
            let count = self.uint("a raw code's child count")?;
            if count == 0 {
                return Err(MpyError::invalid(count_at, "raw code is flagged as having children but has none"));
            }
            for _ in 0..count {
                children.push(self.raw_code(depth + 1)?);
            }
        }
        Ok(RawCode { kind: CodeKind::Bytecode, fun_data, children })
    }
}

impl MpyModule {
    /// Reads a `.mpy` v6 file containing bytecode only.
    pub fn read(bytes: &[u8]) -> Result<MpyModule, MpyError> {
        let mut reader = Reader { bytes, offset: 0 };
        let small_int_bits = reader.header()?;
        let qstr_count = reader.uint("the qstr table length")?;
        let object_count = reader.uint("the object table length")?;
        let mut qstrs = Vec::new();
        for _ in 0..qstr_count {
            qstrs.push(reader.qstr()?);
        }
        let mut objects = Vec::new();
        for _ in 0..object_count {
            objects.push(reader.constant(0)?);
        }
        let root = reader.raw_code(0)?;
        if reader.offset != bytes.len() {
            return Err(MpyError::invalid(
                reader.offset,
                format!("{} unexpected bytes after the last raw code", bytes.len() - reader.offset),
            ));
        }
        Ok(MpyModule { small_int_bits, qstrs, objects, root })
    }

    /// The source name stored as qstr 0 (`-s NAME`), or `""` if the table is empty.
    pub fn source_name(&self) -> &str {
        self.qstrs.first().map(String::as_str).unwrap_or("")
    }

    /// Writes the module as a `.mpy` v6 file, exactly as mpy-cross would.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Sizing the buffer up front saves the reallocations of a growing one.
        let strings: usize = self.qstrs.iter().map(|text| text.len() + 3).sum();
        let mut out = Vec::with_capacity(16 + strings + 16 * self.objects.len() + raw_code_size(&self.root, 0));
        out.extend_from_slice(&[MPY_MAGIC, MPY_VERSION, 0, self.small_int_bits]);
        write_uint(&mut out, self.qstrs.len());
        write_uint(&mut out, self.objects.len());
        for text in &self.qstrs {
            match static_qstr_id(text) {
                Some(id) => write_uint(&mut out, (usize::from(id) << 1) | 1),
                None => {
                    write_uint(&mut out, text.len() << 1);
                    out.extend_from_slice(text.as_bytes());
                    out.push(0);
                }
            }
        }
        for constant in &self.objects {
            write_constant(&mut out, constant);
        }
        write_raw_code(&mut out, &self.root);
        out
    }
}

fn write_uint(out: &mut Vec<u8>, value: usize) {
    // Sizes beyond u32 cannot occur in a module rime can run; saturate rather than panic.
    varint::encode_uint(u32::try_from(value).unwrap_or(u32::MAX), &mut |byte| out.push(byte));
}

fn write_text(out: &mut Vec<u8>, tag: u8, text: &str) {
    out.push(tag);
    write_uint(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

fn write_constant(out: &mut Vec<u8>, constant: &Constant) {
    match constant {
        Constant::None => out.push(1),
        Constant::False => out.push(2),
        Constant::True => out.push(3),
        Constant::Ellipsis => out.push(4),
        Constant::Str(text) => {
            write_text(out, 5, text);
            out.push(0);
        }
        Constant::Bytes(bytes) => {
            out.push(6);
            write_uint(out, bytes.len());
            out.extend_from_slice(bytes);
            out.push(0);
        }
        Constant::Int(digits) => write_text(out, 7, digits),
        Constant::Float(value) => write_text(out, 8, &format_float(*value)),
        Constant::Complex { real, imag } => write_text(out, 9, &format_complex(*real, *imag)),
        Constant::Tuple(items) => {
            out.push(10);
            write_uint(out, items.len());
            for item in items {
                write_constant(out, item);
            }
        }
    }
}

/// About the number of bytes [`write_raw_code`] writes for `code`.
fn raw_code_size(code: &RawCode, depth: usize) -> usize {
    let children: usize =
        if depth > 64 { 0 } else { code.children.iter().map(|child| raw_code_size(child, depth + 1)).sum() };
    code.fun_data.len() + 6 + children
}

fn write_raw_code(out: &mut Vec<u8>, code: &RawCode) {
    let has_children = usize::from(!code.children.is_empty());
    write_uint(out, (code.fun_data.len() << 3) | (has_children << 2));
    out.extend_from_slice(&code.fun_data);
    if !code.children.is_empty() {
        write_uint(out, code.children.len());
        for child in &code.children {
            write_raw_code(out, child);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    /// `t1.py` from the spec: `x = 1` / `print("hello", x + 200)`.
    const T1: [u8; 50] = [
        0x4d, 0x06, 0x00, 0x1f, 0x05, 0x00, 0x0a, 0x74, 0x31, 0x2e, 0x70, 0x79, 0x00, 0x0f, 0x0a, 0x68, 0x65, 0x6c,
        0x6c, 0x6f, 0x00, 0x02, 0x78, 0x00, 0x81, 0x77, 0x81, 0x30, 0x18, 0x04, 0x01, 0x23, 0x81, 0x16, 0x03, 0x11,
        0x04, 0x10, 0x02, 0x11, 0x03, 0x22, 0x81, 0x48, 0xf2, 0x34, 0x02, 0x59, 0x51, 0x63,
    ];

    #[test]
    fn reads_and_writes_the_spec_example() {
        let module = MpyModule::read(&T1).unwrap();
        assert_eq!(module.qstrs, ["t1.py", "<module>", "hello", "x", "print"]);
        assert_eq!(module.source_name(), "t1.py");
        assert_eq!(module.small_int_bits, 31);
        assert!(module.objects.is_empty());
        assert_eq!(module.root.fun_data.len(), 22);
        assert_eq!(module.root.prelude().unwrap().simple_name, 1);
        assert_eq!(module.to_bytes(), T1);
    }

    #[test]
    fn rejects_other_formats_clearly() {
        let mut bad = T1;
        bad[0] = b'C';
        assert!(matches!(MpyModule::read(&bad), Err(MpyError::Invalid { offset: 0, .. })));
        let mut v5 = T1;
        v5[1] = 5;
        let message = MpyModule::read(&v5).unwrap_err().to_string();
        assert!(message.contains("version 5"), "{message}");
        let mut native = T1;
        native[2] = 0x13;
        let message = MpyModule::read(&native).unwrap_err().to_string();
        assert!(message.contains("armv6m"), "{message}");
        let mut trailing = T1.to_vec();
        trailing.push(0);
        assert_eq!(MpyModule::read(&trailing).unwrap_err().offset(), 50);
        assert!(matches!(MpyModule::read(&T1[..49]), Err(MpyError::Truncated { .. })));
        assert!(MpyModule::read(&[]).is_err());
    }

    #[test]
    fn writes_every_constant_kind() {
        let module = MpyModule {
            small_int_bits: 31,
            qstrs: vec![String::from("c.py"), String::from("<module>")],
            objects: vec![
                Constant::Int(String::from("-123456789012345678901234567890")),
                Constant::Float(1.5),
                Constant::Complex { real: 0.0, imag: 2.0 },
                Constant::Tuple(vec![
                    Constant::Int(String::from("1")),
                    Constant::Str(String::from("a")),
                    Constant::Bytes(vec![b'x', b'y']),
                    Constant::None,
                    Constant::Ellipsis,
                ]),
                Constant::Tuple(vec![Constant::True, Constant::False, Constant::Tuple(vec![])]),
            ],
            root: RawCode { kind: CodeKind::Bytecode, fun_data: vec![0x00, 0x02, 0x01, 0x51, 0x63], children: vec![] },
        };
        let bytes = module.to_bytes();
        assert_eq!(&bytes[..12], &[0x4d, 0x06, 0x00, 0x1f, 0x02, 0x05, 0x08, b'c', b'.', b'p', b'y', 0x00]);
        assert_eq!(bytes[12], 0x0f);
        let back = MpyModule::read(&bytes).unwrap();
        assert_eq!(back, module);
    }

    #[test]
    fn hostile_nesting_is_an_error() {
        let mut bytes = vec![0x4d, 0x06, 0x00, 0x1f, 0x00, 0x01];
        for _ in 0..100_000 {
            bytes.extend_from_slice(&[10, 1]);
        }
        assert!(MpyModule::read(&bytes).is_err());
        let mut bytes = vec![0x4d, 0x06, 0x00, 0x1f, 0x00, 0x00];
        for _ in 0..100_000 {
            bytes.extend_from_slice(&[0x04, 0x01]);
        }
        assert!(MpyModule::read(&bytes).is_err());
    }
}
