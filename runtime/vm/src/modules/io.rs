//! The `io` module's in-memory streams, `StringIO` and `BytesIO`, `IOBase`
//! (for streams written in Python, `vfs_user.rs`), and the
//! `collections.deque` (the rest of `collections` is in `collections.rs`).
//!
//! Deque layout (words): `type, list of items, maxlen (small int), whether
//! appending to a full deque raises (True) or drops an item from the other
//! end`.
//! Stream layout (words): `type, buffer (a growable byte buffer, or the bytes
//! a BytesIO was made from until its first write), position`. Writing
//! at the end appends; writing before the end overwrites, as in MicroPython.
//! `read`, `readline` and `getvalue` return str for `StringIO` and bytes for
//! `BytesIO`.

use crate::builtins::{check_args, Handler};
use crate::native::{NativeModule, NativeType};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

/// `StringIO` and `BytesIO`: methods, construction, and iteration by lines.
pub static STREAM_TYPE: NativeType = NativeType {
    methods: STREAM_METHODS,
    make_new: Some(construct),
    iter_next: Some(next_line),
    print: Some(print_stream),
    ..NativeType::EMPTY
};

/// MicroPython's `<io.StringIO 0x…>` and `<io.BytesIO 0x…>`.
fn print_stream(vm: &mut Vm<'_>, sink: crate::obj::repr::Sink, stream: Obj, _depth: u32) -> R<()> {
    let kind = if vm.native_type(stream) == TypeId::StringIO { "StringIO" } else { "BytesIO" };
    vm.emit_fmt(sink, format_args!("<io.{kind} 0x{:x}>", stream.0))
}

static STREAM_METHODS: &[(u16, Handler)] = &[
    (qstr_id("__enter__"), stream_enter),
    (qstr_id("__exit__"), exit),
    (qstr_id("close"), close),
    (qstr_id("flush"), close),
    (qstr_id("getvalue"), getvalue),
    (qstr_id("read"), read),
    (qstr_id("readinto"), readinto),
    (qstr_id("readline"), readline),
    (qstr_id("seek"), seek),
    (qstr_id("tell"), tell),
    (qstr_id("write"), write),
];

pub static MODULE: NativeModule = NativeModule {
    name: "io",
    functions: &[],
    constants: &[("StringIO", TypeId::StringIO.obj()), ("BytesIO", TypeId::BytesIO.obj())],
    attr: Some(io_attr),
};

/// `io.IOBase`, a class made on first use (`vfs_user.rs`).
fn io_attr(vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
    // "IOBase" is not one of the runtime's static qstrs (part of the image
    // ABI), so the name is compared by its text.
    if vm.qstr_bytes(name) == b"IOBase" {
        return crate::modules::vfs_user::io_base_class(vm).map(Some);
    }
    Ok(None)
}

/// `collections.deque`: a list of items (word 1) and a maximum length.
pub static DEQUE_TYPE: NativeType = NativeType {
    methods: DEQUE_METHODS,
    make_new: Some(construct_deque),
    len: Some(deque_len),
    subscr_get: Some(deque_get),
    subscr_set: Some(deque_set),
    get_iter: Some(deque_iter),
    ..NativeType::EMPTY
};

static DEQUE_METHODS: &[(u16, Handler)] = &[
    (qstr_id("append"), deque_append),
    (qstr_id("appendleft"), deque_appendleft),
    (qstr_id("clear"), deque_clear),
    (qstr_id("extend"), deque_extend),
    (qstr_id("pop"), deque_pop),
    (qstr_id("popleft"), deque_popleft),
];

fn deque_len(vm: &Vm<'_>, deque: Obj) -> usize {
    vm.list_len(vm.get(deque, 1)) as usize
}

/// `deque[index]`: int indices only.
fn deque_get(vm: &mut Vm<'_>, deque: Obj, index: Obj) -> R<Obj> {
    let items = vm.get(deque, 1);
    let position = vm.seq_index(index, vm.list_len(items), "deque")?;
    Ok(vm.list_item(items, position))
}

fn deque_set(vm: &mut Vm<'_>, deque: Obj, index: Obj, value: Obj) -> R<()> {
    let items = vm.get(deque, 1);
    let position = vm.seq_index(index, vm.list_len(items), "deque")?;
    vm.list_set_item(items, position, value);
    Ok(())
}

fn deque_iter(vm: &mut Vm<'_>, deque: Obj) -> R<Obj> {
    let items = vm.get(deque, 1);
    vm.get_iter(items)
}

/// `deque(iterable, maxlen[, flags])`, as MicroPython's: the length is
/// required (also as the keyword `maxlen`); flag 1 makes appending to a full
/// deque raise `IndexError('full')` instead of dropping an item.
fn construct_deque(vm: &mut Vm<'_>, _type_id: TypeId, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let keyword_maxlen = crate::builtins::keyword(vm, kw, "maxlen");
    let least = if keyword_maxlen.is_some() { 1 } else { 2 };
    check_args(vm, args, least, 3)?;
    let Some(maxlen) = args.get(1).copied().or(keyword_maxlen) else {
        return Err(vm.raise_msg(TypeId::TypeError, "function missing 1 required positional arguments"));
    };
    let maxlen = vm.to_i64(maxlen)?;
    if maxlen < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "maxlen must be non-negative"));
    }
    let checked = match args.get(2) {
        Some(&flags) => vm.to_i64(flags)? & 1 != 0,
        None => false,
    };
    let items = vm.new_list(4)?;
    let mark = vm.root_mark();
    vm.push_root(items)?;
    let deque = vm.alloc_typed(TypeId::Deque, 4)?;
    vm.set(deque, 1, items);
    vm.set(deque, 2, Obj::small(maxlen.min(1 << 29) as i32));
    vm.set(deque, 3, Obj::from_bool(checked));
    vm.push_root(deque)?;
    extend(vm, deque, args[0])?;
    vm.pop_roots(mark);
    Ok(deque)
}

/// The deque `self` and its item list, or TypeError.
fn deque_parts(vm: &mut Vm<'_>, args: &[Obj]) -> R<(Obj, Obj, i32)> {
    match args.first() {
        Some(&this) if vm.native_type(this) == TypeId::Deque => {
            Ok((this, vm.get(this, 1), vm.get(this, 2).small_value()))
        }
        _ => Err(vm.raise_msg(TypeId::TypeError, "expected a deque")),
    }
}

fn push(vm: &mut Vm<'_>, deque: Obj, item: Obj, left: bool) -> R<()> {
    let items = vm.get(deque, 1);
    let maxlen = vm.get(deque, 2).small_value();
    if vm.get(deque, 3) == Obj::TRUE && vm.list_len(items) >= maxlen as u32 {
        return Err(vm.raise_msg(TypeId::IndexError, "full"));
    }
    if maxlen == 0 {
        return Ok(());
    }
    if left {
        vm.list_insert(items, 0, item)?;
    } else {
        vm.list_append(items, item)?;
    }
    if maxlen > 0 && vm.list_len(items) > maxlen as u32 {
        let drop_at = if left { vm.list_len(items) - 1 } else { 0 };
        vm.list_remove_at(items, drop_at);
    }
    Ok(())
}

fn extend(vm: &mut Vm<'_>, deque: Obj, source: Obj) -> R<()> {
    let iterator = vm.get_iter(source)?;
    let mark = vm.root_mark();
    vm.push_root(iterator)?;
    while let Some(item) = vm.iter_next(iterator)? {
        push(vm, deque, item, false)?;
    }
    vm.pop_roots(mark);
    Ok(())
}

fn deque_append(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let (this, _, _) = deque_parts(vm, args)?;
    push(vm, this, args[1], false)?;
    Ok(Obj::NONE)
}

fn deque_appendleft(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let (this, _, _) = deque_parts(vm, args)?;
    push(vm, this, args[1], true)?;
    Ok(Obj::NONE)
}

fn deque_extend(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let (this, _, _) = deque_parts(vm, args)?;
    extend(vm, this, args[1])?;
    Ok(Obj::NONE)
}

fn deque_clear(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let (_, items, _) = deque_parts(vm, args)?;
    while vm.list_len(items) > 0 {
        vm.list_remove_at(items, 0);
    }
    Ok(Obj::NONE)
}

fn take(vm: &mut Vm<'_>, args: &[Obj], left: bool) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let (_, items, _) = deque_parts(vm, args)?;
    let len = vm.list_len(items);
    if len == 0 {
        return Err(vm.raise_msg(TypeId::IndexError, "empty"));
    }
    Ok(vm.list_remove_at(items, if left { 0 } else { len - 1 }))
}

fn deque_pop(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    take(vm, args, false)
}

fn deque_popleft(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    take(vm, args, true)
}

/// A stream yields its lines until one comes back empty.
fn next_line(vm: &mut Vm<'_>, stream: Obj) -> R<Option<Obj>> {
    let line = readline(vm, &[stream], &[])?;
    Ok((vm.str_len(line) != 0).then_some(line))
}

/// `StringIO(initial)` and `BytesIO(initial)`.
fn construct(vm: &mut Vm<'_>, type_id: TypeId, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    // `BytesIO(n)` (MicroPython's extension): room for `n` bytes up front,
    // so writes up to that size allocate nothing.
    let capacity = match args.first() {
        Some(&initial) if initial.is_small() => initial.small_value().clamp(16, 1 << 20) as usize,
        _ => 16,
    };
    // A non-empty bytes object in the heap or the image is read in place
    // until the first write copies it (as MicroPython's BytesIO does).
    let shared = args.first().copied().filter(|&initial| {
        type_id == TypeId::BytesIO
            && initial.is_ptr()
            && vm.native_type(initial) == TypeId::Bytes
            && !initial.is_static()
            && vm.str_len(initial) > 0
    });
    let buffer = match shared {
        Some(initial) => initial,
        None => vm.new_buffer(TypeId::Buffer, capacity)?,
    };
    let mark = vm.root_mark();
    vm.push_root(buffer)?;
    if let Some(&initial) = args.first().filter(|_| shared.is_none()) {
        if vm.is_str(initial) || vm.is_bytes_like(initial) {
            vm.buffer_push_obj(buffer, initial)?;
        } else if !vm.is_int(initial) {
            return Err(vm.type_error_for("can't convert to str implicitly:", initial));
        }
    }
    let stream = vm.alloc_typed(type_id, 3)?;
    vm.pop_roots(mark);
    vm.set(stream, 1, buffer);
    vm.set(stream, 2, Obj::small(0));
    Ok(stream)
}

/// The stream `self`, or TypeError.
fn stream(vm: &mut Vm<'_>, args: &[Obj]) -> R<(Obj, Obj, usize)> {
    let Some(&this) = args.first() else {
        return Err(vm.raise_msg(TypeId::TypeError, "missing self"));
    };
    if !matches!(vm.native_type(this), TypeId::StringIO | TypeId::BytesIO) {
        return Err(vm.type_error_for("expected a stream, not", this));
    }
    let buffer = vm.get(this, 1);
    let position = vm.get(this, 2).small_value().max(0) as usize;
    Ok((this, buffer, position))
}

fn result_type(vm: &Vm<'_>, this: Obj) -> TypeId {
    if vm.native_type(this) == TypeId::StringIO {
        TypeId::Str
    } else {
        TypeId::Bytes
    }
}

/// The size a stream's `read([size])` or `readline([size])` was given as
/// `args[index]`: `None` (no limit) when it is missing, None or negative.
pub(crate) fn read_size(vm: &mut Vm<'_>, args: &[Obj], index: usize) -> R<Option<usize>> {
    match args.get(index) {
        Some(&size) if !size.is_none() => Ok(usize::try_from(vm.to_i64(size)?).ok()),
        _ => Ok(None),
    }
}

/// The part of `data` (of `len` bytes) that `write(data[, max_len])` or
/// `write(data, offset, max_len)` (MicroPython's extension) writes:
/// `(offset, count)`.
pub(crate) fn write_span(vm: &mut Vm<'_>, args: &[Obj], len: usize) -> R<(usize, usize)> {
    // As MicroPython's generic stream `write` (its integers truncated to
    // `size_t`), a negative length asks for everything.
    let mut number = |index: usize| -> R<usize> {
        let value = vm.to_i64(args[index])?;
        Ok(usize::try_from(value).unwrap_or(usize::MAX))
    };
    let (offset, limit) = match args.len() {
        3 => (0, number(2)?),
        4 => (number(2)?.min(len), number(3)?),
        _ => (0, len),
    };
    Ok((offset, (len - offset).min(limit)))
}

fn write(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 4)?;
    let (this, mut buffer, position) = stream(vm, args)?;
    if vm.native_type(buffer) == TypeId::Bytes {
        // The first write copies the bytes the stream was made from.
        let copy = vm.new_buffer(TypeId::Buffer, vm.str_len(buffer))?;
        let mark = vm.root_mark();
        vm.push_root(copy)?;
        vm.buffer_push_obj(copy, buffer)?;
        vm.pop_roots(mark);
        vm.set(this, 1, copy);
        buffer = copy;
    }
    let data = args[1];
    let wanted_str = vm.native_type(this) == TypeId::StringIO;
    if wanted_str != vm.is_str(data) || !(vm.is_str(data) || vm.is_bytes_like(data)) {
        return Err(vm.type_error_for("can't write", data));
    }
    let data_len = vm.str_len(data);
    let (begin, len) = write_span(vm, args, data_len)?;
    let mut end = vm.str_len(buffer);
    // Written past the end (after a seek there), the gap reads as zero bytes.
    while end < position {
        let gap = [0u8; 64];
        let take = (position - end).min(gap.len());
        vm.buffer_push(buffer, &gap[..take])?;
        end += take;
    }
    let overlap = end.saturating_sub(position).min(len);
    // Overwrite the part before the end, then append the rest.
    for index in 0..overlap {
        let byte = vm.str_bytes(data)[begin + index];
        let at = vm.get_u(buffer, 3) + (position + index) as u32;
        vm.heap.bytes_mut(at, 1)[0] = byte;
    }
    if overlap < len {
        let mut chunk = [0u8; 64];
        let mut done = overlap;
        while done < len {
            let take = (len - done).min(64);
            chunk[..take].copy_from_slice(&vm.str_bytes(data)[begin + done..begin + done + take]);
            vm.buffer_push(buffer, &chunk[..take])?;
            done += take;
        }
    }
    vm.set(this, 2, Obj::small((position + len) as i32));
    vm.new_int(len as i64)
}

fn read(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let (this, buffer, position) = stream(vm, args)?;
    let end = vm.str_len(buffer);
    let start = position.min(end);
    let count = match args.get(1) {
        Some(&size) if !size.is_none() => vm.to_i64(size)?,
        _ => -1,
    };
    let stop = if count < 0 { end } else { (start + count as usize).min(end) };
    let type_id = result_type(vm, this);
    let piece = vm.str_slice(type_id, buffer, start, stop)?;
    vm.set(this, 2, Obj::small(stop as i32));
    Ok(piece)
}

pub fn readline(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let (this, buffer, position) = stream(vm, args)?;
    let end = vm.str_len(buffer);
    let start = position.min(end);
    let bytes = vm.str_bytes(buffer);
    let stop = bytes[start..end].iter().position(|&byte| byte == b'\n').map(|at| start + at + 1).unwrap_or(end);
    let type_id = result_type(vm, this);
    let piece = vm.str_slice(type_id, buffer, start, stop)?;
    vm.set(this, 2, Obj::small(stop as i32));
    Ok(piece)
}

fn getvalue(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let (this, buffer, _) = stream(vm, args)?;
    let end = vm.str_len(buffer);
    let type_id = result_type(vm, this);
    vm.str_slice(type_id, buffer, 0, end)
}

fn seek(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    let (this, buffer, position) = stream(vm, args)?;
    let end = vm.str_len(buffer);
    let target = seek_target(vm, args, position, end)?.min(i64::from(i32::MAX >> 2));
    vm.set(this, 2, Obj::small(target as i32));
    vm.new_int(target)
}

/// MicroPython's errno for an invalid argument.
const EINVAL: i32 = 22;

/// The position `seek(offset[, whence])` (`args[1..]`) asks for in a stream
/// at `position` of `len` bytes: from the start, the position (1) or the
/// end (any other whence, as MicroPython's streams take it). Before the
/// start is EINVAL, as for a file; the caller clamps the far end.
pub(crate) fn seek_target(vm: &mut Vm<'_>, args: &[Obj], position: usize, len: usize) -> R<i64> {
    let offset = vm.to_i64(args[1])?;
    let whence = match args.get(2) {
        Some(&value) => vm.to_i64(value)?,
        None => 0,
    };
    let base = match whence {
        0 => 0,
        1 => position as i64,
        _ => len as i64,
    };
    let target = base.saturating_add(offset);
    if target < 0 {
        return Err(crate::modules::vfs::raise_errno(vm, EINVAL));
    }
    Ok(target)
}

/// `with stream as name:` gives the stream itself (every stream type's
/// `__enter__`).
pub(crate) fn stream_enter(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    Ok(args[0])
}

/// `readinto(buffer)`: bytes from the position into a bytearray, as many
/// as fit and are left; their count.
fn readinto(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    let (this, buffer, position) = stream(vm, args)?;
    let target = args[1];
    if vm.native_type(target) != TypeId::ByteArray {
        return Err(vm.type_error_for("readinto needs a bytearray, not", target));
    }
    let end = vm.str_len(buffer);
    let mut count = vm.str_len(target).min(end.saturating_sub(position));
    if let Some(&limit) = args.get(2) {
        count = count.min(usize::try_from(vm.to_i64(limit)?).unwrap_or(0));
    }
    let from = vm.bytes_data_address(buffer) + position as u32;
    let to = vm.bytes_data_address(target);
    vm.copy_bytes(from, to, count);
    vm.set(this, 2, Obj::small((position + count) as i32));
    vm.new_int(count as i64)
}

fn tell(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let (_, _, position) = stream(vm, args)?;
    vm.new_int(position as i64)
}

fn close(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    Ok(Obj::NONE)
}

/// The end of a `with` block closes the stream.
fn exit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 4)?;
    close(vm, &args[..1], &[])
}
