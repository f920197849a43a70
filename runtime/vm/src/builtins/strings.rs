//! str and bytes methods, and parsing ints and floats from text.

use super::{check_args, keyword, Handler};
use crate::obj::ops::find_bytes;
use crate::obj::{Obj, Singleton, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static STR_METHODS: &[(u16, Handler)] = &[
    (qstr_id("count"), count),
    (qstr_id("encode"), encode),
    (qstr_id("endswith"), endswith),
    (qstr_id("find"), find),
    (qstr_id("format"), super::format::str_format),
    (qstr_id("index"), index),
    (qstr_id("isalpha"), isalpha),
    (qstr_id("isdigit"), isdigit),
    (qstr_id("islower"), islower),
    (qstr_id("isspace"), isspace),
    (qstr_id("isupper"), isupper),
    (qstr_id("join"), join),
    (qstr_id("lower"), lower),
    (qstr_id("lstrip"), lstrip),
    (qstr_id("replace"), replace),
    (qstr_id("rfind"), rfind),
    (qstr_id("rstrip"), rstrip),
    (qstr_id("split"), split),
    (qstr_id("startswith"), startswith),
    (qstr_id("strip"), strip),
    (qstr_id("upper"), upper),
    (qstr_id("zfill"), zfill),
    (qstr_id("center"), center),
    (qstr_id("ljust"), ljust),
    (qstr_id("rjust"), rjust),
    (qstr_id("partition"), super::text::partition),
    (qstr_id("rindex"), super::text::rindex),
    (qstr_id("rpartition"), super::text::rpartition),
    (qstr_id("rsplit"), super::text::rsplit),
    (qstr_id("splitlines"), super::text::splitlines),
];

pub static BYTES_METHODS: &[(u16, Handler)] = &[
    (qstr_id("count"), count),
    (qstr_id("decode"), decode),
    (qstr_id("endswith"), endswith),
    (qstr_id("find"), find),
    (qstr_id("hex"), bytes_hex),
    (qstr_id("join"), join),
    (qstr_id("replace"), replace),
    (qstr_id("split"), split),
    (qstr_id("startswith"), startswith),
    (qstr_id("strip"), strip),
    (qstr_id("append"), bytearray_append),
    (qstr_id("extend"), bytearray_extend),
    (qstr_id("fromhex"), super::text::fromhex),
    (qstr_id("index"), index),
    (qstr_id("isalpha"), isalpha),
    (qstr_id("isdigit"), isdigit),
    (qstr_id("islower"), islower),
    (qstr_id("isspace"), isspace),
    (qstr_id("isupper"), isupper),
    (qstr_id("lower"), lower),
    (qstr_id("lstrip"), lstrip),
    (qstr_id("partition"), super::text::partition),
    (qstr_id("rfind"), rfind),
    (qstr_id("rindex"), super::text::rindex),
    (qstr_id("rpartition"), super::text::rpartition),
    (qstr_id("rsplit"), super::text::rsplit),
    (qstr_id("rstrip"), rstrip),
    (qstr_id("splitlines"), super::text::splitlines),
    (qstr_id("upper"), upper),
    (qstr_id("center"), center),
];

/// `str.rfind`, for `rindex`.
pub fn rfind_method(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    rfind(vm, args, kw)
}

fn result_type(vm: &Vm<'_>, obj: Obj) -> TypeId {
    if vm.is_str(obj) {
        TypeId::Str
    } else if vm.native_type(obj) == TypeId::ByteArray {
        TypeId::ByteArray
    } else {
        TypeId::Bytes
    }
}

/// Whether `byte` is whitespace as MicroPython's `isspace` and `split`
/// see it: space and `\t` through `\r` (vertical tab included, which
/// Rust's `is_ascii_whitespace` leaves out).
pub(super) fn is_space(byte: u8) -> bool {
    byte == b' ' || (b'\t'..=b'\r').contains(&byte)
}

/// Raises `TypeError` unless `argument` is text of the receiver's kind (a
/// str for a str, bytes-like for bytes and bytearray), as MicroPython does
/// for the substring arguments of `find`, `count`, `replace` and the like.
fn check_same_kind(vm: &mut Vm<'_>, receiver: Obj, argument: Obj) -> R<()> {
    let receiver_is_str = vm.is_str(receiver);
    let matches = if receiver_is_str {
        vm.is_str(argument)
    } else {
        vm.is_bytes_like(argument) || vm.native_type(argument) == TypeId::Array
    };
    if matches {
        return Ok(());
    }
    let wanted = if receiver_is_str { "str" } else { "bytes" };
    let name = vm.type_name(argument);
    let mut name_text = [0u8; 32];
    let name_bytes = vm.qstr_bytes(name);
    let length = name_bytes.len().min(name_text.len());
    name_text[..length].copy_from_slice(&name_bytes[..length]);
    let name = core::str::from_utf8(&name_text[..length]).unwrap_or("object");
    Err(vm.raise_fmt(TypeId::TypeError, format_args!("can't convert '{name}' object to {wanted} implicitly")))
}

fn find_range(vm: &mut Vm<'_>, args: &[Obj]) -> R<(usize, usize)> {
    let len = vm.str_len(args[0]) as i64;
    let resolve = |value: i64| if value < 0 { (value + len).max(0) } else { value.min(len) } as usize;
    let start = if args.len() > 2 && !args[2].is_none() { resolve(vm.to_i64(args[2])?) } else { 0 };
    let end = if args.len() > 3 && !args[3].is_none() { resolve(vm.to_i64(args[3])?) } else { len as usize };
    Ok((start, end.max(start)))
}

fn find(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 4)?;
    check_same_kind(vm, args[0], args[1])?;
    let (start, end) = find_range(vm, args)?;
    let haystack = &vm.str_bytes(args[0])[..end];
    Ok(Obj::small(
        find_bytes(haystack, vm.str_bytes(args[1]), start).map(|at| char_index(vm, args[0], at)).unwrap_or(-1),
    ))
}

/// The index of byte `byte_offset` as MicroPython counts it: in characters
/// for a str, in bytes for bytes and bytearray.
fn char_index(vm: &Vm<'_>, text: Obj, byte_offset: usize) -> i32 {
    if !vm.is_str(text) {
        return byte_offset as i32;
    }
    vm.str_bytes(text)[..byte_offset].iter().filter(|&&byte| byte & 0xc0 != 0x80).count() as i32
}

fn rfind(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 4)?;
    check_same_kind(vm, args[0], args[1])?;
    let (start, end) = find_range(vm, args)?;
    let haystack = vm.str_bytes(args[0]);
    let needle = vm.str_bytes(args[1]);
    let mut found = -1;
    if needle.len() <= end.saturating_sub(start) {
        for position in (start..=end - needle.len()).rev() {
            if &haystack[position..position + needle.len()] == needle {
                found = char_index(vm, args[0], position);
                break;
            }
        }
    }
    Ok(Obj::small(found))
}

fn index(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let found = find(vm, args, kw)?;
    if found.small_value() < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "substring not found"));
    }
    Ok(found)
}

fn count(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 4)?;
    check_same_kind(vm, args[0], args[1])?;
    let (start, end) = find_range(vm, args)?;
    let haystack = &vm.str_bytes(args[0])[..end];
    let needle = vm.str_bytes(args[1]);
    let mut total = 0;
    let mut position = start;
    while let Some(at) = find_bytes(haystack, needle, position) {
        total += 1;
        position = at + needle.len().max(1);
        if position > haystack.len() {
            break;
        }
    }
    Ok(Obj::small(total))
}

fn startswith(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    affix(vm, args, true)
}

fn endswith(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    affix(vm, args, false)
}

fn affix(vm: &mut Vm<'_>, args: &[Obj], start: bool) -> R<Obj> {
    check_args(vm, args, 2, 4)?;
    // The optional start and end count characters (bytes for bytes) and may be negative.
    let is_str = vm.is_str(args[0]);
    let length = if is_str { vm.char_count(args[0]) } else { vm.str_len(args[0]) } as i64;
    let clamp = |value: i64| if value < 0 { (value + length).max(0) } else { value.min(length) };
    let from = if args.len() >= 3 && !args[2].is_none() { clamp(vm.to_i64(args[2])?) } else { 0 };
    let to = if args.len() == 4 && !args[3].is_none() { clamp(vm.to_i64(args[3])?) } else { length };
    if from > to {
        return Ok(Obj::FALSE);
    }
    let (offset, end) = if is_str {
        let bytes = vm.str_bytes(args[0]);
        (crate::obj::binop::char_offset(bytes, from as usize), crate::obj::binop::char_offset(bytes, to as usize))
    } else {
        (from as usize, to as usize)
    };
    let candidates = args[1];
    // MicroPython takes bytes for a str's affix (and a str for bytes'), but
    // nothing that is not text.
    if vm.native_type(candidates) != TypeId::Tuple && !vm.is_str(candidates) && !vm.is_bytes_like(candidates) {
        check_same_kind(vm, args[0], candidates)?;
    }
    let count = if vm.native_type(candidates) == TypeId::Tuple { vm.tuple_len(candidates) } else { 1 };
    for index in 0..count {
        let candidate =
            if vm.native_type(candidates) == TypeId::Tuple { vm.tuple_item(candidates, index) } else { candidates };
        let text = vm.str_bytes(args[0]);
        let text = text.get(offset..end).unwrap_or(&[]);
        let affix = vm.str_bytes(candidate);
        if (start && text.starts_with(affix)) || (!start && text.ends_with(affix)) {
            return Ok(Obj::TRUE);
        }
    }
    Ok(Obj::FALSE)
}

fn predicate(vm: &mut Vm<'_>, args: &[Obj], test: fn(u8) -> bool) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let bytes = vm.str_bytes(args[0]);
    Ok(Obj::from_bool(!bytes.is_empty() && bytes.iter().all(|&byte| test(byte))))
}

fn isalpha(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    predicate(vm, args, |byte| byte.is_ascii_alphabetic())
}

fn isdigit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    predicate(vm, args, |byte| byte.is_ascii_digit())
}

fn isspace(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    predicate(vm, args, |byte| is_space(byte))
}

fn isupper(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let bytes = vm.str_bytes(args[0]);
    let cased = bytes.iter().any(|byte| byte.is_ascii_alphabetic());
    Ok(Obj::from_bool(cased && !bytes.iter().any(|byte| byte.is_ascii_lowercase())))
}

fn islower(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let bytes = vm.str_bytes(args[0]);
    let cased = bytes.iter().any(|byte| byte.is_ascii_alphabetic());
    Ok(Obj::from_bool(cased && !bytes.iter().any(|byte| byte.is_ascii_uppercase())))
}

/// Builds a new str/bytes by mapping every byte of `source`.
fn map_bytes(vm: &mut Vm<'_>, source: Obj, map: fn(u8) -> u8) -> R<Obj> {
    let type_id = result_type(vm, source);
    let len = vm.str_len(source);
    let mark = vm.root_mark();
    vm.push_root(source)?;
    let made = match type_id {
        TypeId::ByteArray => vm.str_slice(TypeId::ByteArray, source, 0, len)?,
        _ => vm.alloc_str(type_id, len)?,
    };
    vm.pop_roots(mark);
    let data = vm.get_u(made, 3);
    for offset in 0..len {
        let byte = map(vm.str_bytes(source)[offset]);
        vm.heap.bytes_mut(data + offset as u32, 1).fill(byte);
    }
    Ok(made)
}

fn upper(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    map_bytes(vm, args[0], |byte| byte.to_ascii_uppercase())
}

fn lower(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    map_bytes(vm, args[0], |byte| byte.to_ascii_lowercase())
}

fn strip_common(vm: &mut Vm<'_>, args: &[Obj], left: bool, right: bool) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    if args.len() == 2 && !args[1].is_none() {
        check_same_kind(vm, args[0], args[1])?;
    }
    let (start, end) = {
        let bytes = vm.str_bytes(args[0]);
        let chars: &[u8] =
            if args.len() == 2 && !args[1].is_none() { vm.str_bytes(args[1]) } else { b" \t\n\r\x0b\x0c" };
        let mut start = 0;
        let mut end = bytes.len();
        if left {
            while start < end && chars.contains(&bytes[start]) {
                start += 1;
            }
        }
        if right {
            while end > start && chars.contains(&bytes[end - 1]) {
                end -= 1;
            }
        }
        (start, end)
    };
    if start == 0 && end == vm.str_len(args[0]) {
        return Ok(args[0]);
    }
    let type_id = result_type(vm, args[0]);
    vm.str_slice(type_id, args[0], start, end)
}

fn strip(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    strip_common(vm, args, true, true)
}

fn lstrip(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    strip_common(vm, args, true, false)
}

fn rstrip(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    strip_common(vm, args, false, true)
}

/// The arguments of `split` and `rsplit`: `(sep=None, maxsplit=-1)`.
pub(super) fn split_arguments(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<(Obj, i64)> {
    check_args(vm, args, 1, 3)?;
    let separator = args.get(1).copied().or_else(|| keyword(vm, kw, "sep")).unwrap_or(Obj::NONE);
    let max_split = match args.get(2).copied().or_else(|| keyword(vm, kw, "maxsplit")) {
        Some(value) => vm.to_i64(value)?,
        None => -1,
    };
    if !separator.is_none() {
        check_same_kind(vm, args[0], separator)?;
    }
    Ok((separator, max_split))
}

fn split(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let (separator, max_split) = split_arguments(vm, args, kw)?;
    let source = args[0];
    let type_id = result_type(vm, source);
    let mark = vm.root_mark();
    let list = vm.new_list(4)?;
    vm.push_root(list)?;
    let len = vm.str_len(source);
    let mut splits = 0;
    if separator.is_none() {
        let mut position = 0;
        loop {
            let bytes = vm.str_bytes(source);
            while position < len && is_space(bytes[position]) {
                position += 1;
            }
            if position >= len {
                break;
            }
            let mut end = position;
            if max_split >= 0 && splits >= max_split {
                // The rest keeps its trailing whitespace, as in MicroPython.
                end = len;
            } else {
                while end < len && !is_space(bytes[end]) {
                    end += 1;
                }
            }
            let piece = vm.str_slice(type_id, source, position, end)?;
            vm.list_append(list, piece)?;
            splits += 1;
            position = end;
        }
    } else {
        let separator_len = vm.str_len(separator);
        if separator_len == 0 {
            return Err(vm.raise_msg(TypeId::ValueError, "empty separator"));
        }
        let mut position = 0;
        loop {
            let found = if max_split >= 0 && splits >= max_split {
                None
            } else {
                find_bytes(vm.str_bytes(source), vm.str_bytes(separator), position)
            };
            let end = found.unwrap_or(len);
            let piece = vm.str_slice(type_id, source, position, end)?;
            vm.list_append(list, piece)?;
            splits += 1;
            match found {
                Some(at) => position = at + separator_len,
                None => break,
            }
        }
    }
    vm.pop_roots(mark);
    Ok(list)
}

fn join(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let separator = args[0];
    let type_id = result_type(vm, separator);
    let mark = vm.root_mark();
    let items = vm.list_from_iterable(args[1])?;
    vm.push_root(items)?;
    let buffer = vm.new_buffer(TypeId::Buffer, 16)?;
    vm.push_root(buffer)?;
    for index in 0..vm.list_len(items) {
        let item = vm.list_item(items, index);
        if vm.is_str(item) != vm.is_str(separator) || !(vm.is_str(item) || vm.is_bytes_like(item)) {
            return Err(
                vm.raise_msg(TypeId::TypeError, "join expects a list of str/bytes objects consistent with self object")
            );
        }
        if index > 0 {
            vm.buffer_push_obj(buffer, separator)?;
        }
        vm.buffer_push_obj(buffer, item)?;
    }
    vm.pop_roots(mark);
    vm.buffer_finish(buffer, type_id)
}

fn replace(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 3, 4)?;
    check_same_kind(vm, args[0], args[1])?;
    check_same_kind(vm, args[0], args[2])?;
    let limit = if args.len() == 4 { vm.to_i64(args[3])? } else { -1 };
    let (source, old, new) = (args[0], args[1], args[2]);
    let type_id = result_type(vm, source);
    let old_len = vm.str_len(old);
    let nothing_to_replace =
        limit == 0 || (old_len > 0 && find_bytes(vm.str_bytes(source), vm.str_bytes(old), 0).is_none());
    if nothing_to_replace && type_id != TypeId::ByteArray && vm.native_type(source) == type_id {
        // MicroPython gives back the string itself, allocating nothing.
        return Ok(source);
    }
    let mark = vm.root_mark();
    let buffer = vm.new_buffer(TypeId::Buffer, vm.str_len(source))?;
    vm.push_root(buffer)?;
    let len = vm.str_len(source);
    let mut position = 0;
    let mut done = 0;
    while position <= len {
        let found = if limit >= 0 && done >= limit {
            None
        } else if old_len == 0 {
            (position <= len).then_some(position)
        } else {
            find_bytes(vm.str_bytes(source), vm.str_bytes(old), position)
        };
        let Some(at) = found else { break };
        let piece = vm.str_slice(TypeId::Bytes, source, position, at)?;
        vm.buffer_push_obj(buffer, piece)?;
        vm.buffer_push_obj(buffer, new)?;
        done += 1;
        if old_len == 0 {
            if at < len {
                let next = vm.str_slice(TypeId::Bytes, source, at, at + 1)?;
                vm.buffer_push_obj(buffer, next)?;
            }
            position = at + 1;
        } else {
            position = at + old_len;
        }
    }
    if position <= len {
        let rest = vm.str_slice(TypeId::Bytes, source, position, len)?;
        vm.buffer_push_obj(buffer, rest)?;
    }
    vm.pop_roots(mark);
    vm.buffer_finish(buffer, type_id)
}

fn pad(vm: &mut Vm<'_>, args: &[Obj], align: u8) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    let width = vm.to_i64(args[1])?.max(0) as usize;
    let fill = if args.len() == 3 { vm.str_bytes(args[2]).first().copied().unwrap_or(b' ') } else { b' ' };
    // MicroPython measures the text in bytes, a str's too.
    let len = vm.str_len(args[0]);
    if len >= width {
        return Ok(args[0]);
    }
    let total = width - len;
    let (left, right) = match align {
        b'<' => (0, total),
        b'>' => (total, 0),
        // MicroPython's centring: the odd pad goes to the right.
        _ => (total / 2, total - total / 2),
    };
    let buffer = vm.new_buffer(TypeId::Buffer, width)?;
    let mark = vm.root_mark();
    vm.push_root(buffer)?;
    for _ in 0..left {
        vm.buffer_push(buffer, &[fill])?;
    }
    vm.buffer_push_obj(buffer, args[0])?;
    for _ in 0..right {
        vm.buffer_push(buffer, &[fill])?;
    }
    vm.pop_roots(mark);
    // Bytes and bytearray pad to their own kind (they have `center` only).
    match result_type(vm, args[0]) {
        TypeId::ByteArray => {
            vm.set_u(buffer, 0, TypeId::ByteArray.addr());
            Ok(buffer)
        }
        type_id => vm.buffer_finish(buffer, type_id),
    }
}

fn center(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    pad(vm, args, b'^')
}

fn ljust(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    pad(vm, args, b'<')
}

fn rjust(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    pad(vm, args, b'>')
}

fn zfill(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let width = vm.to_i64(args[1])?.max(0) as usize;
    let len = vm.str_len(args[0]);
    if len >= width {
        return Ok(args[0]);
    }
    let sign = matches!(vm.str_bytes(args[0]).first(), Some(b'-' | b'+'));
    let buffer = vm.new_buffer(TypeId::Buffer, width)?;
    let mark = vm.root_mark();
    vm.push_root(buffer)?;
    let start = usize::from(sign);
    if sign {
        let sign_byte = vm.str_bytes(args[0])[0];
        vm.buffer_push(buffer, &[sign_byte])?;
    }
    for _ in 0..width - len {
        vm.buffer_push(buffer, b"0")?;
    }
    let rest = vm.str_slice(TypeId::Bytes, args[0], start, len)?;
    vm.buffer_push_obj(buffer, rest)?;
    vm.pop_roots(mark);
    vm.buffer_finish(buffer, TypeId::Str)
}

fn encode(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 3)?;
    let len = vm.str_len(args[0]);
    vm.str_slice(TypeId::Bytes, args[0], 0, len)
}

fn decode(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 3)?;
    if core::str::from_utf8(vm.str_bytes(args[0])).is_err() {
        return Err(vm.raise_msg(TypeId::UnicodeError, "invalid UTF-8"));
    }
    let len = vm.str_len(args[0]);
    vm.str_slice(TypeId::Str, args[0], 0, len)
}

fn bytes_hex(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    crate::modules::binascii::hex_text(vm, args[0], args.get(1).copied(), TypeId::Str)
}

/// `memoryview`'s methods.
pub static MEMORYVIEW_TYPE: crate::native::NativeType =
    crate::native::NativeType { methods: MEMORYVIEW_METHODS, ..crate::native::NativeType::EMPTY };

static MEMORYVIEW_METHODS: &[(u16, Handler)] = &[(qstr_id("hex"), bytes_hex)];

fn bytearray_append(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    if vm.native_type(args[0]) != TypeId::ByteArray {
        return Err(vm.raise_msg(TypeId::AttributeError, "'bytes' object has no attribute 'append'"));
    }
    let byte = vm.to_i64(args[1])?;
    vm.buffer_push(args[0], &[byte as u8])?;
    Ok(Obj::NONE)
}

fn bytearray_extend(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    if vm.native_type(args[0]) != TypeId::ByteArray {
        return Err(vm.raise_msg(TypeId::AttributeError, "'bytes' object has no attribute 'extend'"));
    }
    let source = args[1];
    if vm.is_bytes_like(source) || matches!(vm.native_type(source), TypeId::MemoryView | TypeId::Array) {
        vm.buffer_push_obj(args[0], source)?;
        return Ok(Obj::NONE);
    }
    let mark = vm.root_mark();
    let iterator = vm.get_iter(source)?;
    vm.push_root(iterator)?;
    while let Some(item) = vm.iter_next(iterator)? {
        let byte = vm.to_i64(item)?;
        vm.buffer_push(args[0], &[byte as u8])?;
    }
    vm.pop_roots(mark);
    Ok(Obj::NONE)
}

/// `bytes(...)` and `bytearray(...)`.
pub fn construct_bytes(vm: &mut Vm<'_>, type_id: TypeId, args: &[Obj]) -> R<Obj> {
    let buffer = vm.new_buffer(TypeId::Buffer, 8)?;
    let mark = vm.root_mark();
    vm.push_root(buffer)?;
    if let Some(&source) = args.first() {
        // As MicroPython's: a str needs its encoding (and maybe errors), and
        // bytes of anything else takes nothing more.
        if type_id == TypeId::ByteArray {
            check_args(vm, args, 0, 3)?;
        }
        if vm.is_str(source) && !(2..=3).contains(&args.len()) {
            return Err(vm.raise_msg(TypeId::TypeError, "string argument without an encoding"));
        }
        if type_id == TypeId::Bytes && !vm.is_str(source) && args.len() > 1 {
            return Err(vm.raise_msg(TypeId::TypeError, "wrong number of arguments"));
        }
        if vm.is_str(source)
            || vm.is_bytes_like(source)
            || matches!(vm.native_type(source), TypeId::MemoryView | TypeId::Array)
        {
            vm.buffer_push_obj(buffer, source)?;
        } else if vm.is_int(source) {
            let count = vm.to_i64(source)?;
            if count < 0 {
                // MicroPython's ValueError without a message.
                let error = vm.new_exception(TypeId::ValueError.obj(), &[])?;
                return Err(vm.raise(error));
            }
            // One allocation of the exact size: growing by doubling would
            // need half as much again while copying.
            let count = count as usize;
            vm.buffer_reserve(buffer, count)?;
            let data = vm.get_u(buffer, 3);
            vm.heap.bytes_mut(data, count).fill(0);
            vm.set_u(buffer, 1, count as u32);
        } else {
            let iterator = vm.get_iter(source)?;
            vm.push_root(iterator)?;
            while let Some(item) = vm.iter_next(iterator)? {
                let byte = vm.to_i64(item)?;
                if !(0..256).contains(&byte) {
                    return Err(vm.raise_msg(TypeId::ValueError, "bytes must be in range(0, 256)"));
                }
                vm.buffer_push(buffer, &[byte as u8])?;
            }
        }
    }
    vm.pop_roots(mark);
    if type_id == TypeId::ByteArray {
        vm.set_u(buffer, 0, TypeId::ByteArray.addr());
        return Ok(buffer);
    }
    if vm.get_u(buffer, 1) == 0 {
        return Ok(Singleton::EmptyBytes.obj());
    }
    vm.buffer_finish(buffer, TypeId::Bytes)
}

/// `int(text, base)`.
pub fn parse_int(vm: &mut Vm<'_>, text: Obj, base: u32) -> R<Obj> {
    // Offsets into the text: it may be longer than any stack buffer.
    let (mut start, end, negative, base) = {
        let bytes = vm.str_bytes(text);
        let mut start = 0;
        let mut end = bytes.len();
        while start < end && is_space(bytes[start]) {
            start += 1;
        }
        while end > start && is_space(bytes[end - 1]) {
            end -= 1;
        }
        let mut negative = false;
        if start < end && (bytes[start] == b'-' || bytes[start] == b'+') {
            negative = bytes[start] == b'-';
            start += 1;
        }
        let mut base = base;
        if end - start > 1 && bytes[start] == b'0' {
            let prefixed = match bytes[start + 1].to_ascii_lowercase() {
                b'x' => Some(16),
                b'o' => Some(8),
                b'b' => Some(2),
                _ => None,
            };
            if let Some(prefixed) = prefixed {
                if base == 0 || base == prefixed {
                    base = prefixed;
                    start += 2;
                }
            }
        }
        (start, end, negative, base)
    };
    // Base 0 without a prefix reads decimal, where a leading zero is only
    // allowed for zero itself (`int('01', 0)` is an error, as in Python).
    if base == 0 {
        let digits = &vm.str_bytes(text)[start.min(end)..end];
        if digits.first() == Some(&b'0') && digits.iter().any(|&digit| !matches!(digit, b'0' | b'_')) {
            // MicroPython shows the text from the digits to the very end.
            let full_len = vm.str_len(text);
            let shown = vm.str_slice(TypeId::Str, text, start, full_len)?;
            let shown = vm.qstr_str_copy(shown);
            return Err(vm.raise_fmt(
                TypeId::ValueError,
                format_args!("invalid syntax for integer with base 0: '{}'", shown.as_str()),
            ));
        }
    }
    let base = if base == 0 { 10 } else { base };
    if !(2..=36).contains(&base) {
        return Err(vm.raise_msg(TypeId::ValueError, "int() arg 2 must be >= 2 and <= 36"));
    }
    let digits = &vm.str_bytes(text)[start.min(end)..end];
    let well_formed = !digits.starts_with(b"_") && !digits.ends_with(b"_");
    start = start.min(end);
    if well_formed {
        if let Some(value) = vm.int_parse(text, start, end, base, negative)? {
            return Ok(value);
        }
    }
    let mut message = [0u8; 60];
    let shown_len = {
        let bytes = vm.str_bytes(text);
        let len = end.min(60).min(bytes.len());
        message[..len].copy_from_slice(&bytes[..len]);
        len
    };
    let shown = core::str::from_utf8(&message[..shown_len]).unwrap_or("?");
    Err(vm.raise_fmt(TypeId::ValueError, format_args!("invalid syntax for integer with base {base}: '{shown}'")))
}

/// `float(text)`.
pub fn parse_float(vm: &mut Vm<'_>, text: Obj) -> R<Obj> {
    let mut copy = [0u8; 64];
    let bytes = vm.str_bytes(text);
    let len = bytes.len().min(64);
    copy[..len].copy_from_slice(&bytes[..len]);
    let trimmed = core::str::from_utf8(&copy[..len]).unwrap_or("").trim();
    let lowered_value = match trimmed.to_ascii_lowercase_fixed().as_str() {
        "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
        "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(value) = lowered_value {
        return vm.new_float(value);
    }
    // Text without underscores is parsed in place, whatever its length
    // (`"." + "9" * 70 + "e20"` is 1e20).
    let whole = vm.str_bytes(text);
    if !whole.contains(&b'_') {
        let parsed = core::str::from_utf8(whole).ok().and_then(|whole| whole.trim().parse::<f64>().ok());
        if let Some(value) = parsed {
            return vm.new_float(value);
        }
    }
    match trimmed.replace_underscores().as_str().parse::<f64>() {
        Ok(value) => vm.new_float(value),
        Err(_) => {
            let mut message = [0u8; 64];
            let shown_len = trimmed.len().min(64);
            message[..shown_len].copy_from_slice(&trimmed.as_bytes()[..shown_len]);
            let shown = core::str::from_utf8(&message[..shown_len]).unwrap_or("?");
            Err(vm.raise_fmt(TypeId::ValueError, format_args!("could not convert string to float: '{shown}'")))
        }
    }
}

/// Small fixed-size text helpers for parsing.
struct Fixed {
    bytes: [u8; 64],
    len: usize,
}

impl Fixed {
    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

trait FixedText {
    fn to_ascii_lowercase_fixed(&self) -> Fixed;
    fn replace_underscores(&self) -> Fixed;
}

impl FixedText for str {
    fn to_ascii_lowercase_fixed(&self) -> Fixed {
        let mut fixed = Fixed { bytes: [0; 64], len: 0 };
        for &byte in self.as_bytes().iter().take(64) {
            fixed.bytes[fixed.len] = byte.to_ascii_lowercase();
            fixed.len += 1;
        }
        fixed
    }

    fn replace_underscores(&self) -> Fixed {
        let mut fixed = Fixed { bytes: [0; 64], len: 0 };
        for &byte in self.as_bytes().iter().take(64) {
            if byte != b'_' {
                fixed.bytes[fixed.len] = byte;
                fixed.len += 1;
            }
        }
        fixed
    }
}
