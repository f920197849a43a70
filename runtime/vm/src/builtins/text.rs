//! More str and bytes methods: `rsplit`, `splitlines`, `partition`,
//! `rpartition`, `rindex` and `bytes.fromhex`. They share `strings.rs`'s
//! conventions: `self` is the first argument, results keep the type of
//! `self` (str or bytes), and pieces are sliced out of the source object.
//! Also the table of static one-character ASCII qstrs that `chr` returns.

use super::strings::is_space;
use super::{check_args, keyword};
use crate::obj::ops::find_bytes;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

fn result_type(vm: &Vm<'_>, obj: Obj) -> TypeId {
    if vm.is_str(obj) {
        TypeId::Str
    } else if vm.native_type(obj) == TypeId::ByteArray {
        TypeId::ByteArray
    } else {
        TypeId::Bytes
    }
}

/// The last byte offset at which `needle` starts in `haystack[..end]`, at or after `start`.
fn rfind_bytes(haystack: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    let end = end.min(haystack.len());
    if needle.len() > end.saturating_sub(start) {
        return None;
    }
    (start..=end - needle.len()).rev().find(|&position| &haystack[position..position + needle.len()] == needle)
}

/// `str.rsplit(sep=None, maxsplit=-1)`.
pub fn rsplit(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let (separator, max_split) = super::strings::split_arguments(vm, args, kw)?;
    let source = args[0];
    let type_id = result_type(vm, source);
    let list = vm.new_list(4)?;
    let mark = vm.root_mark();
    vm.push_root(list)?;
    let mut end = vm.str_len(source);
    let mut splits = 0;
    if separator.is_none() {
        loop {
            let bytes = vm.str_bytes(source);
            while end > 0 && is_space(bytes[end - 1]) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            let mut start = end;
            if max_split >= 0 && splits >= max_split {
                start = 0;
            } else {
                while start > 0 && !is_space(bytes[start - 1]) {
                    start -= 1;
                }
            }
            let piece = vm.str_slice(type_id, source, start, end)?;
            vm.list_insert(list, 0, piece)?;
            splits += 1;
            end = start;
        }
    } else {
        let separator_len = vm.str_len(separator);
        if separator_len == 0 {
            return Err(vm.raise_msg(TypeId::ValueError, "empty separator"));
        }
        loop {
            let found = if max_split >= 0 && splits >= max_split {
                None
            } else {
                rfind_bytes(vm.str_bytes(source), vm.str_bytes(separator), 0, end)
            };
            let start = found.map(|at| at + separator_len).unwrap_or(0);
            let piece = vm.str_slice(type_id, source, start, end)?;
            vm.list_insert(list, 0, piece)?;
            splits += 1;
            match found {
                Some(at) => end = at,
                None => break,
            }
        }
    }
    vm.pop_roots(mark);
    Ok(list)
}

/// `str.splitlines(keepends=False)`.
pub fn splitlines(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let keep = match args.get(1).copied().or_else(|| keyword(vm, kw, "keepends")) {
        Some(value) => vm.truthy(value)?,
        None => false,
    };
    let source = args[0];
    let type_id = result_type(vm, source);
    let list = vm.new_list(4)?;
    let mark = vm.root_mark();
    vm.push_root(list)?;
    let len = vm.str_len(source);
    let mut start = 0;
    while start < len {
        let bytes = vm.str_bytes(source);
        let mut end = start;
        while end < len && bytes[end] != b'\n' && bytes[end] != b'\r' {
            end += 1;
        }
        let mut next = end;
        if next < len {
            next += if bytes[next] == b'\r' && bytes.get(next + 1) == Some(&b'\n') { 2 } else { 1 };
        }
        let piece = vm.str_slice(type_id, source, start, if keep { next } else { end })?;
        vm.list_append(list, piece)?;
        start = next;
    }
    vm.pop_roots(mark);
    Ok(list)
}

fn partition_common(vm: &mut Vm<'_>, args: &[Obj], from_right: bool) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let (source, separator) = (args[0], args[1]);
    if vm.is_str(source) != vm.is_str(separator) || !(vm.is_str(separator) || vm.is_bytes_like(separator)) {
        return Err(vm.type_error_for("can't convert to str implicitly:", separator));
    }
    let type_id = result_type(vm, source);
    let separator_len = vm.str_len(separator);
    if separator_len == 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "empty separator"));
    }
    let len = vm.str_len(source);
    let found = if from_right {
        rfind_bytes(vm.str_bytes(source), vm.str_bytes(separator), 0, len)
    } else {
        find_bytes(vm.str_bytes(source), vm.str_bytes(separator), 0)
    };
    let empty = vm.str_slice(type_id, source, 0, 0)?;
    let tuple = vm.alloc_tuple(3)?;
    let mark = vm.root_mark();
    vm.push_root(tuple)?;
    for index in 0..3 {
        vm.set(tuple, 2 + index, empty);
    }
    match found {
        Some(at) => {
            let head = vm.str_slice(type_id, source, 0, at)?;
            vm.set(tuple, 2, head);
            // A bytearray's parts are bytearrays, the separator too.
            let separator = if type_id == TypeId::ByteArray {
                vm.str_slice(type_id, separator, 0, separator_len)?
            } else {
                separator
            };
            vm.set(tuple, 3, separator);
            let tail = vm.str_slice(type_id, source, at + separator_len, len)?;
            vm.set(tuple, 4, tail);
        }
        None => {
            let slot = if from_right { 4 } else { 2 };
            let whole = vm.str_slice(type_id, source, 0, len)?;
            vm.set(tuple, slot, whole);
        }
    }
    vm.pop_roots(mark);
    Ok(tuple)
}

/// `str.partition(sep)`.
pub fn partition(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    partition_common(vm, args, false)
}

/// `str.rpartition(sep)`.
pub fn rpartition(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    partition_common(vm, args, true)
}

/// `str.rindex(sub[, start[, end]])`.
pub fn rindex(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let found = super::strings::rfind_method(vm, args, kw)?;
    if found.small_value() < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "substring not found"));
    }
    Ok(found)
}

/// `bytes.fromhex(text)` (called on the type or on an instance).
pub fn fromhex(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let text = args[args.len() - 1];
    if !vm.is_str(text) {
        return Err(vm.type_error_for("can't convert to str implicitly:", text));
    }
    crate::modules::binascii::decode_hex(vm, text)
}

/// The static qstr id of each one-character ASCII string (0: not static),
/// worked out at compile time from both static lists.
pub(super) const ASCII_STATIC_QSTRS: [u16; 128] = ascii_static_qstrs();

const fn ascii_static_qstrs() -> [u16; 128] {
    let mut ids = [0u16; 128];
    let micropython = rime_bytecode::qstr::STATIC_QSTRS;
    let mut index = 0;
    while index < micropython.len() {
        let text = micropython[index].as_bytes();
        if text.len() == 1 && text[0] < 128 {
            ids[text[0] as usize] = index as u16 + 1;
        }
        index += 1;
    }
    let runtime = rime_bytecode::qstr_runtime::RUNTIME_QSTRS;
    let mut index = 0;
    while index < runtime.len() {
        let text = runtime[index].as_bytes();
        if text.len() == 1 && text[0] < 128 {
            ids[text[0] as usize] = rime_bytecode::qstr_runtime::FIRST_RUNTIME_QSTR + index as u16;
        }
        index += 1;
    }
    ids
}
