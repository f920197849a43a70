//! Tuples, lists, ranges, slices and cells.
//!
//! Layouts (words):
//! * tuple: `type, length, item…`
//! * list: `type, length, capacity, items address` (items in their own block)
//! * range: `type, start, stop, step` (small ints)
//! * slice: `type, start, stop, step` (objects, None when absent)
//! * cell: `type, content`

use super::{Obj, Singleton, TypeId};
use crate::vm::{Vm, R};

impl Vm<'_> {
    // ---- tuple --------------------------------------------------------

    /// A tuple of `items`. The items must be rooted by the caller, except
    /// for up to eight which this roots itself.
    pub fn new_tuple(&mut self, items: &[Obj]) -> R<Obj> {
        if items.is_empty() {
            return Ok(Singleton::EmptyTuple.obj());
        }
        let mark = self.root_mark();
        if items.len() <= 8 {
            for item in items {
                self.push_root(*item)?;
            }
        }
        let tuple = self.alloc_typed(TypeId::Tuple, 2 + items.len())?;
        self.pop_roots(mark);
        self.set_u(tuple, 1, items.len() as u32);
        for (index, item) in items.iter().enumerate() {
            self.set(tuple, 2 + index as u32, *item);
        }
        Ok(tuple)
    }

    /// A tuple of `len` items, all None, to fill in.
    pub fn alloc_tuple(&mut self, len: usize) -> R<Obj> {
        if len == 0 {
            return Ok(Singleton::EmptyTuple.obj());
        }
        let tuple = self.alloc_typed(TypeId::Tuple, 2 + len)?;
        self.set_u(tuple, 1, len as u32);
        for index in 0..len {
            self.set(tuple, 2 + index as u32, Obj::NONE);
        }
        Ok(tuple)
    }

    #[inline]
    pub fn tuple_len(&self, tuple: Obj) -> u32 {
        self.get_u(tuple, 1)
    }

    #[inline]
    pub fn tuple_item(&self, tuple: Obj, index: u32) -> Obj {
        self.get(tuple, 2 + index)
    }

    // ---- list ---------------------------------------------------------

    /// An empty list with room for `capacity` items.
    pub fn new_list(&mut self, capacity: usize) -> R<Obj> {
        let list = self.alloc_typed(TypeId::List, 4)?;
        let capacity = capacity.max(4);
        let mark = self.root_mark();
        self.push_root(list)?;
        let items = self.alloc(capacity)?;
        self.pop_roots(mark);
        self.set_u(list, 1, 0);
        self.set_u(list, 2, capacity as u32);
        self.set(list, 3, items);
        Ok(list)
    }

    /// A list of `items` (which the caller keeps rooted).
    pub fn new_list_from(&mut self, items: &[Obj]) -> R<Obj> {
        let list = self.new_list(items.len())?;
        let data = self.get(list, 3);
        for (index, item) in items.iter().enumerate() {
            self.set(data, index as u32, *item);
        }
        self.set_u(list, 1, items.len() as u32);
        Ok(list)
    }

    #[inline]
    pub fn list_len(&self, list: Obj) -> u32 {
        self.get_u(list, 1)
    }

    #[inline]
    pub fn list_item(&self, list: Obj, index: u32) -> Obj {
        let items = self.get(list, 3);
        self.get(items, index)
    }

    #[inline]
    pub fn list_set_item(&mut self, list: Obj, index: u32, value: Obj) {
        let items = self.get(list, 3);
        self.set(items, index, value);
    }

    /// Ensures room for `extra` more items.
    pub fn list_reserve(&mut self, list: Obj, extra: u32) -> R<()> {
        let len = self.list_len(list);
        let capacity = self.get_u(list, 2);
        if len + extra <= capacity {
            return Ok(());
        }
        let new_capacity = (len + extra).max(capacity + capacity / 2 + 4);
        let mark = self.root_mark();
        self.push_root(list)?;
        let items = self.alloc(new_capacity as usize)?;
        self.pop_roots(mark);
        let old = self.get(list, 3);
        self.copy_bytes(old.0, items.0, 4 * len as usize);
        self.free(old);
        self.set(list, 3, items);
        self.set_u(list, 2, new_capacity);
        Ok(())
    }

    /// `list.append(item)`; `item` must be rooted.
    pub fn list_append(&mut self, list: Obj, item: Obj) -> R<()> {
        let len = self.list_len(list);
        if len < self.get_u(list, 2) {
            // Room left: nothing is allocated, so nothing needs rooting.
            self.list_set_item(list, len, item);
            self.set_u(list, 1, len + 1);
            return Ok(());
        }
        let mark = self.root_mark();
        self.push_root(item)?;
        self.list_reserve(list, 1)?;
        self.pop_roots(mark);
        let len = self.list_len(list);
        self.list_set_item(list, len, item);
        self.set_u(list, 1, len + 1);
        Ok(())
    }

    /// Inserts at `index` (0..=len).
    pub fn list_insert(&mut self, list: Obj, index: u32, item: Obj) -> R<()> {
        let mark = self.root_mark();
        self.push_root(item)?;
        self.list_reserve(list, 1)?;
        self.pop_roots(mark);
        let len = self.list_len(list);
        let index = index.min(len);
        let items = self.get(list, 3);
        self.heap.copy_within(items.0 + 4 * index, items.0 + 4 * (index + 1), 4 * (len - index) as usize);
        self.set(items, index, item);
        self.set_u(list, 1, len + 1);
        Ok(())
    }

    /// Removes and returns item `index` (which must be in range).
    pub fn list_remove_at(&mut self, list: Obj, index: u32) -> Obj {
        let len = self.list_len(list);
        let items = self.get(list, 3);
        let item = self.get(items, index);
        self.heap.copy_within(items.0 + 4 * (index + 1), items.0 + 4 * index, 4 * (len - index - 1) as usize);
        self.set(items, len - 1, Obj::NULL);
        self.set_u(list, 1, len - 1);
        item
    }

    /// The items of a tuple or list: `(first item address, count)`.
    #[inline]
    pub fn seq_items(&self, seq: Obj) -> Option<(u32, u32)> {
        if !seq.is_ptr() {
            return None;
        }
        // Exact lists and tuples are told by their type word alone. Lists
        // and tuples made at run time are heap words; a frozen tuple is in
        // the image.
        if let Some(type_word) = self.heap.try_word(seq.0) {
            if type_word == TypeId::List.addr() {
                return Some((self.heap.word(seq.0 + 12), self.heap.word(seq.0 + 4)));
            }
            if type_word == TypeId::Tuple.addr() {
                return Some((seq.0 + 8, self.heap.word(seq.0 + 4)));
            }
        }
        let type_obj = self.get(seq, 0);
        if type_obj == TypeId::Tuple.obj() {
            return Some((seq.0 + 8, self.tuple_len(seq)));
        }
        match self.native_type_of_type(type_obj) {
            TypeId::Tuple => Some((seq.0 + 8, self.tuple_len(seq))),
            TypeId::List => Some((self.get_u(seq, 3), self.list_len(seq))),
            _ => None,
        }
    }

    /// Item `index` of a sequence given by [`Vm::seq_items`].
    #[inline]
    pub fn seq_item_at(&self, items: (u32, u32), index: u32) -> Obj {
        Obj(self.word(items.0 + 4 * index))
    }

    // ---- range, slice, cell -------------------------------------------

    pub fn new_range(&mut self, start: i32, stop: i32, step: i32) -> R<Obj> {
        let range = self.alloc_typed(TypeId::Range, 4)?;
        self.set(range, 1, Obj::small(start));
        self.set(range, 2, Obj::small(stop));
        self.set(range, 3, Obj::small(step));
        Ok(range)
    }

    /// The number of items of a range.
    pub fn range_len(&self, range: Obj) -> i64 {
        let start = i64::from(self.get(range, 1).small_value());
        let stop = i64::from(self.get(range, 2).small_value());
        let step = i64::from(self.get(range, 3).small_value());
        if step > 0 && stop > start {
            (stop - start + step - 1) / step
        } else if step < 0 && stop < start {
            (start - stop - step - 1) / -step
        } else {
            0
        }
    }

    pub fn new_slice(&mut self, start: Obj, stop: Obj, step: Obj) -> R<Obj> {
        let slice = self.alloc_typed(TypeId::Slice, 4)?;
        self.set(slice, 1, start);
        self.set(slice, 2, stop);
        self.set(slice, 3, step);
        Ok(slice)
    }

    /// Resolves a slice against a sequence length: `(start, stop, step)`
    /// with Python's clamping rules.
    pub fn slice_indices(&mut self, slice: Obj, len: i64) -> R<(i64, i64, i64)> {
        let step_obj = self.get(slice, 3);
        let step = if step_obj.is_none() { 1 } else { self.to_i64(step_obj)? };
        if step == 0 {
            return Err(self.raise_msg(TypeId::ValueError, "slice step cannot be zero"));
        }
        let clamp = |value: i64, low: i64, high: i64| value.max(low).min(high);
        let resolve = |vm: &mut Self, obj: Obj, default: i64, low: i64, high: i64| -> R<i64> {
            if obj.is_none() {
                return Ok(default);
            }
            let mut value = vm.to_i64(obj)?;
            if value < 0 {
                value += len;
            }
            Ok(clamp(value, low, high))
        };
        let (start, stop) = if step > 0 {
            (resolve(self, self.get(slice, 1), 0, 0, len)?, resolve(self, self.get(slice, 2), len, 0, len)?)
        } else {
            (
                resolve(self, self.get(slice, 1), len - 1, -1, len - 1)?,
                resolve(self, self.get(slice, 2), -1, -1, len - 1)?,
            )
        };
        Ok((start, stop, step))
    }

    pub fn new_cell(&mut self, content: Obj) -> R<Obj> {
        let mark = self.root_mark();
        self.push_root(content)?;
        let cell = self.alloc_typed(TypeId::Cell, 2)?;
        self.pop_roots(mark);
        self.set(cell, 1, content);
        Ok(cell)
    }

    /// Normalises a sequence index (negative from the end); raises IndexError.
    pub fn seq_index(&mut self, index: Obj, len: u32, what: &str) -> R<u32> {
        let value = if index.is_small() {
            i64::from(index.small_value())
        } else if index == Obj::TRUE || index == Obj::FALSE {
            i64::from(index == Obj::TRUE)
        } else if self.is_a(index, TypeId::Int) {
            return Err(self.raise_fmt(TypeId::IndexError, format_args!("{what} index out of range")));
        } else {
            let name = self.type_name(index);
            let name = self.qstr_str(name);
            let mut copy = [0u8; 40];
            let len = name.len().min(40);
            copy[..len].copy_from_slice(&name.as_bytes()[..len]);
            let name = core::str::from_utf8(&copy[..len]).unwrap_or("?");
            return Err(self.raise_fmt(TypeId::TypeError, format_args!("{what} indices must be integers, not {name}")));
        };
        let resolved = if value < 0 { value + i64::from(len) } else { value };
        if resolved < 0 || resolved >= i64::from(len) {
            return Err(self.raise_fmt(TypeId::IndexError, format_args!("{what} index out of range")));
        }
        Ok(resolved as u32)
    }
}
