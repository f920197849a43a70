//! Binary operators on every builtin type, and subscripts (`x[i]`,
//! `x[i] = v`, `del x[i]`, slices).

use super::binop_fast::small_int_binary;
use super::num::*;
use super::{Obj, TypeId};
use crate::vm::{Vm, R};

use rime_bytecode::opcode::binary;

impl Vm<'_> {
    /// `left op right` for any MicroPython binary operator number.
    #[inline]
    pub fn binary_op(&mut self, op: u8, left: Obj, right: Obj) -> R<Obj> {
        // Two small ints whose result is a small int (bit operations, shifts,
        // products, floor division and modulo, comparisons): no call, no
        // allocation, no big-int conversion.
        if left.is_small() && right.is_small() {
            if let Some(result) = small_int_binary(op, left.small_value(), right.small_value()) {
                return Ok(result);
            }
        }
        self.binary_op_general(op, left, right)
    }

    /// A str that is not an instance of a subclass of str.
    fn is_exact_str(&self, obj: Obj) -> bool {
        obj.is_qstr() || (obj.is_ptr() && self.get(obj, 0) == TypeId::Str.obj())
    }

    /// [`Vm::binary_op`] for every operand but two small ints with a small result.
    #[inline(never)]
    fn binary_op_general(&mut self, op: u8, left: Obj, right: Obj) -> R<Obj> {
        // Two exact strs compared (`ch == 'A'`, `s1 > s2`): their bytes
        // decide, as in `compare`, without looking for ordering or equality
        // methods first (a str subclass takes the general path).
        if (OP_LESS..=OP_NOT_EQUAL).contains(&op) && self.is_exact_str(left) && self.is_exact_str(right) {
            let ordering = if left == right {
                core::cmp::Ordering::Equal
            } else {
                self.str_bytes(left).cmp(self.str_bytes(right))
            };
            return Ok(Obj::from_bool(compare_result(op, ordering)));
        }
        if let Some(result) = self.float_binary_fast(op, left, right) {
            return result;
        }
        match op {
            OP_LESS | OP_MORE | OP_LESS_EQUAL | OP_MORE_EQUAL => {
                // A class's ordering method gives its own result, not a bool;
                // when it declines, the operator is an error (MicroPython
                // reflects no comparison).
                let method = super::ops::ordering_method(op);
                let mut declined = false;
                if let Some(result) = self.call_special_binary(left, method, right)? {
                    if result != super::Singleton::NotImplemented.obj() {
                        return Ok(result);
                    }
                    declined = true;
                }
                if declined {
                    return Err(self.binary_type_error(super::ops::static_name(method), left, right));
                }
                return self.compare(op, left, right).map(Obj::from_bool);
            }
            OP_EQUAL | OP_NOT_EQUAL if self.is_class_instance(left) || self.is_class_instance(right) => {
                return self.class_equality(op, left, right)
            }
            OP_LESS..=OP_NOT_EQUAL => return self.compare(op, left, right).map(Obj::from_bool),
            OP_IN => return self.contains(right, left).map(Obj::from_bool),
            OP_IS => return Ok(Obj::from_bool(left == right)),
            OP_EXCEPTION_MATCH => {
                // `except X:` needs an exception class or a tuple of them.
                let is_exception_type =
                    |vm: &Self, obj: Obj| vm.is_type(obj) && vm.native_type_of_type(obj).is_exception();
                // A tuple's items are checked in order up to the first match.
                if self.native_type(right) == TypeId::Tuple && !self.is_type(right) {
                    for index in 0..self.tuple_len(right) {
                        let item = self.tuple_item(right, index);
                        if !is_exception_type(self, item) {
                            return Err(self.binary_type_error("", left, item));
                        }
                        if self.exception_matches(left, item) {
                            return Ok(Obj::TRUE);
                        }
                    }
                    return Ok(Obj::FALSE);
                }
                if !is_exception_type(self, right) {
                    return Err(self.binary_type_error("", left, right));
                }
                return Ok(Obj::from_bool(self.exception_matches(left, right)));
            }
            _ => {}
        }
        let inplace = (binary::INPLACE_OR..=binary::INPLACE_POWER).contains(&op);
        let op = if inplace { op + binary::INPLACE_OFFSET } else { op };
        if left.is_small() && right.is_small() {
            if let Some(result) = self.int_binary(op, left, right)? {
                return Ok(result);
            }
        }
        if let Some(result) = self.number_binary(op, left, right)? {
            return Ok(result);
        }
        let left_type = self.native_type(left);
        let right_type = self.native_type(right);
        match (op, left_type, right_type) {
            (OP_ADD, TypeId::Str, TypeId::Str) | (OP_ADD, TypeId::Bytes, TypeId::Bytes) => {
                return self.concat_str(left_type, left, right)
            }
            (
                OP_ADD,
                TypeId::Bytes | TypeId::ByteArray,
                TypeId::Bytes | TypeId::ByteArray | TypeId::MemoryView | TypeId::Array,
            ) => return self.concat_bytes(left, right, inplace),
            (OP_ADD, TypeId::Array, _) => return self.array_add(left, right, inplace),
            (OP_ADD, TypeId::Tuple, TypeId::Tuple) => return self.concat_seq(TypeId::Tuple, left, right),
            (OP_ADD, TypeId::List, TypeId::List) => {
                if inplace {
                    self.list_extend(left, right)?;
                    return Ok(left);
                }
                return self.concat_seq(TypeId::List, left, right);
            }
            (OP_MUL, TypeId::Str | TypeId::Bytes | TypeId::Tuple | TypeId::List, TypeId::Int | TypeId::Bool) => {
                return self.repeat(left, right)
            }
            (OP_MUL, TypeId::Int | TypeId::Bool, TypeId::Str | TypeId::Bytes | TypeId::Tuple | TypeId::List) => {
                return self.repeat(right, left)
            }
            (OP_MOD, TypeId::Str | TypeId::Bytes, _) => return crate::builtins::percent_format(self, left, right),
            (OP_OR | OP_AND | OP_SUB | OP_XOR, TypeId::Set | TypeId::FrozenSet, TypeId::Set | TypeId::FrozenSet) => {
                return self.set_binary(op, left, right, inplace)
            }
            (OP_OR, TypeId::Dict, TypeId::Dict) => {
                let result = if inplace { left } else { self.map_copy(left, TypeId::Dict)? };
                let mark = self.root_mark();
                self.push_root(result)?;
                self.dict_update(result, right)?;
                self.pop_roots(mark);
                return Ok(result);
            }
            (OP_ADD, TypeId::List, _) if inplace => {
                self.list_extend(left, right)?;
                return Ok(left);
            }
            _ => {}
        }
        let index = (op - OP_OR) as usize;
        let names: [[Obj; 13]; 3] = [
            [
                q!("__or__"),
                q!("__xor__"),
                q!("__and__"),
                q!("__lshift__"),
                q!("__rshift__"),
                q!("__add__"),
                q!("__sub__"),
                q!("__mul__"),
                q!("__matmul__"),
                q!("__floordiv__"),
                q!("__truediv__"),
                q!("__mod__"),
                q!("__pow__"),
            ],
            [
                q!("__ior__"),
                q!("__ixor__"),
                q!("__iand__"),
                q!("__ilshift__"),
                q!("__irshift__"),
                q!("__iadd__"),
                q!("__isub__"),
                q!("__imul__"),
                q!("__imatmul__"),
                q!("__ifloordiv__"),
                q!("__itruediv__"),
                q!("__imod__"),
                q!("__ipow__"),
            ],
            [
                q!("__ror__"),
                q!("__rxor__"),
                q!("__rand__"),
                q!("__rlshift__"),
                q!("__rrshift__"),
                q!("__radd__"),
                q!("__rsub__"),
                q!("__rmul__"),
                q!("__rmatmul__"),
                q!("__rfloordiv__"),
                q!("__rtruediv__"),
                q!("__rmod__"),
                q!("__rpow__"),
            ],
        ];
        if index < 13 {
            if inplace {
                if let Some(result) = self.call_special_binary(left, names[1][index], right)? {
                    if result != super::Singleton::NotImplemented.obj() {
                        return Ok(result);
                    }
                }
            }
            if let Some(result) = self.call_special_binary(left, names[0][index], right)? {
                if result != super::Singleton::NotImplemented.obj() {
                    return Ok(result);
                }
            }
            if let Some(result) = self.call_special_binary(right, names[2][index], left)? {
                if result != super::Singleton::NotImplemented.obj() {
                    return Ok(result);
                }
            }
        }
        // MicroPython names the plain operator even for an in-place one.
        let method = names[0].get(index).map_or("", |name| super::ops::static_name(*name));
        Err(self.binary_type_error(method, left, right))
    }

    /// `==` or `!=` with an instance of a Python class on either side, as
    /// MicroPython's operators: the left operand's method and then the right
    /// one's, whose result is the operator's as it is (`!=` without `__ne__`
    /// is `__eq__` negated); when neither has one, the operands compare as
    /// [`Vm::compare`] does.
    fn class_equality(&mut self, op: u8, left: Obj, right: Obj) -> R<Obj> {
        let not_implemented = super::Singleton::NotImplemented.obj();
        let mut declined = false;
        for (first, second) in [(left, right), (right, left)] {
            if !self.is_class_instance(first) {
                continue;
            }
            if op == OP_NOT_EQUAL {
                if let Some(result) = self.call_special_binary(first, q!("__ne__"), second)? {
                    if result != not_implemented {
                        return Ok(result);
                    }
                    declined = true;
                }
            }
            if let Some(result) = self.call_special_binary(first, q!("__eq__"), second)? {
                if result != not_implemented {
                    return Ok(if op == OP_EQUAL { result } else { Obj::from_bool(!self.truthy(result)?) });
                }
                declined = true;
            }
        }
        if declined {
            return Ok(Obj::from_bool((left == right) == (op == OP_EQUAL)));
        }
        self.compare(op, left, right).map(Obj::from_bool)
    }

    fn concat_str(&mut self, type_id: TypeId, left: Obj, right: Obj) -> R<Obj> {
        let left_len = self.str_len(left);
        let right_len = self.str_len(right);
        if right_len == 0 {
            return Ok(left);
        }
        if left_len == 0 {
            return Ok(right);
        }
        let buffer = self.new_buffer(TypeId::Buffer, left_len + right_len)?;
        let mark = self.root_mark();
        self.push_root(buffer)?;
        self.buffer_push_obj(buffer, left)?;
        self.buffer_push_obj(buffer, right)?;
        self.pop_roots(mark);
        self.buffer_finish(buffer, type_id)
    }

    fn concat_seq(&mut self, type_id: TypeId, left: Obj, right: Obj) -> R<Obj> {
        let left_len = self.seq_items(left).map(|items| items.1).unwrap_or(0);
        let right_len = self.seq_items(right).map(|items| items.1).unwrap_or(0);
        let total = (left_len + right_len) as usize;
        let result = if type_id == TypeId::Tuple { self.alloc_tuple(total)? } else { self.new_list(total)? };
        let mark = self.root_mark();
        self.push_root(result)?;
        let mut position = 0;
        for source in [left, right] {
            let Some(items) = self.seq_items(source) else { continue };
            for index in 0..items.1 {
                let item = self.seq_item_at(items, index);
                self.seq_store(result, type_id, position, item);
                position += 1;
            }
        }
        if type_id == TypeId::List {
            self.set_u(result, 1, position);
        }
        self.pop_roots(mark);
        Ok(result)
    }

    fn seq_store(&mut self, seq: Obj, type_id: TypeId, index: u32, item: Obj) {
        if type_id == TypeId::Tuple {
            self.set(seq, 2 + index, item);
        } else {
            self.list_set_item(seq, index, item);
        }
    }

    fn repeat(&mut self, seq: Obj, count: Obj) -> R<Obj> {
        let times = self.to_i64(count)?.max(0) as usize;
        let type_id = self.native_type(seq);
        match type_id {
            TypeId::Str | TypeId::Bytes => {
                let len = self.str_len(seq);
                if len.saturating_mul(times) > 1 << 24 {
                    return Err(self.raise_memory_error());
                }
                let buffer = self.new_buffer(TypeId::Buffer, len * times)?;
                let mark = self.root_mark();
                self.push_root(buffer)?;
                for _ in 0..times {
                    self.buffer_push_obj(buffer, seq)?;
                }
                self.pop_roots(mark);
                self.buffer_finish(buffer, type_id)
            }
            _ => {
                let len = self.seq_items(seq).map(|items| items.1).unwrap_or(0) as usize;
                if len.saturating_mul(times) > 1 << 22 {
                    return Err(self.raise_memory_error());
                }
                let total = len * times;
                let result = if type_id == TypeId::Tuple { self.alloc_tuple(total)? } else { self.new_list(total)? };
                let mut position = 0;
                for _ in 0..times {
                    for index in 0..len as u32 {
                        let Some(items) = self.seq_items(seq) else { break };
                        let item = self.seq_item_at(items, index);
                        self.seq_store(result, type_id, position, item);
                        position += 1;
                    }
                }
                if type_id == TypeId::List {
                    self.set_u(result, 1, position);
                }
                Ok(result)
            }
        }
    }

    /// Appends every item of an iterable to a list.
    pub fn list_extend(&mut self, list: Obj, iterable: Obj) -> R<()> {
        let mark = self.root_mark();
        self.push_root(list)?;
        self.push_root(iterable)?;
        if let Some((_, count)) = self.seq_items(iterable) {
            self.list_reserve(list, count)?;
            // Read the items after reserving: when extending a list by
            // itself they have just moved.
            let items = self.seq_items(iterable).unwrap_or((0, 0));
            let count = count.min(items.1);
            let len = self.list_len(list);
            let data = self.get_u(list, 3);
            self.copy_items(items.0, 1, data + 4 * len, count);
            self.set_u(list, 1, len + count);
        } else {
            let iterator = self.get_iter(iterable)?;
            self.push_root(iterator)?;
            self.drain_into(list, iterator)?;
        }
        self.pop_roots(mark);
        Ok(())
    }

    /// `dict.update(other)` for a dict or an iterable of pairs.
    pub fn dict_update(&mut self, dict: Obj, other: Obj) -> R<()> {
        let mark = self.root_mark();
        self.push_root(other)?;
        if self.native_type(other) == TypeId::Dict {
            let mut index = 0;
            while let Some((entry, key, value)) = self.map_next(other, index) {
                self.map_set(dict, key, value)?;
                index = entry + 1;
            }
        } else {
            let iterator = self.get_iter(other)?;
            self.push_root(iterator)?;
            while let Some(pair) = self.iter_next(iterator)? {
                self.push_root(pair)?;
                let mut items = [Obj::NULL; 2];
                self.unpack_into(pair, &mut items)?;
                self.map_set(dict, items[0], items[1])?;
            }
        }
        self.pop_roots(mark);
        Ok(())
    }

    fn set_binary(&mut self, op: u8, left: Obj, right: Obj, inplace: bool) -> R<Obj> {
        let type_id = self.native_type(left);
        let mark = self.root_mark();
        let result = if inplace { left } else { self.new_map(type_id, 4)? };
        self.push_root(result)?;
        if op == OP_OR {
            for source in [left, right] {
                let mut index = 0;
                while let Some((entry, key, _)) = self.map_next(source, index) {
                    self.set_add(result, key)?;
                    index = entry + 1;
                }
            }
        } else {
            let copy_source = if inplace { self.map_copy(left, type_id)? } else { left };
            self.push_root(copy_source)?;
            // `s -= s` (and `s &= s`, `s ^= s`): the right side is the set
            // being cleared, so it is read from the copy.
            let right = if inplace && right == left { copy_source } else { right };
            if inplace {
                self.map_clear(result)?;
            }
            let mut index = 0;
            while let Some((entry, key, _)) = self.map_next(copy_source, index) {
                let in_right = self.map_find(right, key)?.is_some();
                let keep = match op {
                    OP_AND => in_right,
                    OP_SUB => !in_right,
                    _ => !in_right,
                };
                if keep {
                    self.set_add(result, key)?;
                }
                index = entry + 1;
            }
            if op == OP_XOR {
                let mut index = 0;
                while let Some((entry, key, _)) = self.map_next(right, index) {
                    if self.map_find(copy_source, key)?.is_none() {
                        self.set_add(result, key)?;
                    }
                    index = entry + 1;
                }
            }
        }
        self.pop_roots(mark);
        Ok(result)
    }

    // ---- subscripts ---------------------------------------------------

    /// `obj[index]`.
    /// Refuses a slice as a key stored in a plain dict (MicroPython's slices
    /// are unhashable there, though a lookup of one only misses; its
    /// OrderedDict takes them).
    fn refuse_slice_key(&mut self, dict: Obj, key: Obj) -> R<()> {
        if key.is_ptr() && self.native_type(key) == TypeId::Slice && self.type_of(dict) == TypeId::Dict.obj() {
            return Err(self.type_error_for("unsupported type for __hash__:", key));
        }
        Ok(())
    }

    pub fn subscr_get(&mut self, obj: Obj, index: Obj) -> R<Obj> {
        if let Some(item) = self.small_index_get(obj, index) {
            return Ok(item);
        }
        let type_id = self.native_type(obj);
        let is_slice = index.is_ptr() && self.native_type(index) == TypeId::Slice;
        match type_id {
            TypeId::List | TypeId::Tuple => {
                let len = self.seq_items(obj).map(|items| items.1).unwrap_or(0);
                if is_slice {
                    return self.slice_seq(obj, type_id, index, len);
                }
                let what = if type_id == TypeId::List { "list" } else { "tuple" };
                let position = self.seq_index(index, len, what)?;
                let items = self.seq_items(obj).unwrap_or((0, 0));
                Ok(self.seq_item_at(items, position))
            }
            TypeId::Str => {
                if is_slice {
                    return self.slice_str(obj, index);
                }
                if index.is_small() {
                    // An ASCII string (the usual case) indexes its bytes directly.
                    let bytes = self.str_bytes(obj);
                    if bytes.is_ascii() {
                        let len = bytes.len() as i64;
                        let value = i64::from(index.small_value());
                        let position = if value < 0 { value + len } else { value };
                        if let Some(&byte) = usize::try_from(position).ok().and_then(|position| bytes.get(position)) {
                            return self.ascii_char_str(byte);
                        }
                    }
                }
                let count = self.char_count(obj) as u32;
                let position = self.seq_index(index, count, "string")?;
                let (start, end, first) = {
                    let bytes = self.str_bytes(obj);
                    let start = char_offset(bytes, position as usize);
                    let end = char_offset(bytes, position as usize + 1);
                    (start, end, bytes.get(start).copied().unwrap_or(0))
                };
                if end == start + 1 && first.is_ascii() {
                    // MicroPython interns a one-character result.
                    return self.ascii_char_str(first);
                }
                self.str_slice(TypeId::Str, obj, start, end)
            }
            TypeId::MemoryView => self.memoryview_get(obj, index),
            TypeId::Bytes | TypeId::ByteArray => {
                let len = self.str_len(obj) as u32;
                if is_slice {
                    let (start, stop, step) = self.slice_indices(index, i64::from(len))?;
                    let buffer = self.new_buffer(TypeId::Buffer, 8)?;
                    let mark = self.root_mark();
                    self.push_root(buffer)?;
                    let mut position = start;
                    while (step > 0 && position < stop) || (step < 0 && position > stop) {
                        let byte = self.str_bytes(obj).get(position as usize).copied().unwrap_or(0);
                        self.buffer_push(buffer, &[byte])?;
                        position += step;
                    }
                    self.pop_roots(mark);
                    if type_id == TypeId::ByteArray {
                        self.set_u(buffer, 0, TypeId::ByteArray.addr());
                        return Ok(buffer);
                    }
                    return self.buffer_finish(buffer, TypeId::Bytes);
                }
                let position = self.seq_index(index, len, "bytes")?;
                let byte = self.str_bytes(obj).get(position as usize).copied().unwrap_or(0);
                Ok(Obj::small(i32::from(byte)))
            }
            TypeId::Dict => match self.map_get(obj, index)? {
                Some(value) => Ok(value),
                None => {
                    if let Some(result) = self.call_special_binary(obj, q!("__missing__"), index).ok().flatten() {
                        return Ok(result);
                    }
                    let exc = self.new_exception(TypeId::KeyError.obj(), &[index])?;
                    Err(self.raise(exc))
                }
            },
            TypeId::Range => {
                let len = self.range_len(obj);
                if is_slice {
                    let (start, stop, step) = self.slice_indices(index, len)?;
                    let base = i64::from(self.get(obj, 1).small_value());
                    let base_step = i64::from(self.get(obj, 3).small_value());
                    let first = base + start * base_step;
                    let last = base + stop * base_step;
                    return self.new_range(first as i32, last as i32, (step * base_step) as i32);
                }
                let position = self.seq_index(index, len as u32, "range")?;
                let start = i64::from(self.get(obj, 1).small_value());
                let step = i64::from(self.get(obj, 3).small_value());
                self.new_int(start + i64::from(position) * step)
            }
            _ => {
                if let Some(get) = type_id.slot(|native| native.subscr_get) {
                    return get(self, obj, index);
                }
                if let Some(result) = self.call_special_binary(obj, q!("__getitem__"), index)? {
                    return Ok(result);
                }
                Err(self.type_error_object(obj, "isn't subscriptable"))
            }
        }
    }

    fn slice_seq(&mut self, obj: Obj, type_id: TypeId, slice: Obj, len: u32) -> R<Obj> {
        let (start, stop, step) = self.slice_indices(slice, i64::from(len))?;
        self.slice_seq_resolved(obj, type_id, start, stop, step)
    }

    /// `obj[start:stop:step]` for an exact list or tuple and bounds that are
    /// small ints or None, without making the slice object (the interpreter
    /// calls this for `BUILD_SLICE` followed by `LOAD_SUBSCR`). None when
    /// anything else is involved, for the general path to handle (and raise).
    pub(crate) fn slice_of_parts(&mut self, obj: Obj, start: Obj, stop: Obj, step: Obj) -> R<Option<Obj>> {
        if !obj.is_ptr() {
            return Ok(None);
        }
        let type_obj = self.get(obj, 0);
        let type_id = if type_obj == TypeId::List.obj() {
            TypeId::List
        } else if type_obj == TypeId::Tuple.obj() {
            TypeId::Tuple
        } else {
            return Ok(None);
        };
        let len = self.seq_items(obj).map_or(0, |items| items.1);
        let Some((start, stop, step)) = small_slice_bounds(start, stop, step, len) else { return Ok(None) };
        self.slice_seq_resolved(obj, type_id, start, stop, step).map(Some)
    }

    /// `list[start:stop] = value` for an exact list and bounds that are small
    /// ints or None (step None or 1), without making the slice object (for
    /// `BUILD_SLICE` followed by `STORE_SUBSCR`). False when anything else is
    /// involved, for the general path.
    pub(crate) fn assign_slice_of_parts(&mut self, target: Obj, parts: [Obj; 3], value: Obj) -> R<bool> {
        if !self.is_heap(target) || value.is_null() {
            return Ok(false);
        }
        // Lists first, as before: `perm[:k] = …` is a hot path.
        if self.get(target, 0) == TypeId::List.obj() {
            let len = self.list_len(target);
            return match small_slice_bounds(parts[0], parts[1], parts[2], len) {
                Some((start, stop, 1)) => self.list_assign_range(target, start, stop, value).map(|()| true),
                _ => Ok(false),
            };
        }
        let type_id = self.native_type(target);
        let len = match type_id {
            TypeId::ByteArray => self.str_len(target) as u32,
            TypeId::MemoryView => self.memoryview_items(target) as u32,
            _ => return Ok(false),
        };
        let Some((start, stop, 1)) = small_slice_bounds(parts[0], parts[1], parts[2], len) else { return Ok(false) };
        let (from, to) = (start as usize, stop.max(start) as usize);
        match type_id {
            TypeId::ByteArray => self.bytearray_assign_range(target, from, to, value)?,
            _ => {
                // A view of bytes is read-only: the general path says so.
                if !self.is_writable_buffer(target) {
                    return Ok(false);
                }
                self.memoryview_assign_range(target, from, to, value)?;
            }
        }
        Ok(true)
    }

    fn slice_seq_resolved(&mut self, obj: Obj, type_id: TypeId, start: i64, stop: i64, step: i64) -> R<Obj> {
        let count = if step > 0 {
            ((stop - start + step - 1) / step).max(0)
        } else {
            ((start - stop - step - 1) / -step).max(0)
        } as usize;
        let result = if type_id == TypeId::Tuple { self.alloc_tuple(count)? } else { self.new_list(count)? };
        // Nothing below allocates, so the source's items stay where they are.
        if let Some(items) = self.seq_items(obj) {
            let destination = if type_id == TypeId::Tuple { result.0 + 8 } else { self.get_u(result, 3) };
            let first = items.0.wrapping_add((4 * start) as u32);
            self.copy_items(first, step, destination, count as u32);
        }
        if type_id == TypeId::List {
            self.set_u(result, 1, count as u32);
        }
        Ok(result)
    }

    /// Copies `count` item words, from `source` on with a stride of `step`
    /// items, into the heap at `destination` on. The source may be in the
    /// image (a frozen tuple) or the heap; a heap source with step 1 is one
    /// block move.
    fn copy_items(&mut self, source: u32, step: i64, destination: u32, count: u32) {
        if step == 1 && self.is_heap(Obj(source)) {
            self.heap.copy_within(source, destination, 4 * count as usize);
            return;
        }
        for offset in 0..count {
            let item = self.word(source.wrapping_add((4 * i64::from(offset) * step) as u32));
            self.heap.set_word(destination + 4 * offset, item);
        }
    }

    fn slice_str(&mut self, obj: Obj, slice: Obj) -> R<Obj> {
        let count = self.char_count(obj) as i64;
        let (start, stop, step) = self.slice_indices(slice, count)?;
        let ascii = self.str_bytes(obj).is_ascii();
        if step == 1 && ascii {
            return self.str_slice(TypeId::Str, obj, start as usize, stop.max(start) as usize);
        }
        let buffer = self.new_buffer(TypeId::Buffer, 8)?;
        let mark = self.root_mark();
        self.push_root(buffer)?;
        let mut position = start;
        while (step > 0 && position < stop) || (step < 0 && position > stop) {
            let mut piece = [0u8; 4];
            let piece_len = {
                let bytes = self.str_bytes(obj);
                let from = char_offset(bytes, position as usize);
                let to = char_offset(bytes, position as usize + 1);
                let len = (to - from).min(4);
                piece[..len].copy_from_slice(&bytes[from..from + len]);
                len
            };
            self.buffer_push(buffer, &piece[..piece_len])?;
            position += step;
        }
        self.pop_roots(mark);
        self.buffer_finish(buffer, TypeId::Str)
    }

    /// `obj[index] = value`.
    pub fn subscr_set(&mut self, obj: Obj, index: Obj, value: Obj) -> R<()> {
        if index.is_small() && self.is_heap(obj) {
            let type_word = self.heap.word(obj.0);
            if type_word == TypeId::List.addr() {
                if let Some((items, position)) = self.small_index_item(obj, index) {
                    self.heap.set_word(items + 4 * position, value.0);
                    return Ok(());
                }
            } else if type_word == TypeId::ByteArray.addr() && value.is_small() {
                if let Some((_, address)) = self.small_index_byte(obj, index) {
                    // MicroPython keeps the low eight bits, as it does for array('B').
                    self.heap.bytes_mut(address, 1).fill(value.small_value() as u8);
                    return Ok(());
                }
            }
        }
        self.subscr_set_general(obj, index, value)
    }

    /// [`Vm::subscr_set`] for everything but a small-int index into a list or bytearray.
    #[inline(never)]
    fn subscr_set_general(&mut self, obj: Obj, index: Obj, value: Obj) -> R<()> {
        match self.native_type(obj) {
            TypeId::List => {
                if index.is_ptr() && self.native_type(index) == TypeId::Slice {
                    return self.list_assign_slice(obj, index, value);
                }
                let len = self.list_len(obj);
                let position = self.seq_index(index, len, "list")?;
                self.list_set_item(obj, position, value);
                Ok(())
            }
            TypeId::Dict => {
                self.refuse_slice_key(obj, index)?;
                self.map_set(obj, index, value)
            }
            TypeId::MemoryView => self.memoryview_set(obj, index, value),
            TypeId::ByteArray => {
                if index.is_ptr() && self.native_type(index) == TypeId::Slice {
                    return self.bytearray_assign_slice(obj, index, value);
                }
                let len = self.str_len(obj) as u32;
                let position = self.seq_index(index, len, "bytearray")?;
                // MicroPython keeps the low eight bits (`b[0] = 256` stores 0).
                let byte = self.to_i64(value)?;
                let data = self.get_u(obj, 3);
                self.heap.bytes_mut(data + position, 1).fill(byte as u8);
                Ok(())
            }
            _ => {
                if let Some(set) = self.native_type(obj).slot(|native| native.subscr_set) {
                    return set(self, obj, index, value);
                }
                if self.call_special_ternary(obj, q!("__setitem__"), index, value)?.is_some() {
                    return Ok(());
                }
                Err(self.type_error_object(obj, "doesn't support item assignment"))
            }
        }
    }

    fn list_assign_slice(&mut self, list: Obj, slice: Obj, value: Obj) -> R<()> {
        let len = self.list_len(list);
        let (start, stop, step) = self.slice_indices(slice, i64::from(len))?;
        if step != 1 {
            return Err(self.raise_msg(TypeId::NotImplementedError, "extended slice assignment"));
        }
        self.list_assign_range(list, start, stop, value)
    }

    /// `list[start:stop] = value` with `start` and `stop` already clamped.
    fn list_assign_range(&mut self, list: Obj, start: i64, stop: i64, value: Obj) -> R<()> {
        let len = self.list_len(list);
        let mark = self.root_mark();
        // The new items come straight from another list or a tuple; the list
        // itself and any other iterable are copied into a new list first.
        let source = if value != list && self.seq_items(value).is_some() {
            value
        } else {
            let items = self.new_list(4)?;
            self.push_root(items)?;
            self.list_extend(items, value)?;
            items
        };
        let start = start as u32;
        let stop = (stop as u32).max(start);
        let count = self.seq_items(source).map_or(0, |items| items.1);
        let removed = stop - start;
        if count > removed {
            self.push_root(source)?;
            self.list_reserve(list, count - removed)?;
        }
        let new_len = len - removed + count;
        let data = self.get(list, 3);
        // Move the tail after the slice into place, then fill the slice.
        self.heap.copy_within(data.0 + 4 * stop, data.0 + 4 * (start + count), 4 * (len - stop) as usize);
        for index in new_len..len {
            self.set(data, index, Obj::NULL);
        }
        let items = self.seq_items(source).unwrap_or((0, 0));
        self.copy_items(items.0, 1, data.0 + 4 * start, count);
        self.set_u(list, 1, new_len);
        self.pop_roots(mark);
        Ok(())
    }

    /// `del obj[index]`.
    pub fn subscr_delete(&mut self, obj: Obj, index: Obj) -> R<()> {
        match self.native_type(obj) {
            TypeId::List => {
                if index.is_ptr() && self.native_type(index) == TypeId::Slice {
                    let len = self.list_len(obj);
                    let (start, stop, step) = self.slice_indices(index, i64::from(len))?;
                    if step == 1 {
                        for _ in start..stop.max(start) {
                            self.list_remove_at(obj, start as u32);
                        }
                        return Ok(());
                    }
                    return Err(self.raise_msg(TypeId::NotImplementedError, "extended slice deletion"));
                }
                let len = self.list_len(obj);
                let position = self.seq_index(index, len, "list")?;
                self.list_remove_at(obj, position);
                Ok(())
            }
            TypeId::Dict => match self.map_remove(obj, index)? {
                Some(_) => Ok(()),
                None => {
                    let exc = self.new_exception(TypeId::KeyError.obj(), &[index])?;
                    Err(self.raise(exc))
                }
            },
            _ => {
                if self.call_special_binary(obj, q!("__delitem__"), index)?.is_some() {
                    return Ok(());
                }
                Err(self.type_error_object(obj, "doesn't support item deletion"))
            }
        }
    }
}

/// Resolves slice bounds that are small ints or None against a sequence
/// of `len` items with Python's clamping (as `slice_indices` does for a
/// slice object): `(start, stop, step)`, or None for any other bound or a
/// zero step, which the general path handles.
fn small_slice_bounds(start: Obj, stop: Obj, step: Obj, len: u32) -> Option<(i64, i64, i64)> {
    let part = |value: Obj| {
        if value.is_none() {
            Some(None)
        } else if value.is_small() {
            Some(Some(i64::from(value.small_value())))
        } else {
            None
        }
    };
    let (start, stop, step) = (part(start)?, part(stop)?, part(step)?);
    let step = step.unwrap_or(1);
    if step == 0 {
        return None;
    }
    let len = i64::from(len);
    let resolve = |value: Option<i64>, default: i64, low: i64, high: i64| match value {
        None => default,
        Some(value) => (if value < 0 { value + len } else { value }).max(low).min(high),
    };
    Some(if step > 0 {
        (resolve(start, 0, 0, len), resolve(stop, len, 0, len), step)
    } else {
        (resolve(start, len - 1, -1, len - 1), resolve(stop, -1, -1, len - 1), step)
    })
}

/// The byte offset of character `index` in UTF-8 `bytes` (the length if past the end).
pub fn char_offset(bytes: &[u8], index: usize) -> usize {
    if bytes.is_ascii() {
        return index.min(bytes.len());
    }
    let mut count = 0;
    for (offset, &byte) in bytes.iter().enumerate() {
        if byte & 0xc0 != 0x80 {
            if count == index {
                return offset;
            }
            count += 1;
        }
    }
    bytes.len()
}
