//! The object protocol: hashing, equality, ordering, truth, operators,
//! `in`, `len` and subscripts, for every builtin type (and the special
//! methods of classes that the core needs).

use super::num::*;
use super::{Obj, Singleton, TypeId};
use crate::vm::{Vm, R};
use core::cmp::Ordering;
use rime_bytecode::opcode::unary;

impl Vm<'_> {
    /// `hash(obj)`.
    #[inline]
    pub fn hash(&mut self, obj: Obj) -> R<u32> {
        // A heap str already hashed (every str used as a key before) first.
        if self.is_heap(obj) && self.heap.word(obj.0) == TypeId::Str.addr() {
            let stored = self.heap.word(obj.0.wrapping_add(4));
            if stored != 0 {
                return Ok(stored);
            }
        }
        self.hash_general(obj)
    }

    /// [`Vm::hash`] for everything but a heap str with its hash stored.
    #[inline(never)]
    fn hash_general(&mut self, obj: Obj) -> R<u32> {
        if obj.is_small() {
            return Ok(obj.small_value() as u32);
        }
        if obj.is_qstr() {
            return Ok(self.qstr_hash(obj.qstr_id()));
        }
        match obj {
            Obj::TRUE => return Ok(1),
            Obj::FALSE => return Ok(0),
            _ if !obj.is_ptr() => return Ok(obj.0),
            _ => {}
        }
        match self.native_type(obj) {
            TypeId::Str | TypeId::Bytes => Ok(self.str_hash_cached(obj)),
            TypeId::Int | TypeId::Float => Ok(self.number_hash(obj)),
            TypeId::Complex => Ok(self.complex_hash(obj)),
            TypeId::Tuple => {
                self.check_stack()?;
                let mut hash = 0x345678u32;
                for index in 0..self.tuple_len(obj) {
                    let item = self.tuple_item(obj, index);
                    hash = hash.wrapping_mul(1_000_003) ^ self.hash(item)?;
                }
                Ok(hash)
            }
            TypeId::FrozenSet => {
                let mut hash = 0u32;
                let mut index = 0;
                while let Some((entry, key, _)) = self.map_next(obj, index) {
                    hash ^= self.hash(key)?.wrapping_mul(0x9e37_79b9);
                    index = entry + 1;
                }
                Ok(hash)
            }
            // A keys or items view is unhashable (MicroPython), a values view hashes by identity.
            TypeId::DictView if self.get(obj, 2) != Obj::small(1) => {
                Err(self.type_error_for("unsupported type for __hash__:", obj))
            }
            // A bound method hashes by its object and method, as it compares.
            TypeId::BoundMethod => Ok((self.get(obj, 1).0 >> 2) ^ (self.get(obj, 2).0 >> 2).rotate_left(16)),
            // (Slices stay hashable: MicroPython's OrderedDict takes them as
            // keys, only its plain dict refuses them.)
            TypeId::List | TypeId::Dict | TypeId::Set | TypeId::ByteArray => {
                Err(self.type_error_for("unsupported type for __hash__:", obj))
            }
            _ => {
                if let Some(result) = self.call_special_unary(obj, q!("__hash__"))? {
                    if result.is_small() {
                        return Ok(result.small_value() as u32);
                    }
                    if result == Obj::TRUE || result == Obj::FALSE {
                        return Ok(u32::from(result == Obj::TRUE));
                    }
                    if self.native_type(result) == TypeId::Int {
                        return Ok(self.number_hash(result));
                    }
                    return Err(self.raise_msg(TypeId::TypeError, "__hash__ method should return an integer"));
                }
                // A class that defines `__eq__` without `__hash__` is unhashable.
                if self.is_class_instance(obj) && self.lookup_special(obj, q!("__eq__"))?.is_some() {
                    return Err(self.type_error_for("unsupported type for __hash__:", obj));
                }
                Ok(obj.0 >> 2)
            }
        }
    }

    /// `left == right`.
    pub fn equal(&mut self, left: Obj, right: Obj) -> R<bool> {
        // An instance of a Python class is not taken as equal to itself
        // without asking its `__eq__`, as in MicroPython.
        if left == right && !self.is_class_instance(left) {
            // NaN is not equal to itself, also as a part of a complex number.
            if self.is_complex(left) {
                let (real, imag) = self.complex_value(left);
                return Ok(real == real && imag == imag);
            }
            return Ok(!self.is_float(left) || self.float_value(left) == self.float_value(left));
        }
        if left.is_small() && right.is_small() {
            return Ok(false);
        }
        if left.is_qstr() && right.is_qstr() {
            return Ok(false);
        }
        let left_type = self.native_type(left);
        let right_type = self.native_type(right);
        if let Some(result) = self.number_binary(OP_EQUAL, left, right)? {
            return Ok(result == Obj::TRUE);
        }
        match (left_type, right_type) {
            (TypeId::Str, TypeId::Str) => return Ok(self.str_bytes(left) == self.str_bytes(right)),
            (TypeId::Bytes | TypeId::ByteArray, TypeId::Bytes | TypeId::ByteArray) => {
                return Ok(self.str_bytes(left) == self.str_bytes(right))
            }
            (TypeId::MemoryView, TypeId::Bytes | TypeId::ByteArray | TypeId::MemoryView)
            | (TypeId::Bytes | TypeId::ByteArray, TypeId::MemoryView) => {
                // A view of bytes compares by its bytes, as MicroPython's do.
                if let (Some(left), Some(right)) = (self.byte_view(left), self.byte_view(right)) {
                    return Ok(left == right);
                }
            }
            (TypeId::Tuple, TypeId::Tuple) | (TypeId::List, TypeId::List) => {
                self.check_stack()?;
                return self.sequence_equal(left, right);
            }
            (TypeId::Dict, TypeId::Dict) => {
                self.check_stack()?;
                return self.dict_equal(left, right);
            }
            (TypeId::Set | TypeId::FrozenSet, TypeId::Set | TypeId::FrozenSet) => {
                return Ok(self.map_len(left) == self.map_len(right) && self.set_is_subset(left, right)?)
            }
            (TypeId::Range, TypeId::Range) => {
                return Ok((1..4).all(|index| self.get(left, index) == self.get(right, index)))
            }
            // Bound methods are equal when they bind the same method to the same object.
            (TypeId::BoundMethod, TypeId::BoundMethod) => {
                return Ok((1..3).all(|index| self.get(left, index) == self.get(right, index)))
            }
            // An array is never equal to bytes or a str, as in MicroPython.
            (TypeId::Array, TypeId::Array | TypeId::ByteArray | TypeId::MemoryView)
            | (TypeId::ByteArray | TypeId::MemoryView, TypeId::Array) => {
                if let Some(result) = self.array_compare(OP_EQUAL, left, right)? {
                    return Ok(result);
                }
            }
            _ => {}
        }
        if let Some(result) = self.call_special_binary(left, q!("__eq__"), right)? {
            if result != Singleton::NotImplemented.obj() {
                return self.truthy(result);
            }
        }
        if let Some(result) = self.call_special_binary(right, q!("__eq__"), left)? {
            if result != Singleton::NotImplemented.obj() {
                return self.truthy(result);
            }
        }
        Ok(left == right)
    }

    /// `left != right`. An instance of a Python class is asked its
    /// `__ne__` first, then its `__eq__` (negated), and the right operand
    /// the same way after, as MicroPython does (`__ne__` is never made
    /// from `__eq__` the other way round); other objects are `not ==`.
    pub fn not_equal(&mut self, left: Obj, right: Obj) -> R<bool> {
        if !self.is_class_instance(left) && !self.is_class_instance(right) {
            return Ok(!self.equal(left, right)?);
        }
        let mut declined = false;
        for (first, second) in [(left, right), (right, left)] {
            if !self.is_class_instance(first) {
                continue;
            }
            for name in [q!("__ne__"), q!("__eq__")] {
                if let Some(result) = self.call_special_binary(first, name, second)? {
                    if result != Singleton::NotImplemented.obj() {
                        let truth = self.truthy(result)?;
                        return Ok(if name == q!("__ne__") { truth } else { !truth });
                    }
                    declined = true;
                }
            }
        }
        if declined {
            return Ok(left != right);
        }
        // Neither defines them: a class with a builtin base (a namedtuple) compares as that base.
        Ok(!self.equal(left, right)?)
    }

    /// The bytes of a bytes object, a bytearray or a memoryview of bytes
    /// (`None` for a view of an array with wider items).
    fn byte_view(&self, obj: Obj) -> Option<&[u8]> {
        let wide_items =
            self.native_type(obj) == TypeId::MemoryView && self.memoryview_items(obj) != self.memoryview_len(obj);
        (!wide_items).then(|| self.str_bytes(obj))
    }

    /// Whether `obj` is an instance of a class defined in Python.
    pub(crate) fn is_class_instance(&mut self, obj: Obj) -> bool {
        obj.is_ptr() && {
            let type_obj = self.type_of(obj);
            self.is_class(type_obj)
        }
    }

    fn dict_equal(&mut self, left: Obj, right: Obj) -> R<bool> {
        if self.map_len(left) != self.map_len(right) {
            return Ok(false);
        }
        // As MicroPython's: two OrderedDicts compare in order, and an
        // OrderedDict never equals a plain dict.
        match (self.is_ordered_dict(left), self.is_ordered_dict(right)) {
            (true, true) => return self.ordered_dict_equal(left, right),
            (false, false) => {}
            _ => return Ok(false),
        }
        let mut index = 0;
        while let Some((entry, key, value)) = self.map_next(left, index) {
            match self.map_get(right, key)? {
                Some(other) if self.equal(value, other)? => {}
                _ => return Ok(false),
            }
            index = entry + 1;
        }
        Ok(true)
    }

    /// Whether `obj` is an `OrderedDict` (or of a class derived from it).
    fn is_ordered_dict(&mut self, obj: Obj) -> bool {
        let class = self.type_of(obj);
        self.is_class(class) && self.is_ordered_dict_class(class)
    }

    /// Two OrderedDicts are equal when their items are, in the same order.
    fn ordered_dict_equal(&mut self, left: Obj, right: Obj) -> R<bool> {
        let (mut left_index, mut right_index) = (0, 0);
        while let Some((left_entry, left_key, left_value)) = self.map_next(left, left_index) {
            let Some((right_entry, right_key, right_value)) = self.map_next(right, right_index) else {
                return Ok(false);
            };
            if !self.equal(left_key, right_key)? || !self.equal(left_value, right_value)? {
                return Ok(false);
            }
            left_index = left_entry + 1;
            right_index = right_entry + 1;
        }
        Ok(true)
    }

    /// Whether every key of set `left` is in `right`.
    pub fn set_is_subset(&mut self, left: Obj, right: Obj) -> R<bool> {
        let mut index = 0;
        while let Some((entry, key, _)) = self.map_next(left, index) {
            if self.map_find(right, key)?.is_none() {
                return Ok(false);
            }
            index = entry + 1;
        }
        Ok(true)
    }

    /// Whether two tuples or lists have equal items. Items are fetched again
    /// at each step, as an item's `__eq__` may change either sequence.
    fn sequence_equal(&mut self, left: Obj, right: Obj) -> R<bool> {
        let mut index = 0;
        loop {
            let (Some(left_items), Some(right_items)) = (self.seq_items(left), self.seq_items(right)) else {
                return Ok(false);
            };
            if left_items.1 != right_items.1 {
                return Ok(false);
            }
            if index >= left_items.1 {
                return Ok(true);
            }
            let a = self.seq_item_at(left_items, index);
            let b = self.seq_item_at(right_items, index);
            if !self.equal(a, b)? {
                return Ok(false);
            }
            index += 1;
        }
    }

    /// Lexicographic comparison of two tuples or lists (None: incomparable items).
    fn sequence_compare(&mut self, left: Obj, right: Obj) -> R<Option<Ordering>> {
        let mut index = 0;
        loop {
            let (Some(left_items), Some(right_items)) = (self.seq_items(left), self.seq_items(right)) else {
                return Ok(None);
            };
            if index >= left_items.1 || index >= right_items.1 {
                return Ok(Some(left_items.1.cmp(&right_items.1).then(Ordering::Equal)).map(|ordering| {
                    if index >= left_items.1 && index >= right_items.1 {
                        Ordering::Equal
                    } else {
                        ordering
                    }
                }));
            }
            let a = self.seq_item_at(left_items, index);
            let b = self.seq_item_at(right_items, index);
            if !self.equal(a, b)? {
                if self.compare(OP_LESS, a, b)? {
                    return Ok(Some(Ordering::Less));
                }
                return Ok(Some(Ordering::Greater));
            }
            index += 1;
        }
    }

    /// `left op right` for the ordering operators; TypeError when unordered.
    pub fn compare(&mut self, op: u8, left: Obj, right: Obj) -> R<bool> {
        if op == OP_EQUAL {
            return self.equal(left, right);
        }
        if op == OP_NOT_EQUAL {
            return self.not_equal(left, right);
        }
        if left.is_small() && right.is_small() {
            return Ok(compare_result(op, left.small_value().cmp(&right.small_value())));
        }
        if let Some(result) = self.number_binary(op, left, right)? {
            return Ok(result == Obj::TRUE);
        }
        let left_type = self.native_type(left);
        let right_type = self.native_type(right);
        if left_type == TypeId::Array
            || (right_type == TypeId::Array && matches!(left_type, TypeId::ByteArray | TypeId::MemoryView))
        {
            if let Some(result) = self.array_compare(op, left, right)? {
                return Ok(result);
            }
        }
        let ordering = match (left_type, right_type) {
            (TypeId::Str, TypeId::Str) | (TypeId::Bytes | TypeId::ByteArray, TypeId::Bytes | TypeId::ByteArray) => {
                Some(self.str_bytes(left).cmp(self.str_bytes(right)))
            }
            (TypeId::Tuple, TypeId::Tuple) | (TypeId::List, TypeId::List) => {
                self.check_stack()?;
                self.sequence_compare(left, right)?
            }
            (TypeId::Set | TypeId::FrozenSet, TypeId::Set | TypeId::FrozenSet) => {
                let subset = self.set_is_subset(left, right)?;
                let superset = self.set_is_subset(right, left)?;
                let strict_less = subset && !superset;
                let strict_more = superset && !subset;
                return Ok(match op {
                    OP_LESS => strict_less,
                    OP_MORE => strict_more,
                    OP_LESS_EQUAL => subset,
                    _ => superset,
                });
            }
            _ => None,
        };
        if let Some(ordering) = ordering {
            return Ok(compare_result(op, ordering));
        }
        let method = ordering_method(op);
        if let Some(result) = self.call_special_binary(left, method, right)? {
            if result != Singleton::NotImplemented.obj() {
                return self.truthy(result);
            }
        }
        Err(self.binary_type_error(static_name(method), left, right))
    }

    /// TypeError for an operator that does not apply, in MicroPython's
    /// words: `unsupported types for __add__: 'int', 'str'`.
    pub fn binary_type_error(&mut self, method: &str, left: Obj, right: Obj) -> crate::vm::Raised {
        let mut names = [[0u8; 32]; 2];
        let mut lengths = [0usize; 2];
        for (slot, obj) in [left, right].into_iter().enumerate() {
            let name = self.type_name(obj);
            let bytes = self.qstr_bytes(name);
            let len = bytes.len().min(32);
            names[slot][..len].copy_from_slice(&bytes[..len]);
            lengths[slot] = len;
        }
        let left_name = core::str::from_utf8(&names[0][..lengths[0]]).unwrap_or("?");
        let right_name = core::str::from_utf8(&names[1][..lengths[1]]).unwrap_or("?");
        self.raise_fmt(TypeId::TypeError, format_args!("unsupported types for {method}: '{left_name}', '{right_name}'"))
    }

    /// `bool(obj)`.
    pub fn truthy(&mut self, obj: Obj) -> R<bool> {
        if obj.is_small() {
            return Ok(obj.small_value() != 0);
        }
        match obj {
            Obj::TRUE => return Ok(true),
            Obj::FALSE | Obj::NONE | Obj::NULL => return Ok(false),
            _ => {}
        }
        if obj.is_qstr() {
            return Ok(obj.qstr_id() != 1);
        }
        if !obj.is_ptr() {
            return Ok(true);
        }
        match self.native_type(obj) {
            TypeId::Str | TypeId::Bytes | TypeId::ByteArray => Ok(self.str_len(obj) != 0),
            TypeId::Int => Ok(true),
            TypeId::Float => Ok(self.float_value(obj) != 0.0),
            TypeId::Complex => Ok(self.complex_value(obj) != (0.0, 0.0)),
            TypeId::Tuple => Ok(self.tuple_len(obj) != 0),
            TypeId::List => Ok(self.list_len(obj) != 0),
            TypeId::Dict | TypeId::Set | TypeId::FrozenSet => Ok(self.map_len(obj) != 0),
            TypeId::Range => Ok(self.range_len(obj) != 0),
            TypeId::DictView => {
                let dict = self.get(obj, 1);
                Ok(self.map_len(dict) != 0)
            }
            type_id => {
                if let Some(len) = type_id.slot(|native| native.len) {
                    return Ok(len(self, obj) != 0);
                }
                if let Some(result) = self.call_special_unary(obj, q!("__bool__"))? {
                    return self.truthy(result);
                }
                if let Some(result) = self.call_special_unary(obj, q!("__len__"))? {
                    return self.truthy(result);
                }
                Ok(true)
            }
        }
    }

    /// `len(obj)`.
    pub fn len_of(&mut self, obj: Obj) -> R<usize> {
        if obj.is_qstr() {
            return Ok(self.char_count(obj));
        }
        if obj.is_ptr() {
            match self.native_type(obj) {
                TypeId::Str => return Ok(self.char_count(obj)),
                TypeId::Bytes | TypeId::ByteArray => return Ok(self.str_len(obj)),
                TypeId::MemoryView => return Ok(self.memoryview_items(obj)),
                TypeId::Tuple => return Ok(self.tuple_len(obj) as usize),
                TypeId::List => return Ok(self.list_len(obj) as usize),
                TypeId::Dict | TypeId::Set | TypeId::FrozenSet => return Ok(self.map_len(obj) as usize),
                TypeId::Range => return Ok(self.range_len(obj) as usize),
                TypeId::DictView => {
                    let map = self.get(obj, 1);
                    return Ok(self.map_len(map) as usize);
                }
                type_id => {
                    if let Some(len) = type_id.slot(|native| native.len) {
                        return Ok(len(self, obj));
                    }
                }
            }
        }
        if let Some(result) = self.call_special_unary(obj, q!("__len__"))? {
            return Ok(self.to_i64(result)?.max(0) as usize);
        }
        let name = self.type_name(obj);
        let text = self.qstr_str_copy(Obj::qstr(name));
        Err(self.raise_fmt(TypeId::TypeError, format_args!("object of type '{}' has no len()", text.as_str())))
    }

    /// The number of characters of a str.
    pub fn char_count(&self, obj: Obj) -> usize {
        self.str_bytes(obj).iter().filter(|&&byte| byte & 0xc0 != 0x80).count()
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Obj, item: Obj) -> R<bool> {
        match self.native_type(container) {
            TypeId::Str => {
                if !self.is_str(item) {
                    return Err(self.raise_msg(TypeId::TypeError, "'in <string>' requires string as left operand"));
                }
                return Ok(find_bytes(self.str_bytes(container), self.str_bytes(item), 0).is_some());
            }
            TypeId::Bytes | TypeId::ByteArray => {
                if item.is_small() {
                    let byte = item.small_value();
                    return Ok(self.str_bytes(container).iter().any(|&each| i32::from(each) == byte));
                }
                return Ok(find_bytes(self.str_bytes(container), self.str_bytes(item), 0).is_some());
            }
            TypeId::Array => return self.array_contains(item),
            TypeId::Dict | TypeId::Set | TypeId::FrozenSet => return Ok(self.map_find(container, item)?.is_some()),
            TypeId::DictView if self.get(container, 2).small_value() == 0 => {
                let map = self.get(container, 1);
                return Ok(self.map_find(map, item)?.is_some());
            }
            TypeId::Tuple | TypeId::List => {
                let mut index = 0;
                loop {
                    // Read again after each call of `equal`, which may run
                    // an `__eq__` that changes the list.
                    let Some(items) = self.seq_items(container) else { return Ok(false) };
                    // Two small ints, or two qstrs, are equal only if they are
                    // the same word: those items are passed over without a call.
                    while index < items.1 {
                        let each = self.seq_item_at(items, index);
                        if each == item && !self.is_class_instance(item) {
                            return Ok(true);
                        }
                        if !((each.is_small() && item.is_small()) || (each.is_qstr() && item.is_qstr())) {
                            break;
                        }
                        index += 1;
                    }
                    if index >= items.1 {
                        return Ok(false);
                    }
                    let each = self.seq_item_at(items, index);
                    if self.equal(each, item)? {
                        return Ok(true);
                    }
                    index += 1;
                }
            }
            TypeId::Range => {
                if !self.is_int(item) {
                    return Ok(false);
                }
                let value = self.to_i64(item)?;
                let start = i64::from(self.get(container, 1).small_value());
                let step = i64::from(self.get(container, 3).small_value());
                let len = self.range_len(container);
                let offset = value - start;
                return Ok(offset % step == 0 && (0..len).contains(&(offset / step)));
            }
            _ => {}
        }
        if let Some(result) = self.call_special_binary(container, q!("__contains__"), item)? {
            return self.truthy(result);
        }
        let mark = self.root_mark();
        let iterator = self.get_iter(container)?;
        self.push_root(iterator)?;
        while let Some(each) = self.iter_next(iterator)? {
            if self.equal(each, item)? {
                self.pop_roots(mark);
                return Ok(true);
            }
        }
        self.pop_roots(mark);
        Ok(false)
    }

    /// `-x`, `+x`, `~x`, `not x`.
    pub fn unary_op(&mut self, op: u8, value: Obj) -> R<Obj> {
        if op == unary::NOT {
            return Ok(Obj::from_bool(!self.truthy(value)?));
        }
        let sign_only = op == unary::POSITIVE || op == unary::NEGATIVE;
        if self.is_int(value) {
            return match op {
                unary::POSITIVE => self.int_add(Obj::small(0), value, false),
                unary::NEGATIVE => self.int_negate(value),
                _ => {
                    // `~x` is `-x - 1`.
                    let negated = self.int_negate(value)?;
                    self.int_add(negated, Obj::small(1), true)
                }
            };
        }
        if self.is_float(value) && sign_only {
            let number = self.float_value(value);
            return self.new_float(if op == unary::POSITIVE { number } else { -number });
        }
        if self.is_complex(value) && sign_only {
            return self.complex_unary(op, value);
        }
        let method = match op {
            unary::POSITIVE => q!("__pos__"),
            unary::NEGATIVE => q!("__neg__"),
            _ => q!("__invert__"),
        };
        if let Some(result) = self.call_special_unary(value, method)? {
            return Ok(result);
        }
        let name = self.type_name(value);
        let mut copy = [0u8; 32];
        let bytes = self.qstr_bytes(name);
        let len = bytes.len().min(32);
        copy[..len].copy_from_slice(&bytes[..len]);
        let name = core::str::from_utf8(&copy[..len]).unwrap_or("?");
        Err(self.raise_fmt(TypeId::TypeError, format_args!("unsupported type for {}: '{name}'", static_name(method))))
    }
}

/// The first index of `needle` in `haystack` at or after `from`.
pub fn find_bytes(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= haystack.len()).then_some(from);
    }
    if needle.len() > haystack.len() {
        return None;
    }
    (from..=haystack.len() - needle.len()).find(|&start| &haystack[start..start + needle.len()] == needle)
}

/// The special method of an ordering operator (`<`, `>`, `<=`, `>=`).
/// The text of a static qstr such as a special method's name, for messages.
pub(crate) fn static_name(name: Obj) -> &'static str {
    u16::try_from(name.qstr_id()).ok().and_then(rime_bytecode::qstr_runtime::any_static_qstr).unwrap_or("")
}

pub(crate) fn ordering_method(op: u8) -> Obj {
    match op {
        OP_LESS => q!("__lt__"),
        OP_MORE => q!("__gt__"),
        OP_LESS_EQUAL => q!("__le__"),
        _ => q!("__ge__"),
    }
}
