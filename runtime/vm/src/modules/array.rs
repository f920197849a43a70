//! The `array` module: typed arrays of numbers packed into bytes, with the
//! typecodes `b B h H i I l L q Q f d` (native sizes of the boards, little
//! endian) and MicroPython's `O` (objects), `P` and `S` (pointer-sized
//! ints). An array exposes its bytes through the buffer protocol, so
//! `bytes(a)`, `memoryview(a)` and `struct.unpack_from(fmt, a)` see them.
//! `+`, `+=`, `extend`, comparisons and `in` follow MicroPython's
//! `objarray.c`: buffers concatenate byte for byte, comparisons need
//! compatible typecodes (else `NotImplementedError`).
//!
//! Layout (words): `type, byte length, capacity, data address, typecode`; the
//! first four words are the bytearray layout, so the byte-buffer helpers
//! (`buffer_push`, `str_bytes`) work on arrays unchanged.

use crate::builtins::{check_args, Handler};
use crate::native::{NativeModule, NativeType};
use crate::obj::repr::{Sink, Style};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::opcode::binary;
use rime_bytecode::qstr_runtime::qstr_id;

/// `array.array`: a typecode and its items packed in a byte buffer.
pub static ARRAY_TYPE: NativeType = NativeType {
    methods: ARRAY_METHODS,
    make_new: Some(construct),
    len: Some(|vm, array| vm.array_len(array)),
    subscr_get: Some(|vm, array, index| vm.array_get(array, index)),
    subscr_set: Some(|vm, array, index, value| vm.array_set(array, index, value)),
    // The sequence iterator reads one item at a time (`obj/iter.rs`).
    get_iter: Some(|vm, array| {
        let iterator = vm.with_roots(&[array], |vm| vm.alloc_typed(TypeId::SeqIterator, 3))?;
        vm.set(iterator, 1, array);
        vm.set(iterator, 2, Obj::small(0));
        Ok(iterator)
    }),
    print: Some(print),
    ..NativeType::EMPTY
};

static ARRAY_METHODS: &[(u16, Handler)] = &[(qstr_id("append"), append), (qstr_id("extend"), extend)];

pub static MODULE: NativeModule =
    NativeModule { name: "array", functions: &[], constants: &[("array", TypeId::Array.obj())], attr: None };

/// The item size of a typecode, or None when it is not one.
fn item_size(code: u8) -> Option<usize> {
    Some(match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'l' | b'L' | b'f' | b'O' | b'P' | b'S' => 4,
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

impl Vm<'_> {
    /// The typecode and item size of an array.
    pub fn array_code(&self, array: Obj) -> (u8, usize) {
        let code = self.get(array, 4).small_value() as u8;
        (code, item_size(code).unwrap_or(1))
    }

    /// The number of items of an array.
    pub fn array_len(&self, array: Obj) -> usize {
        let (_, size) = self.array_code(array);
        self.get_u(array, 1) as usize / size
    }

    /// Item `index` (in range) of an array.
    pub fn array_item(&mut self, array: Obj, index: usize) -> R<Obj> {
        let (code, size) = self.array_code(array);
        let mut raw = [0u8; 8];
        let data = self.get_u(array, 3) + (index * size) as u32;
        raw[..size].copy_from_slice(self.bytes_at(data, size));
        match code {
            b'f' => self.new_float(f64::from(f32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]))),
            b'd' => self.new_float(f64::from_le_bytes(raw)),
            // The conservative collector keeps an object stored here alive.
            b'O' => Ok(Obj(u32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]))),
            b'b' | b'h' | b'i' | b'l' | b'q' | b'P' | b'S' => {
                let shift = 64 - 8 * size as u32;
                self.new_int(((u64::from_le_bytes(raw) << shift) as i64) >> shift)
            }
            _ => {
                let value = u64::from_le_bytes(raw);
                if value <= i64::MAX as u64 {
                    self.new_int(value as i64)
                } else {
                    self.new_big(&crate::obj::bigint::Big::from_u64(value))
                }
            }
        }
    }

    /// The bytes of one item of `code` holding `value`.
    fn array_encode(&mut self, code: u8, value: Obj) -> R<[u8; 8]> {
        if code == b'O' {
            let mut raw = [0u8; 8];
            raw[..4].copy_from_slice(&value.0.to_le_bytes());
            return Ok(raw);
        }
        if code == b'f' || code == b'd' {
            let number = self.float_of(value)?;
            let mut raw = [0u8; 8];
            if code == b'f' {
                raw[..4].copy_from_slice(&(number as f32).to_le_bytes());
            } else {
                raw = number.to_le_bytes();
            }
            return Ok(raw);
        }
        if self.is_float(value) {
            return Err(self.raise_msg(TypeId::TypeError, "can't convert float to int"));
        }
        Ok(super::structs::int_bits(self, value)?.to_le_bytes())
    }

    /// The typecode of an object's buffer: an array's own, that of the array
    /// a memoryview shows, `B` for other bytes; None without a buffer.
    pub fn buffer_code(&self, obj: Obj) -> Option<u8> {
        if !obj.is_ptr() && !obj.is_qstr() {
            return None;
        }
        match self.native_type(obj) {
            TypeId::Array => Some(self.array_code(obj).0),
            TypeId::MemoryView => match self.get(obj, 1) {
                base if self.native_type(base) == TypeId::Array => Some(self.array_code(base).0),
                _ => Some(b'B'),
            },
            TypeId::Bytes | TypeId::ByteArray | TypeId::Str => Some(b'B'),
            _ => None,
        }
    }

    /// `left op right` for `==` and the orderings with an array on one side
    /// and a buffer on the other: their bytes compared when the typecodes
    /// agree but for signedness (and, to order, are unsigned), not for
    /// floats; else `NotImplementedError`. False when `right` has no buffer,
    /// None when `left` has none.
    pub fn array_compare(&mut self, op: u8, left: Obj, right: Obj) -> R<Option<bool>> {
        let Some(left_code) = self.buffer_code(left) else { return Ok(None) };
        let Some(right_code) = self.buffer_code(right) else { return Ok(Some(false)) };
        let unsigned = left_code.is_ascii_uppercase() || right_code.is_ascii_uppercase();
        let code = left_code.to_ascii_lowercase();
        if code == right_code.to_ascii_lowercase() && code != b'f' && code != b'd' && (op == binary::EQUAL || unsigned)
        {
            let ordering = self.str_bytes(left).cmp(self.str_bytes(right));
            return Ok(Some(crate::obj::num::compare_result(op, ordering)));
        }
        Err(self.raise_type(TypeId::NotImplementedError))
    }

    /// `item in array`: another buffer is never found (only a bytearray is
    /// searched for bytes), a number is `NotImplementedError`.
    pub fn array_contains(&mut self, item: Obj) -> R<bool> {
        if self.buffer_code(item).is_none() && (self.is_int(item) || self.is_float(item)) {
            return Err(self.raise_type(TypeId::NotImplementedError));
        }
        Ok(false)
    }

    /// `array + buffer` (a new array of the left's typecode holding both
    /// sides' bytes, as many whole items as the right holds) and
    /// `array += iterable` (`extend`).
    pub fn array_add(&mut self, left: Obj, right: Obj, inplace: bool) -> R<Obj> {
        if inplace {
            extend_from(self, left, right)?;
            return Ok(left);
        }
        if self.buffer_code(right).is_none() {
            return Err(self.type_error_for("object with buffer protocol required, not", right));
        }
        let (code, _) = self.array_code(left);
        let made = new_array(self, code)?;
        let mark = self.root_mark();
        self.push_root(made)?;
        self.buffer_push_obj(made, left)?;
        push_raw(self, made, right)?;
        self.pop_roots(mark);
        Ok(made)
    }

    /// Appends one item to an array.
    pub fn array_append(&mut self, array: Obj, value: Obj) -> R<()> {
        let (code, size) = self.array_code(array);
        let raw = self.array_encode(code, value)?;
        self.buffer_push(array, &raw[..size])
    }

    /// `array[index]`: an item, or a new array for a slice.
    pub fn array_get(&mut self, array: Obj, index: Obj) -> R<Obj> {
        let len = self.array_len(array);
        if index.is_ptr() && self.native_type(index) == TypeId::Slice {
            let (start, stop, step) = self.slice_indices(index, len as i64)?;
            let (code, size) = self.array_code(array);
            let made = new_array(self, code)?;
            let mark = self.root_mark();
            self.push_root(made)?;
            let mut position = start;
            while (step > 0 && position < stop) || (step < 0 && position > stop) {
                let mut raw = [0u8; 8];
                let data = self.get_u(array, 3) + (position as usize * size) as u32;
                raw[..size].copy_from_slice(self.bytes_at(data, size));
                self.buffer_push(made, &raw[..size])?;
                position += step;
            }
            self.pop_roots(mark);
            return Ok(made);
        }
        let position = self.seq_index(index, len as u32, "array")?;
        self.array_item(array, position as usize)
    }

    /// `array[index] = value`.
    pub fn array_set(&mut self, array: Obj, index: Obj, value: Obj) -> R<()> {
        let len = self.array_len(array);
        let position = self.seq_index(index, len as u32, "array")?;
        let (code, size) = self.array_code(array);
        let raw = self.array_encode(code, value)?;
        let data = self.get_u(array, 3) + (position as usize * size) as u32;
        self.heap.bytes_mut(data, size).copy_from_slice(&raw[..size]);
        Ok(())
    }
}

/// An empty array of `code`.
fn new_array(vm: &mut Vm<'_>, code: u8) -> R<Obj> {
    let buffer = vm.new_buffer(TypeId::Buffer, 8)?;
    let mark = vm.root_mark();
    vm.push_root(buffer)?;
    let array = vm.alloc_typed(TypeId::Array, 5)?;
    vm.pop_roots(mark);
    for index in 1..4 {
        let word = vm.get(buffer, index);
        vm.set(array, index, word);
    }
    vm.set(array, 4, Obj::small(i32::from(code)));
    Ok(array)
}

/// `array('h', [1, 2])`, or `array('h')` when empty.
fn print(vm: &mut Vm<'_>, sink: Sink, array: Obj, depth: u32) -> R<()> {
    let (code, _) = vm.array_code(array);
    vm.emit_fmt(sink, format_args!("array('{}'", code as char))?;
    let len = vm.array_len(array);
    for index in 0..len {
        vm.emit(sink, if index == 0 { b", [" } else { b", " })?;
        let item = vm.array_item(array, index)?;
        vm.print_nested(sink, item, Style::Repr, depth + 1)?;
    }
    vm.emit(sink, if len == 0 { b")" } else { b"])" })
}

/// `array(typecode[, iterable])`.
fn construct(vm: &mut Vm<'_>, _type_id: TypeId, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let code = match vm.str_bytes(args[0]) {
        [code] if item_size(*code).is_some() => *code,
        _ => return Err(vm.raise_msg(TypeId::ValueError, "bad typecode")),
    };
    let array = new_array(vm, code)?;
    let mark = vm.root_mark();
    vm.push_root(array)?;
    match args.get(1) {
        // Only bytes and bytearray initialise an array raw; arrays and
        // views are read item by item, as MicroPython's `array_construct`.
        Some(&source) if vm.is_bytes_like(source) => push_raw(vm, array, source)?,
        Some(&source) => fill(vm, array, source)?,
        None => {}
    }
    vm.pop_roots(mark);
    Ok(array)
}

/// Appends the bytes of a buffer, as many whole items as they hold.
fn push_raw(vm: &mut Vm<'_>, array: Obj, source: Obj) -> R<()> {
    let (_, size) = vm.array_code(array);
    let before = vm.get_u(array, 1);
    vm.buffer_push_obj(array, source)?;
    let added = vm.get_u(array, 1) - before;
    vm.set_u(array, 1, before + added / size as u32 * size as u32);
    Ok(())
}

/// `array.extend(source)`: a buffer (MicroPython's extension to CPython)
/// byte for byte, anything else item by item.
fn extend_from(vm: &mut Vm<'_>, array: Obj, source: Obj) -> R<()> {
    if vm.buffer_code(source).is_some() {
        return push_raw(vm, array, source);
    }
    fill(vm, array, source)
}

/// Appends every item of `source`.
fn fill(vm: &mut Vm<'_>, array: Obj, source: Obj) -> R<()> {
    let iterator = vm.get_iter(source)?;
    let mark = vm.root_mark();
    vm.push_root(iterator)?;
    while let Some(item) = vm.iter_next(iterator)? {
        vm.array_append(array, item)?;
    }
    vm.pop_roots(mark);
    Ok(())
}

fn expect_array(vm: &mut Vm<'_>, args: &[Obj]) -> R<Obj> {
    match args.first() {
        Some(&this) if vm.native_type(this) == TypeId::Array => Ok(this),
        _ => Err(vm.raise_msg(TypeId::TypeError, "expected an array")),
    }
}

fn append(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let array = expect_array(vm, args)?;
    vm.array_append(array, args[1])?;
    Ok(Obj::NONE)
}

fn extend(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let array = expect_array(vm, args)?;
    extend_from(vm, array, args[1])?;
    Ok(Obj::NONE)
}
