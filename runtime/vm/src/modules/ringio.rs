//! `micropython.RingIO`: a byte stream over a ring buffer, as MicroPython's
//! `py/objringio.c`. `RingIO(size)` makes a buffer of `size + 1` bytes,
//! `RingIO(bytearray)` uses the caller's bytes in place; either holds one
//! byte less than the buffer (2 to 65535 bytes). Writing stores as much as
//! fits and returns the count; reading takes what is there (`b''` when
//! empty, never blocking).
//!
//! Layout (words): `type, buffer (a bytearray or array), buffer length,
//! read index, write index`; the indices are small ints below the length.

use crate::builtins::{check_args, Handler};
use crate::native::NativeType;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

/// The type's slots: construction, the stream methods and MicroPython's `<RingIO>`.
pub static RINGIO_TYPE: NativeType = NativeType {
    methods: RINGIO_METHODS,
    make_new: Some(construct),
    print: Some(|vm, sink, _, _| vm.emit(sink, b"<RingIO>")),
    ..NativeType::EMPTY
};

static RINGIO_METHODS: &[(u16, Handler)] = &[
    (qstr_id("any"), any),
    (qstr_id("close"), close),
    (qstr_id("read"), read),
    (qstr_id("readinto"), readinto),
    (qstr_id("readline"), readline),
    (qstr_id("write"), write),
];

/// The data address and length of a writable buffer: a bytearray, an array
/// or a memoryview of one.
fn writable_buffer(vm: &Vm<'_>, target: Obj) -> Option<(u32, usize)> {
    if !target.is_ptr() {
        return None;
    }
    match vm.native_type(target) {
        TypeId::ByteArray | TypeId::Array => Some((vm.get_u(target, 3), vm.get_u(target, 1) as usize)),
        TypeId::MemoryView if matches!(vm.native_type(vm.get(target, 1)), TypeId::ByteArray | TypeId::Array) => {
            Some(vm.memoryview_data(target))
        }
        _ => None,
    }
}

/// `RingIO(size)` or `RingIO(buffer)`.
fn construct(vm: &mut Vm<'_>, _type_id: TypeId, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let (buffer, len) = match writable_buffer(vm, args[0]) {
        Some((_, len)) => (args[0], len as i64),
        None => {
            let len = vm.to_i64(args[0])?.saturating_add(1);
            if !(2..=i64::from(u16::MAX)).contains(&len) {
                return Err(vm.raise_type(TypeId::ValueError));
            }
            let buffer = vm.new_buffer(TypeId::ByteArray, len as usize)?;
            let data = vm.get_u(buffer, 3);
            vm.heap.bytes_mut(data, len as usize).fill(0);
            vm.set_u(buffer, 1, len as u32);
            (buffer, len)
        }
    };
    if !(2..=i64::from(u16::MAX)).contains(&len) {
        return Err(vm.raise_type(TypeId::ValueError));
    }
    let mark = vm.root_mark();
    vm.push_root(buffer)?;
    let ring = vm.alloc_typed(TypeId::RingIO, 5)?;
    vm.pop_roots(mark);
    vm.set(ring, 1, buffer);
    vm.set(ring, 2, Obj::small(len as i32));
    vm.set(ring, 3, Obj::small(0));
    vm.set(ring, 4, Obj::small(0));
    Ok(ring)
}

/// The ring's state: `(ring, data address, buffer length, read index, write index)`.
fn ring_state(vm: &mut Vm<'_>, args: &[Obj]) -> R<(Obj, u32, u32, u32, u32)> {
    let ring = args[0];
    if !ring.is_ptr() || vm.native_type(ring) != TypeId::RingIO {
        return Err(vm.type_error_for("expected RingIO, not", ring));
    }
    let buffer = vm.get(ring, 1);
    let size = vm.get(ring, 2).small_value() as u32;
    // A caller's bytearray may have shrunk since: the ring then reads nothing.
    let data = match writable_buffer(vm, buffer) {
        Some((data, len)) if len >= size as usize => data,
        _ => return Err(vm.raise_msg(TypeId::ValueError, "buffer changed size")),
    };
    let read_index = vm.get(ring, 3).small_value() as u32;
    let write_index = vm.get(ring, 4).small_value() as u32;
    Ok((ring, data, size, read_index, write_index))
}

/// How many bytes the ring holds.
fn available(size: u32, read_index: u32, write_index: u32) -> u32 {
    (write_index + size - read_index) % size
}

/// Takes up to `limit` bytes out of the ring into `into` (a heap address).
fn take(vm: &mut Vm<'_>, args: &[Obj], limit: usize, into: u32) -> R<usize> {
    let (ring, data, size, mut read_index, write_index) = ring_state(vm, args)?;
    let count = limit.min(available(size, read_index, write_index) as usize);
    for offset in 0..count as u32 {
        let byte = vm.bytes_at(data + read_index, 1).first().copied().unwrap_or(0);
        vm.heap.bytes_mut(into + offset, 1).fill(byte);
        read_index = (read_index + 1) % size;
    }
    vm.set(ring, 3, Obj::small(read_index as i32));
    Ok(count)
}

/// A new bytes object of up to `limit` bytes taken from the ring.
fn take_bytes(vm: &mut Vm<'_>, args: &[Obj], limit: usize, stop_at_newline: bool) -> R<Obj> {
    let (_, data, size, read_index, write_index) = ring_state(vm, args)?;
    let mut count = limit.min(available(size, read_index, write_index) as usize);
    if stop_at_newline {
        let newline = (0..count as u32).position(|offset| vm.bytes_at(data + (read_index + offset) % size, 1) == b"\n");
        count = newline.map_or(count, |position| position + 1);
    }
    let buffer = vm.new_buffer(TypeId::Buffer, count)?;
    let mark = vm.root_mark();
    vm.push_root(buffer)?;
    let into = vm.get_u(buffer, 3);
    let taken = take(vm, args, count, into)?;
    vm.set_u(buffer, 1, taken as u32);
    let made = vm.str_slice(TypeId::Bytes, buffer, 0, taken);
    vm.pop_roots(mark);
    made
}

/// An optional size argument: all (`usize::MAX`) when absent or negative.
fn size_argument(vm: &mut Vm<'_>, args: &[Obj], index: usize) -> R<usize> {
    match args.get(index) {
        Some(&value) if !value.is_none() => Ok(usize::try_from(vm.to_i64(value)?).unwrap_or(usize::MAX)),
        _ => Ok(usize::MAX),
    }
}

fn any(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let (_, _, size, read_index, write_index) = ring_state(vm, args)?;
    Ok(Obj::small(available(size, read_index, write_index) as i32))
}

fn close(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    ring_state(vm, args)?;
    Ok(Obj::NONE)
}

/// `read([size])`.
fn read(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let limit = size_argument(vm, args, 1)?;
    take_bytes(vm, args, limit, false)
}

/// `readline([size])`: up to and including the next newline.
fn readline(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let limit = size_argument(vm, args, 1)?;
    take_bytes(vm, args, limit, true)
}

/// `readinto(buffer[, size])`: the count of bytes read into the buffer.
fn readinto(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    let Some((into, len)) = writable_buffer(vm, args[1]) else {
        return Err(vm.type_error_for("object with buffer protocol required, not", args[1]));
    };
    let limit = size_argument(vm, args, 2)?.min(len);
    let count = take(vm, args, limit, into)?;
    Ok(Obj::small(count as i32))
}

/// `write(bytes[, max_len])`, `write(bytes, offset, max_len)`: stores what
/// fits and returns its count.
fn write(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 4)?;
    let (ring, data, size, read_index, mut write_index) = ring_state(vm, args)?;
    let source = args[1];
    if vm.buffer_code(source).is_none() {
        return Err(vm.type_error_for("object with buffer protocol required, not", source));
    }
    let free = size - 1 - available(size, read_index, write_index);
    let len = vm.str_len(source);
    let (begin, len) = super::io::write_span(vm, args, len)?;
    let count = len.min(free as usize);
    for offset in 0..count {
        let byte = vm.str_bytes(source).get(begin + offset).copied().unwrap_or(0);
        vm.heap.bytes_mut(data + write_index, 1).fill(byte);
        write_index = (write_index + 1) % size;
    }
    vm.set(ring, 4, Obj::small(write_index as i32));
    Ok(Obj::small(count as i32))
}
