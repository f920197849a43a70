//! Iteration: `iter()` and `next()` for every builtin iterable, and the lazy
//! iterator objects of the builtins (enumerate, zip, map, filter, reversed).
//!
//! Layouts (words):
//! * sequence iterator: `type, sequence, position` (a byte offset for str)
//! * range iterator: `type, next value, stop, step`
//! * dict iterator: `type, dict or set, entry index, kind (0 keys, 1 values, 2 items)`
//! * dict view: `type, dict, kind`
//! * enumerate: `type, iterator, count`; zip: `type, tuple of iterators`;
//!   map: `type, function, tuple of iterators`; filter: `type, function, iterator`;
//!   reversed: `type, sequence, remaining count`

use super::{Obj, TypeId};
use crate::vm::{Vm, R};

impl Vm<'_> {
    /// `iter(obj)`.
    pub fn get_iter(&mut self, obj: Obj) -> R<Obj> {
        let type_id = self.native_type(obj);
        // A class over a builtin may iterate its own way.
        if type_id != TypeId::Object && self.is_class_instance(obj) {
            if let Some(iterator) = self.call_special_unary(obj, q!("__iter__"))? {
                return Ok(iterator);
            }
        }
        let mark = self.root_mark();
        self.push_root(obj)?;
        let result = match type_id {
            TypeId::List | TypeId::Tuple | TypeId::Str | TypeId::Bytes | TypeId::ByteArray | TypeId::MemoryView => {
                let iterator = self.alloc_typed(TypeId::SeqIterator, 3)?;
                self.set(iterator, 1, obj);
                self.set(iterator, 2, Obj::small(0));
                iterator
            }
            TypeId::Range => {
                let iterator = self.alloc_typed(TypeId::RangeIterator, 4)?;
                for index in 1..4 {
                    let value = self.get(obj, index);
                    self.set(iterator, index, value);
                }
                iterator
            }
            TypeId::Dict | TypeId::Set | TypeId::FrozenSet => self.new_dict_iterator(obj, 0)?,
            TypeId::DictView => {
                let map = self.get(obj, 1);
                let kind = self.get(obj, 2).small_value() as u32;
                self.new_dict_iterator(map, kind)?
            }
            type_id if is_builtin_iterator_type(type_id) => obj,
            type_id if type_id.slot(|native| native.get_iter).is_some() => {
                let get_iter = type_id.slot(|native| native.get_iter);
                get_iter.map_or(Ok(obj), |get_iter| get_iter(self, obj))?
            }
            _ => match self.call_special_unary(obj, q!("__iter__"))? {
                Some(iterator) => iterator,
                None => {
                    if self.lookup_special(obj, q!("__getitem__"))?.is_some() {
                        let iterator = self.alloc_typed(TypeId::SeqIterator, 3)?;
                        self.set(iterator, 1, obj);
                        self.set(iterator, 2, Obj::small(0));
                        self.pop_roots(mark);
                        return Ok(iterator);
                    }
                    self.pop_roots(mark);
                    return Err(self.type_error_object(obj, "isn't iterable"));
                }
            },
        };
        self.pop_roots(mark);
        Ok(result)
    }

    fn new_dict_iterator(&mut self, map: Obj, kind: u32) -> R<Obj> {
        let iterator = self.alloc_typed(TypeId::DictIterator, 4)?;
        self.set(iterator, 1, map);
        self.set(iterator, 2, Obj::small(0));
        self.set(iterator, 3, Obj::small(kind as i32));
        Ok(iterator)
    }

    /// [`Vm::iter_next`] for the dispatch loop's `FOR_ITER` over an iterator
    /// object (a generator expression's is always one): the iterators of
    /// ranges, lists and tuples are stepped here, in a function much
    /// smaller than `iter_next`, whose entry and exit cost more than their
    /// step.
    #[inline(never)]
    pub(crate) fn for_iter_next(&mut self, iterator: Obj) -> R<Option<Obj>> {
        let type_word = self.heap.try_word(iterator.0);
        if type_word == Some(TypeId::RangeIterator.addr()) {
            return Ok(self.range_iterator_step(iterator));
        }
        if type_word == Some(TypeId::SeqIterator.addr()) {
            if let Some(items) = self.seq_items(self.get(iterator, 1)) {
                return Ok(self.seq_iterator_step(iterator, items));
            }
        }
        self.iter_next(iterator)
    }

    /// The next number of a range iterator (`None` past its end).
    #[inline(always)]
    fn range_iterator_step(&mut self, iterator: Obj) -> Option<Obj> {
        let current = self.get(iterator, 1).small_value();
        let stop = self.get(iterator, 2).small_value();
        let step = self.get(iterator, 3).small_value();
        if (step > 0 && current >= stop) || (step < 0 && current <= stop) {
            return None;
        }
        let next = (i64::from(current) + i64::from(step)).clamp(i64::from(i32::MIN >> 1), i64::from(i32::MAX >> 1));
        self.set(iterator, 1, Obj::small(next as i32));
        Some(Obj::small(current))
    }

    /// The next item of a sequence iterator over a list or tuple whose
    /// items are `items` (`None` past its end).
    #[inline(always)]
    fn seq_iterator_step(&mut self, iterator: Obj, items: (u32, u32)) -> Option<Obj> {
        let position = self.get(iterator, 2).small_value() as u32;
        if position >= items.1 {
            return None;
        }
        self.set(iterator, 2, Obj::small(position as i32 + 1));
        Some(self.seq_item_at(items, position))
    }

    /// `next(iterator)`: `None` when exhausted (no StopIteration object is made).
    pub fn iter_next(&mut self, iterator: Obj) -> R<Option<Obj>> {
        match self.native_type(iterator) {
            TypeId::SeqIterator => {
                let sequence = self.get(iterator, 1);
                let position = self.get(iterator, 2).small_value() as u32;
                match self.native_type(sequence) {
                    TypeId::List | TypeId::Tuple => {
                        let Some(items) = self.seq_items(sequence) else { return Ok(None) };
                        Ok(self.seq_iterator_step(iterator, items))
                    }
                    TypeId::Str => {
                        let (start, end, first) = {
                            let bytes = self.str_bytes(sequence);
                            let start = position as usize;
                            if start >= bytes.len() {
                                return Ok(None);
                            }
                            let mut end = start + 1;
                            while end < bytes.len() && bytes[end] & 0xc0 == 0x80 {
                                end += 1;
                            }
                            (start, end, bytes[start])
                        };
                        self.set(iterator, 2, Obj::small(end as i32));
                        if end == start + 1 && first.is_ascii() {
                            // MicroPython interns each one-character step.
                            return self.ascii_char_str(first).map(Some);
                        }
                        self.str_slice(TypeId::Str, sequence, start, end).map(Some)
                    }
                    TypeId::MemoryView => {
                        self.set(iterator, 2, Obj::small(position as i32 + 1));
                        if (position as usize) < self.memoryview_items(sequence) {
                            self.memoryview_get(sequence, Obj::small(position as i32)).map(Some)
                        } else {
                            Ok(None)
                        }
                    }
                    TypeId::Array => {
                        if position as usize >= self.array_len(sequence) {
                            return Ok(None);
                        }
                        self.set(iterator, 2, Obj::small(position as i32 + 1));
                        self.array_item(sequence, position as usize).map(Some)
                    }
                    TypeId::Bytes | TypeId::ByteArray => {
                        let byte = self.str_bytes(sequence).get(position as usize).copied();
                        self.set(iterator, 2, Obj::small(position as i32 + 1));
                        Ok(byte.map(|byte| Obj::small(i32::from(byte))))
                    }
                    _ => {
                        // The old-style protocol: __getitem__ until IndexError.
                        self.set(iterator, 2, Obj::small(position as i32 + 1));
                        match self.subscr_get(sequence, Obj::small(position as i32)) {
                            Ok(item) => Ok(Some(item)),
                            Err(raised) => {
                                if self.exception_matches(self.exc, TypeId::IndexError.obj())
                                    || self.exception_matches(self.exc, TypeId::StopIteration.obj())
                                {
                                    self.exc = Obj::NULL;
                                    Ok(None)
                                } else {
                                    Err(raised)
                                }
                            }
                        }
                    }
                }
            }
            TypeId::RangeIterator => Ok(self.range_iterator_step(iterator)),
            TypeId::DictIterator => {
                let map = self.get(iterator, 1);
                let position = self.get(iterator, 2).small_value() as u32;
                let Some((entry, key, value)) = self.map_next(map, position) else { return Ok(None) };
                self.set(iterator, 2, Obj::small(entry as i32 + 1));
                match self.get(iterator, 3).small_value() {
                    0 => Ok(Some(key)),
                    1 => Ok(Some(value)),
                    _ => self.new_tuple(&[key, value]).map(Some),
                }
            }
            TypeId::Enumerate => {
                let inner = self.get(iterator, 1);
                let Some(item) = self.iter_next(inner)? else { return Ok(None) };
                let count = self.get(iterator, 2);
                let next = self.binary_op(super::num::OP_ADD, count, Obj::small(1))?;
                self.set(iterator, 2, next);
                let mark = self.root_mark();
                self.push_root(item)?;
                let pair = self.new_tuple(&[count, item])?;
                self.pop_roots(mark);
                Ok(Some(pair))
            }
            TypeId::Zip => {
                let iterators = self.get(iterator, 1);
                let count = self.tuple_len(iterators);
                if count == 0 {
                    return Ok(None);
                }
                let result = self.alloc_tuple(count as usize)?;
                let mark = self.root_mark();
                self.push_root(result)?;
                for index in 0..count {
                    let inner = self.tuple_item(iterators, index);
                    match self.iter_next(inner)? {
                        Some(item) => self.set(result, 2 + index, item),
                        None => {
                            self.pop_roots(mark);
                            return Ok(None);
                        }
                    }
                }
                self.pop_roots(mark);
                Ok(Some(result))
            }
            TypeId::Map => {
                let function = self.get(iterator, 1);
                let iterators = self.get(iterator, 2);
                let count = self.tuple_len(iterators) as usize;
                let mut arguments = [Obj::NULL; 8];
                let mark = self.root_mark();
                for index in 0..count.min(8) {
                    let inner = self.tuple_item(iterators, index as u32);
                    match self.iter_next(inner)? {
                        Some(item) => {
                            arguments[index] = item;
                            self.push_root(item)?;
                        }
                        None => {
                            self.pop_roots(mark);
                            return Ok(None);
                        }
                    }
                }
                let result = self.call(function, &arguments[..count.min(8)], &[])?;
                self.pop_roots(mark);
                Ok(Some(result))
            }
            TypeId::Filter => {
                let function = self.get(iterator, 1);
                let inner = self.get(iterator, 2);
                loop {
                    let Some(item) = self.iter_next(inner)? else { return Ok(None) };
                    let mark = self.root_mark();
                    self.push_root(item)?;
                    let keep = if function.is_none() {
                        self.truthy(item)?
                    } else {
                        let verdict = self.call(function, &[item], &[])?;
                        self.truthy(verdict)?
                    };
                    self.pop_roots(mark);
                    if keep {
                        return Ok(Some(item));
                    }
                }
            }
            TypeId::Reversed => {
                let sequence = self.get(iterator, 1);
                let remaining = self.get(iterator, 2).small_value();
                if remaining <= 0 {
                    return Ok(None);
                }
                self.set(iterator, 2, Obj::small(remaining - 1));
                let index = remaining - 1;
                // A range's and an exact list's or tuple's items are read
                // directly; anything else (a list that shrank too) goes
                // through subscription, which raises as it should.
                match self.native_type(sequence) {
                    TypeId::Range => {
                        let start = i64::from(self.get(sequence, 1).small_value());
                        let step = i64::from(self.get(sequence, 3).small_value());
                        return Ok(Some(Obj::small((start + i64::from(index) * step) as i32)));
                    }
                    TypeId::List | TypeId::Tuple
                        if self.type_of(sequence) == TypeId::List.obj()
                            || self.type_of(sequence) == TypeId::Tuple.obj() =>
                    {
                        if let Some(items) = self.seq_items(sequence).filter(|items| (index as u32) < items.1) {
                            return Ok(Some(self.seq_item_at(items, index as u32)));
                        }
                    }
                    _ => {}
                }
                self.subscr_get(sequence, Obj::small(index)).map(Some)
            }
            TypeId::Generator => self.generator_next(iterator),
            type_id => {
                if let Some(next) = type_id.slot(|native| native.iter_next) {
                    return next(self, iterator);
                }
                let Some(method) = self.lookup_special(iterator, q!("__next__"))? else {
                    return Err(self.type_error_for("object is not an iterator:", iterator));
                };
                match self.call(method, &[iterator], &[]) {
                    Ok(item) => Ok(Some(item)),
                    Err(raised) => {
                        if self.exception_matches(self.exc, TypeId::StopIteration.obj()) {
                            self.next_stop_iteration = self.exc;
                            self.exc = Obj::NULL;
                            Ok(None)
                        } else {
                            Err(raised)
                        }
                    }
                }
            }
        }
    }

    /// Unpacks an iterable into exactly `out.len()` items (the source must be rooted).
    pub fn unpack_into(&mut self, iterable: Obj, out: &mut [Obj]) -> R<()> {
        if let Some(items) = self.seq_items(iterable) {
            if items.1 as usize != out.len() {
                return Err(self.unpack_error(items.1 as usize, out.len()));
            }
            for (index, slot) in out.iter_mut().enumerate() {
                *slot = self.seq_item_at(items, index as u32);
            }
            return Ok(());
        }
        let mark = self.root_mark();
        let iterator = self.get_iter(iterable)?;
        self.push_root(iterator)?;
        for index in 0..out.len() {
            match self.iter_next(iterator)? {
                Some(item) => {
                    out[index] = item;
                    self.push_root(item)?;
                }
                None => {
                    self.pop_roots(mark);
                    return Err(self.unpack_error(index, out.len()));
                }
            }
        }
        if self.iter_next(iterator)?.is_some() {
            self.pop_roots(mark);
            return Err(self.unpack_error(out.len() + 1, out.len()));
        }
        self.pop_roots(mark);
        Ok(())
    }

    fn unpack_error(&mut self, got: usize, wanted: usize) -> crate::vm::Raised {
        if got > wanted {
            self.raise_fmt(TypeId::ValueError, format_args!("too many values to unpack (expected {wanted})"))
        } else {
            self.raise_fmt(TypeId::ValueError, format_args!("need more than {got} values to unpack"))
        }
    }

    /// A list of every item of an iterable.
    pub fn list_from_iterable(&mut self, iterable: Obj) -> R<Obj> {
        let mark = self.root_mark();
        self.push_root(iterable)?;
        let list = self.new_list(4)?;
        self.push_root(list)?;
        self.list_extend(list, iterable)?;
        self.pop_roots(mark);
        Ok(list)
    }
}

/// Whether instances of the builtin type `type_id` are their own iterators
/// (`iter(it)` is `it`, and `next` advances it).
pub(crate) fn is_builtin_iterator_type(type_id: TypeId) -> bool {
    matches!(
        type_id,
        TypeId::SeqIterator
            | TypeId::RangeIterator
            | TypeId::DictIterator
            | TypeId::Enumerate
            | TypeId::Zip
            | TypeId::Map
            | TypeId::Filter
            | TypeId::Reversed
            | TypeId::Generator
    ) || type_id.slot(|native| native.iter_next).is_some()
}
