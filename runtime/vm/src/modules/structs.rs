//! The `struct` module: packing values into bytes and back, following
//! MicroPython's `modstruct.c`. A format starts with an optional byte order
//! (`@` native with alignment, `=`, `<`, `>` or `!` standard sizes without
//! alignment), then codes `b B h H i I l L q Q f d s P x ?`, each with an
//! optional count. The native layout is the boards' (32-bit ARM, little
//! endian), so the host reports the same sizes as a Pico.

use crate::builtins::{check_args, Handler};
use crate::native::NativeModule;
use crate::obj::bigint::Big;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

pub static MODULE: NativeModule = NativeModule::new("struct", FUNCTIONS);

static FUNCTIONS: &[(&str, Handler)] = &[
    ("calcsize", calcsize),
    ("pack", pack),
    ("pack_into", pack_into),
    ("unpack", unpack),
    ("unpack_from", unpack_from),
];

/// The most format bytes a format may have (longer formats raise ValueError).
const MAX_FORMAT: usize = 128;

/// A copied, parsed format string.
struct Format {
    text: [u8; MAX_FORMAT],
    len: usize,
    start: usize,
    big_endian: bool,
    native: bool,
}

/// One field: its code and repeat count.
#[derive(Clone, Copy)]
struct Field {
    code: u8,
    count: usize,
}

/// The size of one value of `code`, or None for an unknown code.
fn code_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'b' | b'B' | b'x' | b's' | b'?' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'l' | b'L' | b'f' | b'P' | b'O' => 4,
        b'q' | b'Q' | b'd' => 8,
        _ => {
            let _ = native;
            return None;
        }
    })
}

impl Format {
    fn parse(vm: &mut Vm<'_>, format: Obj) -> R<Format> {
        if !vm.is_str(format) && !vm.is_bytes_like(format) {
            return Err(vm.type_error_for("can't convert to str implicitly:", format));
        }
        let bytes = vm.str_bytes(format);
        if bytes.len() > MAX_FORMAT {
            return Err(vm.raise_msg(TypeId::ValueError, "struct format too long"));
        }
        let mut text = [0u8; MAX_FORMAT];
        text[..bytes.len()].copy_from_slice(bytes);
        let len = bytes.len();
        let (start, big_endian, native) = match text.first().filter(|_| len > 0) {
            Some(b'@') => (1, false, true),
            Some(b'=' | b'<') => (1, false, false),
            Some(b'>' | b'!') => (1, true, false),
            _ => (0, false, true),
        };
        Ok(Format { text, len, start, big_endian, native })
    }

    /// The fields, each passed to `each` with the offset it starts at; returns the total size.
    fn walk(&self, vm: &mut Vm<'_>, mut each: impl FnMut(&mut Vm<'_>, Field, usize) -> R<()>) -> R<usize> {
        let mut offset = 0usize;
        let mut position = self.start;
        while position < self.len {
            let mut count = 0usize;
            let mut has_count = false;
            while position < self.len && self.text[position].is_ascii_digit() {
                count = count.saturating_mul(10).saturating_add(usize::from(self.text[position] - b'0'));
                has_count = true;
                position += 1;
            }
            let Some(&code) = self.text[..self.len].get(position) else {
                return Err(vm.raise_msg(TypeId::ValueError, "bad char in struct format"));
            };
            position += 1;
            if code == b' ' {
                continue;
            }
            let Some(size) = code_size(code, self.native) else {
                return Err(vm.raise_msg(TypeId::ValueError, "bad char in struct format"));
            };
            if !has_count {
                count = 1;
            }
            if self.native && size > 1 && code != b's' {
                offset = offset.div_ceil(size) * size;
            }
            each(vm, Field { code, count }, offset)?;
            offset = offset.saturating_add(size.saturating_mul(count));
            if offset > 1 << 24 {
                return Err(vm.raise_msg(TypeId::ValueError, "struct format too large"));
            }
        }
        Ok(offset)
    }

    /// How many Python values the format packs.
    fn value_count(&self, vm: &mut Vm<'_>) -> R<usize> {
        let mut values = 0;
        self.walk(vm, |_, field, _| {
            values += match field.code {
                b'x' => 0,
                b's' => 1,
                _ => field.count,
            };
            Ok(())
        })?;
        Ok(values)
    }
}

fn calcsize(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let format = Format::parse(vm, args[0])?;
    let size = format.walk(vm, |_, _, _| Ok(()))?;
    vm.new_int(size as i64)
}

/// The low 64 bits of an int, as two's complement.
pub(crate) fn int_bits(vm: &mut Vm<'_>, value: Obj) -> R<u64> {
    if vm.is_float(value) {
        return Err(vm.raise_msg(TypeId::TypeError, "can't convert float to int"));
    }
    if value == Obj::TRUE || value == Obj::FALSE {
        return Ok(u64::from(value == Obj::TRUE));
    }
    if value.is_small() {
        return Ok(i64::from(value.small_value()) as u64);
    }
    let Some(view) = vm.int_view(value) else {
        return Err(vm.cannot_convert(value, "int"));
    };
    // The low 64 bits of the two's complement, as MicroPython packs them.
    Ok(vm.view_low_u64(&view))
}

/// The IEEE 754 half-precision bits nearest to `value` (through f32, ties to even).
fn half_from_f64(value: f64) -> u16 {
    let bits = (value as f32).to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    let exponent = ((bits >> 23) & 0xff) as i32;
    let mantissa = bits & 0x7f_ffff;
    if exponent == 0xff {
        return sign | 0x7c00 | if mantissa != 0 { 0x200 } else { 0 };
    }
    let biased = exponent - 127 + 15;
    if biased >= 0x1f {
        return sign | 0x7c00;
    }
    let round = |kept: u32, rest: u32, middle: u32| {
        if rest > middle || (rest == middle && kept & 1 == 1) {
            kept + 1
        } else {
            kept
        }
    };
    if biased <= 0 {
        // A subnormal half: shift the mantissa, with its implicit bit, into place.
        if biased < -10 {
            return sign;
        }
        let full = mantissa | 0x80_0000;
        let shift = (14 - biased) as u32;
        let kept = full >> shift;
        return sign | round(kept, full & ((1 << shift) - 1), 1 << (shift - 1)) as u16;
    }
    let kept = ((biased as u32) << 10) | (mantissa >> 13);
    sign | round(kept, mantissa & 0x1fff, 0x1000) as u16
}

/// The value of IEEE 754 half-precision bits.
fn half_to_f64(bits: u16) -> f64 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = i32::from((bits >> 10) & 0x1f);
    let mantissa = f64::from(bits & 0x3ff);
    match exponent {
        0 => sign * mantissa * libm::pow(2.0, -24.0),
        0x1f if mantissa == 0.0 => sign * f64::INFINITY,
        0x1f => f64::NAN,
        _ => sign * (1.0 + mantissa / 1024.0) * libm::pow(2.0, f64::from(exponent - 15)),
    }
}

/// Writes one value of `code` into `out` (already the right length).
fn encode(vm: &mut Vm<'_>, code: u8, value: Obj, big_endian: bool, out: &mut [u8]) -> R<()> {
    let mut raw = [0u8; 8];
    match code {
        b'f' | b'd' | b'e' => {
            let Some(number) = vm.to_f64(value) else {
                return Err(vm.type_error_for("can't convert to float:", value));
            };
            if code == b'e' {
                raw[..2].copy_from_slice(&half_from_f64(number).to_le_bytes());
            } else if code == b'f' {
                raw[..4].copy_from_slice(&(number as f32).to_le_bytes());
            } else {
                raw.copy_from_slice(&number.to_le_bytes());
            }
        }
        b'?' => raw[0] = u8::from(vm.truthy(value)?),
        // MicroPython's extension: the object itself, as its word.
        b'O' => raw[..4].copy_from_slice(&value.0.to_le_bytes()),
        _ => raw = int_bits(vm, value)?.to_le_bytes(),
    }
    let size = out.len();
    for (index, byte) in out.iter_mut().enumerate() {
        *byte = if big_endian { raw[size - 1 - index] } else { raw[index] };
    }
    Ok(())
}

/// Reads one value of `code` from `bytes`.
fn decode(vm: &mut Vm<'_>, code: u8, bytes: &[u8], big_endian: bool) -> R<Obj> {
    let mut raw = [0u8; 8];
    let size = bytes.len();
    for index in 0..size {
        raw[index] = if big_endian { bytes[size - 1 - index] } else { bytes[index] };
    }
    let unsigned = u64::from_le_bytes(raw);
    match code {
        b'f' => vm.new_float(f64::from(f32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]))),
        b'd' => vm.new_float(f64::from_le_bytes(raw)),
        b'e' => vm.new_float(half_to_f64(u16::from_le_bytes([raw[0], raw[1]]))),
        b'?' => Ok(Obj::from_bool(unsigned != 0)),
        b'O' => object_from_word(vm, unsigned as u32),
        b'b' | b'h' | b'i' | b'l' | b'q' => {
            let shift = 64 - 8 * size as u32;
            vm.new_int(((unsigned << shift) as i64) >> shift)
        }
        _ => {
            if unsigned <= i64::MAX as u64 {
                vm.new_int(unsigned as i64)
            } else {
                vm.new_big(&Big::from_u64(unsigned))
            }
        }
    }
}

/// The object a word unpacked with `O` names: a value that is no address,
/// a static object or the start of a heap object (anything else would be
/// a forged object, which MicroPython would use and rime refuses).
fn object_from_word(vm: &mut Vm<'_>, word: u32) -> R<Obj> {
    let obj = Obj(word);
    let valid = !obj.is_ptr() || crate::obj::static_index(obj).is_some() || vm.heap.is_head(word);
    if !valid {
        return Err(vm.raise_msg(TypeId::ValueError, "not an object's address"));
    }
    Ok(obj)
}

/// Packs `values` into the heap bytes at `data` (`size` bytes, zeroed). As
/// in MicroPython, values missing at the end leave their bytes zero and
/// values beyond the format are ignored.
fn pack_values(vm: &mut Vm<'_>, format: &Format, values: &[Obj], target: Obj, data_offset: usize) -> R<()> {
    let big_endian = format.big_endian;
    let native = format.native;
    let mut next = 0usize;
    format.walk(vm, |vm, field, offset| {
        if next >= values.len() {
            return Ok(());
        }
        let data = data_address(vm, target) + (data_offset + offset) as u32;
        match field.code {
            b'x' => vm.heap.bytes_mut(data, field.count).fill(0),
            b's' => {
                let value = values[next];
                next += 1;
                let source = vm.str_bytes(value);
                let take = source.len().min(field.count);
                let mut copy = [0u8; 256];
                let mut done = 0;
                while done < field.count {
                    let chunk = (field.count - done).min(256);
                    copy[..chunk].fill(0);
                    if done < take {
                        let available = (take - done).min(chunk);
                        copy[..available].copy_from_slice(&vm.str_bytes(value)[done..done + available]);
                    }
                    vm.heap.bytes_mut(data + done as u32, chunk).copy_from_slice(&copy[..chunk]);
                    done += chunk;
                }
            }
            code => {
                let size = code_size(code, native).unwrap_or(1);
                for index in 0..field.count.min(values.len() - next) {
                    let mut out = [0u8; 8];
                    encode(vm, code, values[next], big_endian, &mut out[..size])?;
                    next += 1;
                    let at = data + (index * size) as u32;
                    vm.heap.bytes_mut(at, size).copy_from_slice(&out[..size]);
                }
            }
        }
        Ok(())
    })?;
    Ok(())
}

/// The address of the data of a bytes or bytearray object.
fn data_address(vm: &Vm<'_>, obj: Obj) -> u32 {
    vm.bytes_data_address(obj)
}

fn pack(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, usize::MAX)?;
    let format = Format::parse(vm, args[0])?;
    let size = format.walk(vm, |_, _, _| Ok(()))?;
    if size == 0 {
        pack_values(vm, &format, &args[1..], Obj::NULL, 0)?;
        return vm.new_bytes(&[]);
    }
    let target = vm.alloc_str(TypeId::Bytes, size)?;
    let mark = vm.root_mark();
    vm.push_root(target)?;
    pack_values(vm, &format, &args[1..], target, 0)?;
    vm.pop_roots(mark);
    Ok(target)
}

/// Resolves a possibly negative offset into a buffer of `len` bytes that must hold `size` more.
fn buffer_offset(vm: &mut Vm<'_>, offset: Option<Obj>, len: usize, size: usize) -> R<usize> {
    let mut at = match offset {
        Some(offset) => vm.to_i64(offset)?,
        None => 0,
    };
    if at < 0 {
        at += len as i64;
    }
    if at < 0 || at as usize + size > len {
        return Err(vm.raise_msg(TypeId::ValueError, "buffer too small"));
    }
    Ok(at as usize)
}

fn pack_into(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 3, usize::MAX)?;
    let format = Format::parse(vm, args[0])?;
    let size = format.walk(vm, |_, _, _| Ok(()))?;
    let target = args[1];
    if !vm.is_writable_buffer(target) {
        return Err(vm.type_error_for("object with buffer protocol required, not", target));
    }
    let len = vm.str_len(target);
    let offset = buffer_offset(vm, Some(args[2]), len, size)?;
    pack_values(vm, &format, &args[3..], target, offset)?;
    Ok(Obj::NONE)
}

fn unpack_common(vm: &mut Vm<'_>, format_obj: Obj, buffer: Obj, offset: Option<Obj>, exact: bool) -> R<Obj> {
    let format = Format::parse(vm, format_obj)?;
    let size = format.walk(vm, |_, _, _| Ok(()))?;
    if !vm.is_bytes_like(buffer) && !matches!(vm.native_type(buffer), TypeId::MemoryView | TypeId::Array) {
        return Err(vm.type_error_for("object with buffer protocol required, not", buffer));
    }
    let len = vm.str_len(buffer);
    let start = buffer_offset(vm, offset, len, size)?;
    if exact && len != size {
        return Err(vm.raise_msg(TypeId::ValueError, "buffer too small"));
    }
    let count = format.value_count(vm)?;
    let tuple = vm.alloc_tuple(count)?;
    let mark = vm.root_mark();
    vm.push_root(tuple)?;
    vm.push_root(buffer)?;
    let big_endian = format.big_endian;
    let native = format.native;
    let mut next = 0u32;
    format.walk(vm, |vm, field, offset| {
        let at = start + offset;
        match field.code {
            b'x' => {}
            b's' => {
                let value = vm.str_slice(TypeId::Bytes, buffer, at, at + field.count)?;
                vm.set(tuple, 2 + next, value);
                next += 1;
            }
            code => {
                let size = code_size(code, native).unwrap_or(1);
                for index in 0..field.count {
                    let mut raw = [0u8; 8];
                    let from = at + index * size;
                    raw[..size].copy_from_slice(&vm.str_bytes(buffer)[from..from + size]);
                    let value = decode(vm, code, &raw[..size], big_endian)?;
                    vm.set(tuple, 2 + next, value);
                    next += 1;
                }
            }
        }
        Ok(())
    })?;
    vm.pop_roots(mark);
    Ok(tuple)
}

fn unpack(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    unpack_common(vm, args[0], args[1], None, true)
}

fn unpack_from(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    let offset = args.get(2).copied().or_else(|| crate::builtins::keyword(vm, kw, "offset"));
    unpack_common(vm, args[0], args[1], offset, false)
}
