//! The `binascii` module: converts between bytes and their hex and base64
//! text forms and computes CRC-32 checksums.

use crate::builtins::{check_args, keyword, Handler};
use crate::native::NativeModule;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

pub static MODULE: NativeModule = NativeModule::new("binascii", FUNCTIONS);

static FUNCTIONS: &[(&str, Handler)] = &[
    ("a2b_base64", a2b_base64),
    ("b2a_base64", b2a_base64),
    ("crc32", crc32),
    ("hexlify", hexlify),
    ("unhexlify", unhexlify),
];

/// The data argument as bytes (str is accepted too, as MicroPython does).
fn expect_data(vm: &mut Vm<'_>, data: Obj) -> R<()> {
    if vm.is_bytes_like(data) || vm.is_str(data) {
        Ok(())
    } else {
        Err(vm.type_error_for("object with buffer protocol required, not", data))
    }
}

/// Builds bytes by pushing into a rooted buffer.
fn build(vm: &mut Vm<'_>, capacity: usize, fill: impl FnOnce(&mut Vm<'_>, Obj) -> R<()>) -> R<Obj> {
    let buffer = vm.new_buffer(TypeId::Buffer, capacity)?;
    let mark = vm.root_mark();
    vm.push_root(buffer)?;
    fill(vm, buffer)?;
    vm.pop_roots(mark);
    vm.buffer_finish(buffer, TypeId::Bytes)
}

fn hexlify(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let separator = args.get(1).copied().or_else(|| keyword(vm, kw, "sep"));
    hex_text(vm, args[0], separator, TypeId::Bytes)
}

/// The hex digits of the bytes of `data` (bytes, bytearray, str or a
/// memoryview), as a `type_id` object (bytes for `hexlify`, str for
/// `bytes.hex`), with the first character of `separator` (a str or bytes;
/// None for none) between bytes. Empty data gives `b''` for both, as
/// MicroPython's shared code does.
pub fn hex_text(vm: &mut Vm<'_>, data: Obj, separator: Option<Obj>, type_id: TypeId) -> R<Obj> {
    // A memoryview reads as the bytes it shows (`str_bytes` takes it too).
    if vm.native_type(data) != TypeId::MemoryView {
        expect_data(vm, data)?;
    }
    let len = vm.str_len(data);
    if len == 0 {
        return Ok(crate::obj::Singleton::EmptyBytes.obj());
    }
    let separator = match separator.filter(|sep| !sep.is_none()) {
        Some(sep) => {
            if !vm.is_str(sep) && !vm.is_bytes_like(sep) {
                return Err(vm.type_error_for("can't convert to str implicitly:", sep));
            }
            vm.str_bytes(sep).first().copied()
        }
        None => None,
    };
    let buffer = vm.new_buffer(TypeId::Buffer, 3 * len)?;
    let mark = vm.root_mark();
    vm.push_root(buffer)?;
    for index in 0..len {
        let byte = vm.str_bytes(data)[index];
        if let (Some(separator), true) = (separator, index > 0) {
            vm.buffer_push(buffer, &[separator])?;
        }
        let digits = b"0123456789abcdef";
        vm.buffer_push(buffer, &[digits[usize::from(byte >> 4)], digits[usize::from(byte & 15)]])?;
    }
    vm.pop_roots(mark);
    vm.buffer_finish(buffer, type_id)
}

fn hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

/// Decodes hex text as MicroPython's `bytes.fromhex` and
/// `binascii.unhexlify` do: whitespace may come between pairs, anything
/// else that is not a pair of hex digits is "non-hex digit".
pub fn decode_hex(vm: &mut Vm<'_>, text: Obj) -> R<Obj> {
    let len = vm.str_len(text);
    build(vm, len / 2, |vm, buffer| {
        let mut index = 0;
        while index < len {
            let first = vm.str_bytes(text)[index];
            if first.is_ascii_whitespace() {
                index += 1;
                continue;
            }
            let second = vm.str_bytes(text).get(index + 1).copied().unwrap_or(b'?');
            match (hex_value(first), hex_value(second)) {
                (Some(high), Some(low)) => vm.buffer_push(buffer, &[high << 4 | low])?,
                _ => {
                    return Err(vm.raise_msg(TypeId::ValueError, "non-hex digit"));
                }
            }
            index += 2;
        }
        Ok(())
    })
}

fn unhexlify(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    expect_data(vm, args[0])?;
    decode_hex(vm, args[0])
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b2a_base64(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let data = args[0];
    expect_data(vm, data)?;
    let newline = match keyword(vm, kw, "newline") {
        Some(value) => vm.truthy(value)?,
        None => true,
    };
    let len = vm.str_len(data);
    build(vm, len.div_ceil(3) * 4 + 1, |vm, buffer| {
        let mut index = 0;
        while index < len {
            let mut chunk = [0u8; 3];
            let take = (len - index).min(3);
            chunk[..take].copy_from_slice(&vm.str_bytes(data)[index..index + take]);
            let word = u32::from(chunk[0]) << 16 | u32::from(chunk[1]) << 8 | u32::from(chunk[2]);
            let mut out = [b'='; 4];
            for (position, slot) in out.iter_mut().enumerate().take(take + 1) {
                *slot = BASE64[((word >> (18 - 6 * position)) & 63) as usize];
            }
            vm.buffer_push(buffer, &out)?;
            index += 3;
        }
        if newline {
            vm.buffer_push(buffer, b"\n")?;
        }
        Ok(())
    })
}

fn a2b_base64(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let data = args[0];
    expect_data(vm, data)?;
    let len = vm.str_len(data);
    let mut quads = 0usize;
    let mut padding = false;
    for index in 0..len {
        let byte = vm.str_bytes(data)[index];
        if byte == b'=' {
            padding = true;
        } else if BASE64.contains(&byte) {
            if padding {
                return Err(vm.raise_msg(TypeId::ValueError, "incorrect padding"));
            }
            quads += 1;
        }
    }
    if quads % 4 == 1 {
        return Err(vm.raise_msg(TypeId::ValueError, "incorrect padding"));
    }
    build(vm, len * 3 / 4, |vm, buffer| {
        let mut bits = 0u32;
        let mut count = 0u32;
        for index in 0..len {
            let byte = vm.str_bytes(data)[index];
            let Some(value) = BASE64.iter().position(|each| *each == byte) else { continue };
            bits = bits << 6 | value as u32;
            count += 6;
            if count >= 8 {
                count -= 8;
                vm.buffer_push(buffer, &[(bits >> count) as u8])?;
            }
        }
        Ok(())
    })
}

fn crc32(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    expect_data(vm, args[0])?;
    let start = match args.get(1) {
        Some(&value) => vm.to_i64(value)? as u32,
        None => 0,
    };
    let mut crc = !start;
    for &byte in vm.str_bytes(args[0]) {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    vm.new_int(i64::from(!crc))
}
