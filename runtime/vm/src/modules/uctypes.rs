//! The `uctypes` module: structured access to raw memory, following
//! MicroPython's descriptors and constants (`UINT8 … FLOAT64`, bit fields,
//! `ARRAY`, `PTR`, the `LITTLE_ENDIAN`, `BIG_ENDIAN` and `NATIVE` layouts),
//! with `struct`, `sizeof`, `addressof` and `bytes_at`.
//!
//! Addresses are the VM's own 32-bit addresses (see `ARCHITECTURE.md`), so
//! `uctypes.struct(uctypes.addressof(buffer), descriptor)` reads and writes
//! the buffer. Every access is bounds-checked: memory outside the heap and
//! the image reads as an error, and only the heap can be written. A struct
//! object is four words: its type, the address (a plain word, which also
//! keeps a heap buffer whose data starts there alive), the descriptor dict
//! and the layout.
//!
//! Differences from MicroPython: an array of `UINT8` or `INT8` fields reads
//! as a `bytes` copy (MicroPython gives a `bytearray` aliasing the memory),
//! other arrays of scalars as a tuple copy, so writing through them raises
//! instead of changing memory; arrays of structs give struct objects that do
//! alias it. Pointer fields and `bytearray_at` are not provided.

use crate::builtins::{check_args, Handler};
use crate::native::{NativeModule, NativeType};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

const LAYOUT_LITTLE_ENDIAN: i32 = 0;
const LAYOUT_BIG_ENDIAN: i32 = 1;
const LAYOUT_NATIVE: i32 = 2;

/// Scalar types, as stored in bits 27–30 of a field descriptor.
const UINT8: u32 = 0;
const INT8: u32 = 1;
const UINT16: u32 = 2;
const INT16: u32 = 3;
const UINT32: u32 = 4;
const INT32: u32 = 5;
const UINT64: u32 = 6;
const INT64: u32 = 7;
const BFUINT8: u32 = 8;
const BFINT32: u32 = 13;
const FLOAT32: u32 = 14;
const FLOAT64: u32 = 15;

/// Aggregate types, as stored in bits 29–30 of an aggregate's first item.
const AGG_STRUCT: u32 = 0;
const AGG_PTR: u32 = 1;
const AGG_ARRAY: u32 = 2;

const OFFSET_MASK: u32 = (1 << 17) - 1;
const BITFIELD_POSITION: u32 = 17;
const BITFIELD_LENGTH: u32 = 22;

/// Word indices of a struct object.
const STRUCT_ADDRESS: u32 = 1;
const STRUCT_DESCRIPTOR: u32 = 2;
const STRUCT_LAYOUT: u32 = 3;

/// MicroPython's encoding of a type number in the top `bits` bits of a small int.
const fn type_constant(number: u32, bits: u32) -> i32 {
    ((number << (32 - bits)) as i32) >> 1
}

static CONSTANTS: &[(&str, i32)] = &[
    ("ARRAY", type_constant(AGG_ARRAY, 2)),
    ("BFINT16", type_constant(11, 4)),
    ("BFINT32", type_constant(BFINT32, 4)),
    ("BFINT8", type_constant(9, 4)),
    ("BFUINT16", type_constant(10, 4)),
    ("BFUINT32", type_constant(12, 4)),
    ("BFUINT8", type_constant(BFUINT8, 4)),
    ("BF_LEN", BITFIELD_LENGTH as i32),
    ("BF_POS", BITFIELD_POSITION as i32),
    ("BIG_ENDIAN", LAYOUT_BIG_ENDIAN),
    ("FLOAT32", type_constant(FLOAT32, 4)),
    ("FLOAT64", type_constant(FLOAT64, 4)),
    ("INT", type_constant(INT32, 4)),
    ("INT16", type_constant(INT16, 4)),
    ("INT32", type_constant(INT32, 4)),
    ("INT64", type_constant(INT64, 4)),
    ("INT8", type_constant(INT8, 4)),
    ("LITTLE_ENDIAN", LAYOUT_LITTLE_ENDIAN),
    ("LONG", type_constant(INT32, 4)),
    ("LONGLONG", type_constant(INT64, 4)),
    ("NATIVE", LAYOUT_NATIVE),
    ("PTR", type_constant(AGG_PTR, 2)),
    ("SHORT", type_constant(INT16, 4)),
    ("UINT", type_constant(UINT32, 4)),
    ("UINT16", type_constant(UINT16, 4)),
    ("UINT32", type_constant(UINT32, 4)),
    ("UINT64", type_constant(UINT64, 4)),
    ("UINT8", type_constant(UINT8, 4)),
    ("ULONG", type_constant(UINT32, 4)),
    ("ULONGLONG", type_constant(UINT64, 4)),
    ("USHORT", type_constant(UINT16, 4)),
    ("VOID", type_constant(UINT8, 4)),
];

/// A `uctypes.struct`: its fields are attributes read from and written to memory.
pub static STRUCT_TYPE: NativeType = NativeType {
    load_attr: Some(|vm, record, name| load_field(vm, record, name).map(Some)),
    store_attr: Some(store_field),
    ..NativeType::EMPTY
};

pub static MODULE: NativeModule =
    NativeModule { name: "uctypes", functions: FUNCTIONS, constants: &[], attr: Some(constant) };

/// A constant of the `uctypes` module (its layout codes and type descriptors).
fn constant(vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
    let text = vm.qstr_bytes(name);
    Ok(CONSTANTS.iter().find(|(each, _)| each.as_bytes() == text).map(|(_, value)| Obj::small(*value)))
}

static FUNCTIONS: &[(&str, Handler)] = &[
    ("addressof", uctypes_addressof),
    ("bytes_at", uctypes_bytes_at),
    ("sizeof", uctypes_sizeof),
    ("struct", uctypes_struct),
];

/// The size in bytes of scalar type `kind`.
fn scalar_size(kind: u32) -> u32 {
    match kind {
        UINT8 | INT8 => 1,
        UINT16 | INT16 => 2,
        UINT32 | INT32 | FLOAT32 => 4,
        UINT64 | INT64 | FLOAT64 => 8,
        _ => 1 << ((kind - BFUINT8) / 2),
    }
}

fn scalar_kind(descriptor: u32) -> u32 {
    (descriptor >> 27) & 0xf
}

/// A descriptor word (a small int) as its raw 32 bits.
fn descriptor_word(vm: &mut Vm<'_>, value: Obj) -> R<u32> {
    Ok(vm.to_i64(value)? as u32)
}

/// The aggregate type and offset of a tuple field's first item, and the tuple's items.
fn aggregate(vm: &mut Vm<'_>, field: Obj) -> R<(u32, u32, (u32, u32))> {
    let Some(items) = vm.seq_items(field).filter(|items| items.1 >= 2) else {
        return Err(vm.raise_msg(TypeId::TypeError, "uctypes: a field is an int or a tuple of 2 or 3 items"));
    };
    let first = vm.seq_item_at(items, 0);
    let first = descriptor_word(vm, first)?;
    Ok(((first >> 29) & 3, first & OFFSET_MASK, items))
}

/// The size of a descriptor dict and the size of its largest scalar (for alignment).
fn descriptor_size(vm: &mut Vm<'_>, descriptor: Obj, layout: i32, depth: u32) -> R<(u32, u32)> {
    if vm.native_type(descriptor) != TypeId::Dict || depth > 16 {
        return Err(vm.raise_msg(TypeId::TypeError, "uctypes: a struct descriptor is a dict"));
    }
    let (mut size, mut largest) = (0u32, 1u32);
    let mut index = 0;
    while let Some((found, _, field)) = vm.map_next(descriptor, index) {
        index = found + 1;
        let (end, align) = if field.is_small() || vm.is_int(field) {
            let word = descriptor_word(vm, field)?;
            let bytes = scalar_size(scalar_kind(word));
            ((word & OFFSET_MASK) + bytes, bytes)
        } else {
            let (kind, offset, items) = aggregate(vm, field)?;
            let second = vm.seq_item_at(items, 1);
            match kind {
                AGG_STRUCT => {
                    let (inner, align) = descriptor_size(vm, second, layout, depth + 1)?;
                    (offset + inner, align)
                }
                AGG_PTR => (offset + 4, 4),
                _ if items.1 >= 3 => {
                    let count = descriptor_word(vm, second)? & 0x07ff_ffff;
                    let element = vm.seq_item_at(items, 2);
                    let (inner, align) = descriptor_size(vm, element, layout, depth + 1)?;
                    (offset + count.saturating_mul(inner), align)
                }
                _ => {
                    let word = descriptor_word(vm, second)?;
                    let bytes = scalar_size(scalar_kind(word));
                    (offset + (word & 0x07ff_ffff).saturating_mul(bytes), bytes)
                }
            }
        };
        size = size.max(end);
        largest = largest.max(align);
    }
    if layout == LAYOUT_NATIVE {
        size = size.div_ceil(largest) * largest;
    }
    Ok((size, largest))
}

fn new_struct(vm: &mut Vm<'_>, address: u32, descriptor: Obj, layout: i32) -> R<Obj> {
    let mark = vm.root_mark();
    vm.push_root(descriptor)?;
    let made = vm.alloc_typed(TypeId::UctypesStruct, 4)?;
    vm.pop_roots(mark);
    vm.set_u(made, STRUCT_ADDRESS, address);
    vm.set(made, STRUCT_DESCRIPTOR, descriptor);
    vm.set(made, STRUCT_LAYOUT, Obj::small(layout));
    Ok(made)
}

/// `struct(address, descriptor, layout=NATIVE)`.
fn uctypes_struct(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    let address = vm.to_i64(args[0])? as u32;
    let layout = match args.get(2) {
        Some(&value) => vm.to_i64(value)? as i32,
        None => LAYOUT_NATIVE,
    };
    if vm.native_type(args[1]) != TypeId::Dict {
        return Err(vm.raise_msg(TypeId::TypeError, "uctypes: a struct descriptor is a dict"));
    }
    new_struct(vm, address, args[1], layout)
}

/// `sizeof(struct or descriptor, layout=NATIVE)`.
fn uctypes_sizeof(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let (descriptor, mut layout) = if vm.native_type(args[0]) == TypeId::UctypesStruct {
        (vm.get(args[0], STRUCT_DESCRIPTOR), vm.get(args[0], STRUCT_LAYOUT).small_value())
    } else {
        (args[0], LAYOUT_NATIVE)
    };
    if let Some(&value) = args.get(1) {
        layout = vm.to_i64(value)? as i32;
    }
    let (size, _) = descriptor_size(vm, descriptor, layout, 0)?;
    vm.new_int(i64::from(size))
}

/// `addressof(buffer)`: the address of a bytes, bytearray, array or memoryview's data.
fn uctypes_addressof(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let buffer = args[0];
    let address = match vm.native_type(buffer) {
        TypeId::Bytes | TypeId::ByteArray | TypeId::Array if !buffer.is_qstr() => vm.bytes_data_address(buffer),
        TypeId::MemoryView => vm.memoryview_data(buffer).0,
        _ => return Err(vm.type_error_for("object with buffer protocol required, not", buffer)),
    };
    vm.new_int(i64::from(address))
}

/// Raises unless `len` bytes at `address` are readable.
fn check_readable(vm: &mut Vm<'_>, address: u32, len: usize) -> R<()> {
    if vm.bytes_at(address, len).len() != len {
        return Err(vm.raise_msg(TypeId::ValueError, "uctypes: address out of range"));
    }
    Ok(())
}

/// `bytes_at(address, size)`: a copy of the memory.
fn uctypes_bytes_at(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let address = vm.to_i64(args[0])? as u32;
    let len = vm.to_i64(args[1])?.max(0) as usize;
    copy_bytes_at(vm, address, len)
}

fn copy_bytes_at(vm: &mut Vm<'_>, address: u32, len: usize) -> R<Obj> {
    check_readable(vm, address, len)?;
    let mark = vm.root_mark();
    let buffer = vm.new_buffer(TypeId::Buffer, len)?;
    vm.push_root(buffer)?;
    let mut piece = [0u8; 64];
    let mut done = 0;
    while done < len {
        let count = (len - done).min(piece.len());
        piece[..count].copy_from_slice(vm.bytes_at(address + done as u32, count));
        vm.buffer_push(buffer, &piece[..count])?;
        done += count;
    }
    let made = vm.buffer_finish(buffer, TypeId::Bytes);
    vm.pop_roots(mark);
    made
}

/// Reads an unsigned integer of `size` bytes in the struct's byte order.
fn read_unsigned(vm: &mut Vm<'_>, address: u32, size: u32, big_endian: bool) -> R<u64> {
    check_readable(vm, address, size as usize)?;
    let bytes = vm.bytes_at(address, size as usize);
    let mut value = 0u64;
    for index in 0..size as usize {
        let byte = if big_endian { bytes[index] } else { bytes[size as usize - 1 - index] };
        value = (value << 8) | u64::from(byte);
    }
    Ok(value)
}

fn write_unsigned(vm: &mut Vm<'_>, address: u32, size: u32, big_endian: bool, value: u64) -> R<()> {
    let target = vm.heap.bytes_mut(address, size as usize);
    if target.len() != size as usize {
        return Err(vm.raise_msg(TypeId::ValueError, "uctypes: address out of range"));
    }
    for index in 0..size as usize {
        let byte = (value >> (8 * index)) as u8;
        let at = if big_endian { size as usize - 1 - index } else { index };
        target[at] = byte;
    }
    Ok(())
}

/// A scalar field's value.
fn read_scalar(vm: &mut Vm<'_>, base: u32, descriptor: u32, big_endian: bool) -> R<Obj> {
    let kind = scalar_kind(descriptor);
    let size = scalar_size(kind);
    let raw = read_unsigned(vm, base + (descriptor & OFFSET_MASK), size, big_endian)?;
    let bits = 8 * size;
    let value = match kind {
        FLOAT32 => return vm.new_float(f64::from(f32::from_bits(raw as u32))),
        FLOAT64 => return vm.new_float(f64::from_bits(raw)),
        BFUINT8.. => {
            let position = (descriptor >> BITFIELD_POSITION) & 0x1f;
            let length = (descriptor >> BITFIELD_LENGTH) & 0x1f;
            let field = (raw >> position) & ((1u64 << length) - 1);
            if kind % 2 == 1 && length > 0 && field >> (length - 1) != 0 {
                field as i64 - (1i64 << length)
            } else {
                field as i64
            }
        }
        _ if kind % 2 == 1 && bits < 64 && raw >> (bits - 1) != 0 => raw as i64 - (1i64 << bits),
        _ => raw as i64,
    };
    if kind == UINT64 && value < 0 {
        let big = crate::obj::bigint::Big::from_u64(raw);
        return vm.new_big(&big);
    }
    vm.new_int(value)
}

fn write_scalar(vm: &mut Vm<'_>, base: u32, descriptor: u32, big_endian: bool, value: Obj) -> R<()> {
    let kind = scalar_kind(descriptor);
    let size = scalar_size(kind);
    let address = base + (descriptor & OFFSET_MASK);
    let raw = match kind {
        FLOAT32 | FLOAT64 => {
            let Some(number) = vm.to_f64(value) else {
                return Err(vm.type_error_for("can't convert to float:", value));
            };
            if kind == FLOAT32 {
                u64::from((number as f32).to_bits())
            } else {
                number.to_bits()
            }
        }
        BFUINT8.. => {
            let position = (descriptor >> BITFIELD_POSITION) & 0x1f;
            let length = (descriptor >> BITFIELD_LENGTH) & 0x1f;
            let mask = ((1u64 << length) - 1) << position;
            let old = read_unsigned(vm, address, size, big_endian)?;
            (old & !mask) | (((vm.to_i64(value)? as u64) << position) & mask)
        }
        _ => vm.to_i64(value)? as u64,
    };
    write_unsigned(vm, address, size, big_endian, raw)
}

/// The descriptor of field `name` of a struct; KeyError when there is none.
fn field_of(vm: &mut Vm<'_>, record: Obj, name: Obj) -> R<Obj> {
    let descriptor = vm.get(record, STRUCT_DESCRIPTOR);
    match vm.map_get(descriptor, name)? {
        Some(field) => Ok(field),
        None => {
            let exc = vm.new_exception(TypeId::KeyError.obj(), &[name])?;
            Err(vm.raise(exc))
        }
    }
}

/// `record.name`: a scalar's value, a nested struct, or an array's items.
fn load_field(vm: &mut Vm<'_>, record: Obj, name: Obj) -> R<Obj> {
    let field = field_of(vm, record, name)?;
    let base = vm.get_u(record, STRUCT_ADDRESS);
    let layout = vm.get(record, STRUCT_LAYOUT).small_value();
    let big_endian = layout == LAYOUT_BIG_ENDIAN;
    if field.is_small() || vm.is_int(field) {
        let word = descriptor_word(vm, field)?;
        return read_scalar(vm, base, word, big_endian);
    }
    let (kind, offset, items) = aggregate(vm, field)?;
    let second = vm.seq_item_at(items, 1);
    match kind {
        AGG_STRUCT => new_struct(vm, base + offset, second, layout),
        AGG_ARRAY if items.1 >= 3 => {
            let count = descriptor_word(vm, second)? & 0x07ff_ffff;
            let element = vm.seq_item_at(items, 2);
            let (size, _) = descriptor_size(vm, element, layout, 0)?;
            let mark = vm.root_mark();
            let list = vm.new_list(count as usize)?;
            vm.push_root(list)?;
            for index in 0..count {
                let item = new_struct(vm, base + offset + index * size, element, layout)?;
                vm.list_append(list, item)?;
            }
            vm.pop_roots(mark);
            Ok(list)
        }
        AGG_ARRAY => {
            let word = descriptor_word(vm, second)?;
            let element_kind = scalar_kind(word);
            let count = word & 0x07ff_ffff;
            if element_kind == UINT8 || element_kind == INT8 {
                return copy_bytes_at(vm, base + offset, count as usize);
            }
            let size = scalar_size(element_kind);
            let tuple = vm.alloc_tuple(count as usize)?;
            let mark = vm.root_mark();
            vm.push_root(tuple)?;
            for index in 0..count {
                let element = (element_kind << 27) | ((offset + index * size) & OFFSET_MASK);
                let value = read_scalar(vm, base, element, big_endian)?;
                vm.set(tuple, 2 + index, value);
            }
            vm.pop_roots(mark);
            Ok(tuple)
        }
        _ => Err(vm.raise_msg(TypeId::NotImplementedError, "uctypes pointers")),
    }
}

/// `record.name = value` for a scalar field.
fn store_field(vm: &mut Vm<'_>, record: Obj, name: Obj, value: Obj) -> R<()> {
    let field = field_of(vm, record, name)?;
    if !(field.is_small() || vm.is_int(field)) {
        return Err(vm.raise_msg(TypeId::TypeError, "uctypes: only scalar fields can be assigned"));
    }
    let word = descriptor_word(vm, field)?;
    let base = vm.get_u(record, STRUCT_ADDRESS);
    let big_endian = vm.get(record, STRUCT_LAYOUT).small_value() == LAYOUT_BIG_ENDIAN;
    write_scalar(vm, base, word, big_endian, value)
}
