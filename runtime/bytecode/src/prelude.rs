//! The prelude at the start of every bytecode function's `fun_data`.
//!
//! Layout: the [`Signature`] (six numbers bit-interleaved, see below), the
//! [`PreludeSize`] (`n_info` and `n_cell` interleaved), then `n_info` bytes of
//! source info (the simple name's qstr index, one qstr index per positional
//! and keyword-only argument, then the line-number table), then `n_cell`
//! bytes naming the locals to turn into cells, then the opcodes.
//!
//! The signature's first byte is `xSSSSEAA` (4 bits of `n_state - 1`, 1 bit
//! of `n_exc_stack`, 2 bits of `n_pos_args`); each further byte is `xFSSKAED`
//! with the next bit of the scope flags, 2 more bits of `n_state - 1`, and one
//! more bit each of `n_kwonly_args`, `n_pos_args`, `n_exc_stack` and
//! `n_def_pos_args`. Bytes follow while any value has bits left; `x` marks a
//! continuation. The size is `xIIIIIIC` bytes: 6 bits of `n_info` and 1 bit of
//! `n_cell` each, low bits first.
//!
//! The line-number table is a list of (bytecode increment, line increment)
//! pairs, starting from offset 0 and line 1. The short form `0LLBBBBB` holds
//! up to 31 bytes and 3 lines; the long form `1LLLBBBB LLLLLLLL` holds up to 15
//! bytes and 2047 lines (the top 3 line bits in the first byte).

use crate::varint;
use crate::{DecodeError, DecodeErrorKind};
use core::ops::Range;

/// Scope flag: the function is a generator.
pub const SCOPE_FLAG_GENERATOR: u8 = 0x01;
/// Scope flag: the function takes `**kwargs`.
pub const SCOPE_FLAG_VARKEYWORDS: u8 = 0x02;
/// Scope flag: the function takes `*args`.
pub const SCOPE_FLAG_VARARGS: u8 = 0x04;
/// Scope flag: the function has defaults for keyword-only arguments.
pub const SCOPE_FLAG_DEFKWARGS: u8 = 0x08;

/// The function signature encoded at the start of the prelude.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Signature {
    /// Size of the frame's value array: locals plus maximum stack depth (at least 1).
    pub n_state: u32,
    /// Maximum depth of the exception-handler stack.
    pub n_exc_stack: u32,
    /// `SCOPE_FLAG_*` bits.
    pub scope_flags: u8,
    /// Number of positional arguments (closed-over cells passed in count too).
    pub n_pos_args: u32,
    /// Number of keyword-only arguments.
    pub n_kwonly_args: u32,
    /// Number of positional arguments with defaults.
    pub n_def_pos_args: u32,
}

impl Signature {
    /// Pushes the encoded signature. An `n_state` of 0 is written as 1.
    /// Returns the number of bytes pushed.
    pub fn encode(&self, push: &mut impl FnMut(u8)) -> usize {
        let mut state = self.n_state.saturating_sub(1);
        let mut exc = self.n_exc_stack;
        let mut flags = u32::from(self.scope_flags);
        let mut pos = self.n_pos_args;
        let mut kwonly = self.n_kwonly_args;
        let mut defaults = self.n_def_pos_args;
        let mut byte = ((state & 0xf) << 3 | (exc & 1) << 2 | (pos & 3)) as u8;
        state >>= 4;
        exc >>= 1;
        pos >>= 2;
        let mut len = 1;
        while state | exc | flags | pos | kwonly | defaults != 0 {
            push(0x80 | byte);
            len += 1;
            byte = ((flags & 1) << 6
                | (state & 3) << 4
                | (kwonly & 1) << 3
                | (pos & 1) << 2
                | (exc & 1) << 1
                | (defaults & 1)) as u8;
            state >>= 2;
            exc >>= 1;
            flags >>= 1;
            pos >>= 1;
            kwonly >>= 1;
            defaults >>= 1;
        }
        push(byte);
        len
    }

    /// Decodes a signature at `bytes[offset]`. Returns it and its length in bytes.
    pub fn decode(bytes: &[u8], offset: usize) -> Result<(Signature, usize), DecodeError> {
        let first = *bytes.get(offset).ok_or(DecodeError::truncated(offset))?;
        let mut state = u64::from((first >> 3) & 0xf);
        let mut exc = u64::from((first >> 2) & 1);
        let mut pos = u64::from(first & 3);
        let (mut flags, mut kwonly, mut defaults) = (0u64, 0u64, 0u64);
        let mut byte = first;
        let mut index = 0u32;
        while byte & 0x80 != 0 {
            // 13 continuation bytes already give n_state 30 bits; more cannot fit a u32.
            if index >= 14 {
                return Err(DecodeError::overflow(offset));
            }
            byte = *bytes.get(offset + 1 + index as usize).ok_or(DecodeError::truncated(offset))?;
            state |= u64::from(byte & 0x30) << (2 * index);
            exc |= u64::from((byte >> 1) & 1) << (index + 1);
            flags |= u64::from((byte >> 6) & 1) << index;
            pos |= u64::from((byte >> 2) & 1) << (index + 2);
            kwonly |= u64::from((byte >> 3) & 1) << index;
            defaults |= u64::from(byte & 1) << index;
            index += 1;
        }
        let fit = |value: u64| u32::try_from(value).map_err(|_| DecodeError::overflow(offset));
        let signature = Signature {
            n_state: fit(state + 1)?,
            n_exc_stack: fit(exc)?,
            scope_flags: u8::try_from(flags).map_err(|_| DecodeError::overflow(offset))?,
            n_pos_args: fit(pos)?,
            n_kwonly_args: fit(kwonly)?,
            n_def_pos_args: fit(defaults)?,
        };
        Ok((signature, 1 + index as usize))
    }
}

/// The sizes of the source-info and closure sections, encoded after the signature.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct PreludeSize {
    /// Bytes of source info: simple name, argument names and line-number table (at least 1).
    pub n_info: u32,
    /// Bytes of closure info: one local number per cell.
    pub n_cell: u32,
}

impl PreludeSize {
    /// Pushes the encoded size. Returns the number of bytes pushed.
    pub fn encode(&self, push: &mut impl FnMut(u8)) -> usize {
        let mut info = self.n_info;
        let mut cell = self.n_cell;
        let mut len = 0;
        loop {
            let mut byte = ((info & 0x3f) << 1 | (cell & 1)) as u8;
            cell >>= 1;
            info >>= 6;
            if info | cell != 0 {
                byte |= 0x80;
            }
            push(byte);
            len += 1;
            if info | cell == 0 {
                return len;
            }
        }
    }

    /// Decodes a prelude size at `bytes[offset]`. Returns it and its length in bytes.
    pub fn decode(bytes: &[u8], offset: usize) -> Result<(PreludeSize, usize), DecodeError> {
        let (mut info, mut cell) = (0u64, 0u64);
        let mut index = 0u32;
        loop {
            if index >= 6 {
                return Err(DecodeError::overflow(offset));
            }
            let byte = *bytes.get(offset + index as usize).ok_or(DecodeError::truncated(offset))?;
            cell |= u64::from(byte & 1) << index;
            info |= u64::from((byte & 0x7e) >> 1) << (6 * index);
            index += 1;
            if byte & 0x80 == 0 {
                break;
            }
        }
        let fit = |value: u64| u32::try_from(value).map_err(|_| DecodeError::overflow(offset));
        Ok((PreludeSize { n_info: fit(info)?, n_cell: fit(cell)? }, index as usize))
    }
}

/// A decoded prelude. Offsets and ranges index into the function's `fun_data`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prelude {
    /// The function signature.
    pub signature: Signature,
    /// The section sizes.
    pub size: PreludeSize,
    /// qstr-table index of the function's simple name (`<module>`, `f`, `<lambda>`, ...).
    pub simple_name: u32,
    /// Offset of the first argument name.
    pub arg_names_start: usize,
    /// The bytes of the line-number table.
    pub line_info: Range<usize>,
    /// The closure section: one byte per cell, the local number to wrap.
    pub closure: Range<usize>,
    /// Offset of the first opcode.
    pub code_start: usize,
}

impl Prelude {
    /// Decodes and checks the prelude at the start of `fun_data`.
    pub fn decode(fun_data: &[u8]) -> Result<Prelude, DecodeError> {
        let (signature, signature_len) = Signature::decode(fun_data, 0)?;
        let (size, size_len) = PreludeSize::decode(fun_data, signature_len)?;
        let info_start = signature_len + size_len;
        let info_end = end_of(fun_data, info_start, size.n_info)?;
        let closure_end = end_of(fun_data, info_end, size.n_cell)?;
        let info = &fun_data[..info_end];
        let (simple_name, name_len) = varint::decode_uint(info, info_start)?;
        let arg_names_start = info_start + name_len;
        let mut position = arg_names_start;
        let arg_count = u64::from(signature.n_pos_args) + u64::from(signature.n_kwonly_args);
        for _ in 0..arg_count {
            if position >= info_end {
                return Err(DecodeError::truncated(position));
            }
            position += varint::decode_uint(info, position)?.1;
        }
        Ok(Prelude {
            signature,
            size,
            simple_name,
            arg_names_start,
            line_info: position..info_end,
            closure: info_end..closure_end,
            code_start: closure_end,
        })
    }

    /// Number of argument names: positional plus keyword-only.
    pub fn arg_count(&self) -> u32 {
        self.signature.n_pos_args.saturating_add(self.signature.n_kwonly_args)
    }

    /// The qstr-table indices of the argument names, in order.
    pub fn arg_names<'a>(&self, fun_data: &'a [u8]) -> impl Iterator<Item = u32> + 'a {
        let mut position = self.arg_names_start;
        let limit = self.line_info.start.min(fun_data.len());
        let info = fun_data.get(..limit).unwrap_or(&[]);
        (0..self.arg_count()).map_while(move |_| {
            let (name, len) = varint::decode_uint(info, position).ok()?;
            position += len;
            Some(name)
        })
    }
}

fn end_of(bytes: &[u8], start: usize, len: u32) -> Result<usize, DecodeError> {
    let end = start.checked_add(len as usize).ok_or(DecodeError::overflow(start))?;
    if end > bytes.len() {
        return Err(DecodeError { offset: start, kind: DecodeErrorKind::Truncated });
    }
    Ok(end)
}

/// One entry of the line-number table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LineEntry {
    /// Bytes of bytecode this entry moves over.
    pub bytecode_delta: u32,
    /// Lines this entry moves over.
    pub line_delta: u32,
}

/// Pushes line-table entries that advance by `bytes_to_skip` bytes of bytecode
/// and `lines_to_skip` lines, choosing forms exactly as MicroPython's emitter
/// does. Returns the number of bytes pushed (0 when both are 0).
pub fn encode_line_entries(mut bytes_to_skip: u32, mut lines_to_skip: u32, push: &mut impl FnMut(u8)) -> usize {
    let mut len = 0;
    while bytes_to_skip > 0 || lines_to_skip > 0 {
        let (bytes, lines);
        if lines_to_skip <= 6 || bytes_to_skip > 0xf {
            bytes = bytes_to_skip.min(0x1f);
            // No line can be skipped until all the bytes are.
            lines = if bytes < bytes_to_skip { 0 } else { lines_to_skip.min(3) };
            push((bytes | lines << 5) as u8);
            len += 1;
        } else {
            bytes = bytes_to_skip.min(0xf);
            lines = lines_to_skip.min(0x7ff);
            push((0x80 | bytes | ((lines >> 4) & 0x70)) as u8);
            push((lines & 0xff) as u8);
            len += 2;
        }
        bytes_to_skip -= bytes;
        lines_to_skip -= lines;
    }
    len
}

/// Iterates over the entries of a line-number table (the bytes of
/// [`Prelude::line_info`]). Error offsets are relative to `table`.
pub fn line_entries(table: &[u8]) -> LineEntries<'_> {
    LineEntries { table, offset: 0 }
}

/// Iterator returned by [`line_entries`].
#[derive(Clone, Debug)]
pub struct LineEntries<'a> {
    table: &'a [u8],
    offset: usize,
}

impl Iterator for LineEntries<'_> {
    type Item = Result<LineEntry, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        let first = *self.table.get(self.offset)?;
        if first & 0x80 == 0 {
            self.offset += 1;
            return Some(Ok(LineEntry { bytecode_delta: u32::from(first & 0x1f), line_delta: u32::from(first >> 5) }));
        }
        let Some(&second) = self.table.get(self.offset + 1) else {
            let error = DecodeError::truncated(self.offset);
            self.offset = self.table.len();
            return Some(Err(error));
        };
        self.offset += 2;
        let line_delta = (u32::from(first) << 4) & 0x700 | u32::from(second);
        Some(Ok(LineEntry { bytecode_delta: u32::from(first & 0xf), line_delta }))
    }
}

/// The source line of the instruction at `bytecode_offset` (counted from the
/// first opcode), as MicroPython reports it in tracebacks. Lines start at 1;
/// a malformed table end is ignored.
pub fn line_of_offset(table: &[u8], bytecode_offset: u32) -> u32 {
    let mut remaining = bytecode_offset;
    let mut line = 1u32;
    for entry in line_entries(table) {
        let Ok(entry) = entry else { break };
        if remaining < entry.bytecode_delta {
            break;
        }
        remaining -= entry.bytecode_delta;
        line = line.saturating_add(entry.line_delta);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(encode: impl FnOnce(&mut dyn FnMut(u8)) -> usize) -> ([u8; 16], usize) {
        let mut out = [0u8; 16];
        let mut len = 0;
        let returned = encode(&mut |byte| {
            out[len] = byte;
            len += 1;
        });
        assert_eq!(returned, len);
        (out, len)
    }

    fn check_signature(bytes: &[u8], expected: Signature) {
        assert_eq!(Signature::decode(bytes, 0), Ok((expected, bytes.len())));
        let (out, len) = encoded(|push| expected.encode(&mut |b| push(b)));
        assert_eq!(&out[..len], bytes);
        for cut in 0..bytes.len() {
            assert!(Signature::decode(&bytes[..cut], 0).is_err());
        }
    }

    #[test]
    fn signatures_from_the_spec() {
        let sig = |n_state, n_exc_stack, scope_flags, n_pos_args, n_kwonly_args, n_def_pos_args| Signature {
            n_state,
            n_exc_stack,
            scope_flags,
            n_pos_args,
            n_kwonly_args,
            n_def_pos_args,
        };
        check_signature(&[0x18], sig(4, 0, 0, 0, 0, 0));
        check_signature(&[0xac, 0x02], sig(6, 3, 0, 0, 0, 0));
        check_signature(&[0xb2, 0x89, 0xc0, 0x40], sig(7, 0, 6, 2, 1, 1));
        check_signature(&[0xa9, 0x40], sig(6, 0, SCOPE_FLAG_GENERATOR, 1, 0, 0));
        check_signature(&[0x10], sig(3, 0, 0, 0, 0, 0));
        check_signature(&[0x22], sig(5, 0, 0, 2, 0, 0));
    }

    #[test]
    fn large_signatures_round_trip() {
        let big = Signature {
            n_state: 300,
            n_exc_stack: 9,
            scope_flags: 0xf,
            n_pos_args: 40,
            n_kwonly_args: 7,
            n_def_pos_args: 33,
        };
        let (out, len) = encoded(|push| big.encode(&mut |b| push(b)));
        assert_eq!(Signature::decode(&out[..len], 0), Ok((big, len)));
        assert!(Signature::decode(&[0xff; 40], 0).is_err());
    }

    #[test]
    fn prelude_sizes() {
        let cases: &[(u32, u32, &[u8])] =
            &[(2, 0, &[0x04]), (16, 0, &[0x20]), (5, 1, &[0x0b]), (6, 0, &[0x0c]), (64, 0, &[0x80, 0x02])];
        for &(n_info, n_cell, bytes) in cases {
            let size = PreludeSize { n_info, n_cell };
            assert_eq!(PreludeSize::decode(bytes, 0), Ok((size, bytes.len())));
            let (out, len) = encoded(|push| size.encode(&mut |b| push(b)));
            assert_eq!(&out[..len], bytes);
        }
        assert!(PreludeSize::decode(&[0x80], 0).is_err());
        assert!(PreludeSize::decode(&[0xff; 20], 0).is_err());
    }

    #[test]
    fn whole_preludes_from_the_spec() {
        // `add(a, b=2, *args, k, **kw)` from t2.py, followed by one opcode.
        let add = [0xb2, 0x89, 0xc0, 0x40, 0x0c, 0x07, 0x15, 0x16, 0x05, 0x80, 0x09, 0x63];
        let prelude = Prelude::decode(&add).unwrap();
        assert_eq!(prelude.simple_name, 7);
        assert!(prelude.arg_names(&add).eq([0x15, 0x16, 0x05]));
        assert_eq!(prelude.line_info, 9..11);
        assert_eq!(prelude.code_start, 11);
        assert_eq!(line_of_offset(&add[prelude.line_info.clone()], 0), 10);
        // `outer()`: one cell (local 1).
        let outer = [0x10, 0x0b, 0x09, 0x80, 0x0e, 0x23, 0x45, 0x01, 0x81];
        let prelude = Prelude::decode(&outer).unwrap();
        assert_eq!(prelude.closure, 7..8);
        assert_eq!(prelude.code_start, 8);
        assert!(prelude.line_info == (3..7));
        for cut in 0..8 {
            assert!(Prelude::decode(&outer[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn line_table_encoding_follows_the_emitter() {
        let cases: &[(u32, u32, &[u8])] = &[
            (3, 1, &[0x23]),
            (0, 9, &[0x80, 0x09]),
            (0, 6, &[0x60, 0x60]),
            (40, 2, &[0x1f, 0x49]),
            (20, 100, &[0x74, 0x80, 0x61]),
            (0, 3000, &[0xf0, 0xff, 0xb0, 0xb9]),
            (0, 0, &[]),
        ];
        for &(bytes_to_skip, lines_to_skip, expected) in cases {
            let (out, len) = encoded(|push| encode_line_entries(bytes_to_skip, lines_to_skip, &mut |b| push(b)));
            assert_eq!(&out[..len], expected, "({bytes_to_skip}, {lines_to_skip})");
            let (mut bytes, mut lines) = (0, 0);
            for entry in line_entries(expected) {
                let entry = entry.unwrap();
                bytes += entry.bytecode_delta;
                lines += entry.line_delta;
            }
            assert_eq!((bytes, lines), (bytes_to_skip, lines_to_skip));
        }
    }

    #[test]
    fn line_lookup() {
        // Line 10 for bytes 0..3, line 11 for bytes 3..5, line 14 from byte 5.
        let table = [0x80, 0x09, 0x23, 0x62];
        assert_eq!(line_of_offset(&table, 0), 10);
        assert_eq!(line_of_offset(&table, 2), 10);
        assert_eq!(line_of_offset(&table, 3), 11);
        assert_eq!(line_of_offset(&table, 5), 14);
        assert_eq!(line_of_offset(&table, 500), 14);
        assert_eq!(line_of_offset(&[], 7), 1);
        assert_eq!(line_of_offset(&[0x80], 0), 1);
        assert!(line_entries(&[0x23, 0x80]).nth(1).unwrap().is_err());
    }
}
