//! `memoryview`: a window onto the bytes of a bytes or bytearray object that
//! does not copy them. Slicing a view gives another view onto the same
//! object; assigning through a view of a bytearray writes the bytearray.
//!
//! A native type with a `buffer` slot (a file of the read-only `/rom`
//! volume) gives its bytes object as the base.
//!
//! Layout (words): `type, base (bytes, bytearray or array, never a view),
//! byte offset, byte length`. The data address is looked up through the base
//! on every access, so a view stays valid when its bytearray grows (its
//! length is clamped when the bytearray shrinks). A view of an array has the
//! array's items (its offsets stay multiples of the item size); any other
//! view has bytes.

use super::{Obj, TypeId};
use crate::vm::{Vm, R};

impl Vm<'_> {
    /// `memoryview(obj)`.
    pub fn new_memoryview(&mut self, source: Obj) -> R<Obj> {
        let (base, offset, len) = match self.native_type(source) {
            TypeId::Bytes | TypeId::ByteArray | TypeId::Array => (source, 0, self.str_len(source) as u32),
            TypeId::MemoryView => (self.get(source, 1), self.get_u(source, 2), self.memoryview_len(source) as u32),
            other => match other.slot(|native| native.buffer) {
                Some(buffer) => {
                    let (base, len) = buffer(self, source);
                    (base, 0, len)
                }
                None => return Err(self.type_error_for("object with buffer protocol required, not", source)),
            },
        };
        self.make_view(base, offset, len)
    }

    fn make_view(&mut self, base: Obj, offset: u32, len: u32) -> R<Obj> {
        let mark = self.root_mark();
        self.push_root(base)?;
        let view = self.alloc_typed(TypeId::MemoryView, 4)?;
        self.pop_roots(mark);
        self.set(view, 1, base);
        self.set_u(view, 2, offset);
        self.set_u(view, 3, len);
        Ok(view)
    }

    /// The data address and byte length of a view (clamped to its base's current length).
    pub fn memoryview_data(&self, view: Obj) -> (u32, usize) {
        let base = self.get(view, 1);
        let (base_len, data) = match self.native_type(base) {
            TypeId::ByteArray | TypeId::Buffer | TypeId::Array => (self.get_u(base, 1), self.get_u(base, 3)),
            _ => (self.get_u(base, 2), self.get_u(base, 3)),
        };
        let offset = self.get_u(view, 2).min(base_len);
        let len = self.get_u(view, 3).min(base_len - offset);
        (data + offset, len as usize)
    }

    /// The byte length of a view.
    pub fn memoryview_len(&self, view: Obj) -> usize {
        self.memoryview_data(view).1
    }

    /// The size of one item of a view: an array's item size, or 1.
    fn memoryview_item_size(&self, view: Obj) -> usize {
        let base = self.get(view, 1);
        if self.native_type(base) == TypeId::Array {
            self.array_code(base).1
        } else {
            1
        }
    }

    /// The number of items of a view (what `len` gives).
    pub fn memoryview_items(&self, view: Obj) -> usize {
        self.memoryview_len(view) / self.memoryview_item_size(view)
    }

    /// `view[index]`: an int, or a view for a slice (step 1 only).
    pub fn memoryview_get(&mut self, view: Obj, index: Obj) -> R<Obj> {
        let size = self.memoryview_item_size(view);
        let len = self.memoryview_len(view) / size;
        if index.is_ptr() && self.native_type(index) == TypeId::Slice {
            let (start, stop, step) = self.slice_indices(index, len as i64)?;
            if step != 1 {
                return Err(
                    self.raise_msg(TypeId::NotImplementedError, "only slices with step=1 (aka None) are supported")
                );
            }
            let base = self.get(view, 1);
            let offset = self.get_u(view, 2) + (start as usize * size) as u32;
            let count = ((stop - start).max(0) as usize * size) as u32;
            return self.make_view(base, offset, count);
        }
        let position = self.seq_index(index, len as u32, "memoryview")?;
        // An array's items read as its typecode says ('b' is signed).
        if self.native_type(self.get(view, 1)) == TypeId::Array {
            let base = self.get(view, 1);
            let first = self.get_u(view, 2) as usize / size;
            return self.array_item(base, first + position as usize);
        }
        let (data, _) = self.memoryview_data(view);
        Ok(Obj::small(i32::from(self.bytes_at(data + position, 1).first().copied().unwrap_or(0))))
    }

    /// `view[index] = value`: a byte, or for a slice bytes of the same length.
    pub fn memoryview_set(&mut self, view: Obj, index: Obj, value: Obj) -> R<()> {
        let base = self.get(view, 1);
        if !matches!(self.native_type(base), TypeId::ByteArray | TypeId::Array) {
            return Err(self.raise_msg(TypeId::TypeError, "'memoryview' object doesn't support item assignment"));
        }
        let size = self.memoryview_item_size(view);
        if self.native_type(base) == TypeId::Array && !(index.is_ptr() && self.native_type(index) == TypeId::Slice) {
            let len = self.memoryview_items(view);
            let position = self.seq_index(index, len as u32, "memoryview")?;
            let first = self.get_u(view, 2) as usize / size;
            return self.array_set(base, Obj::small((first + position as usize) as i32), value);
        }
        if index.is_ptr() && self.native_type(index) == TypeId::Slice {
            let items = self.memoryview_items(view);
            let (start, stop, step) = self.slice_indices(index, items as i64)?;
            if step != 1 {
                return Err(
                    self.raise_msg(TypeId::NotImplementedError, "only slices with step=1 (aka None) are supported")
                );
            }
            return self.memoryview_assign_range(view, start as usize, stop.max(start) as usize, value);
        }
        let (data, len) = self.memoryview_data(view);
        let position = self.seq_index(index, len as u32, "memoryview")?;
        let byte = self.to_i64(value)?;
        if !(0..256).contains(&byte) {
            return Err(self.raise_msg(TypeId::ValueError, "value must be in range(0, 256)"));
        }
        self.heap.bytes_mut(data + position, 1).fill(byte as u8);
        Ok(())
    }

    /// `view[start:stop] = value` with the item bounds resolved (step 1),
    /// as MicroPython does it: `value` is a bytes object or a buffer with
    /// the view's item size, holding exactly as many items as it replaces.
    /// The copy allocates nothing and may overlap (`mv[1:] = mv[:-1]`).
    pub(crate) fn memoryview_assign_range(&mut self, view: Obj, start: usize, stop: usize, value: Obj) -> R<()> {
        let size = self.memoryview_item_size(view);
        let (source, source_len) = self.slice_assignment_source(value, size)?;
        if source_len != (stop - start) * size {
            return Err(self.raise_msg(TypeId::ValueError, "lhs and rhs should be compatible"));
        }
        let (data, _) = self.memoryview_data(view);
        self.copy_bytes(source, data + (start * size) as u32, source_len);
        Ok(())
    }

    /// The data address and byte length of `value` on the right of a slice
    /// assignment into a buffer whose items are `size` bytes: a bytes
    /// object (items of one byte) or a bytearray, array or memoryview of
    /// the same item size.
    pub(crate) fn slice_assignment_source(&mut self, value: Obj, size: usize) -> R<(u32, usize)> {
        let (item_size, source) = match self.native_type(value) {
            TypeId::MemoryView => (self.memoryview_item_size(value), self.memoryview_data(value)),
            TypeId::Array => (self.array_code(value).1, (self.get_u(value, 3), self.str_len(value))),
            TypeId::Bytes | TypeId::ByteArray => (1, (self.bytes_data_address(value), self.str_len(value))),
            _ => return Err(self.raise_msg(TypeId::NotImplementedError, "array/bytes required on right side")),
        };
        if item_size != size {
            return Err(self.raise_msg(TypeId::ValueError, "lhs and rhs should be compatible"));
        }
        Ok(source)
    }

    /// Whether `obj` is a writable buffer: a bytearray, an array, or a
    /// memoryview of one.
    pub fn is_writable_buffer(&self, obj: Obj) -> bool {
        obj.is_ptr()
            && match self.native_type(obj) {
                TypeId::ByteArray | TypeId::Array => true,
                TypeId::MemoryView => matches!(self.native_type(self.get(obj, 1)), TypeId::ByteArray | TypeId::Array),
                _ => false,
            }
    }

    /// `TypeError: object with buffer protocol required` unless `obj` is a
    /// writable buffer.
    pub fn require_writable_buffer(&mut self, obj: Obj) -> R<()> {
        if self.is_writable_buffer(obj) {
            return Ok(());
        }
        Err(self.raise_msg(TypeId::TypeError, "object with buffer protocol required"))
    }

    /// The data address of bytes, a bytearray or a view.
    pub fn bytes_data_address(&self, obj: Obj) -> u32 {
        match self.native_type(obj) {
            TypeId::MemoryView => self.memoryview_data(obj).0,
            _ => self.get_u(obj, 3),
        }
    }
}
