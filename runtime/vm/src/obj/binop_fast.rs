//! The fast paths of the binary operators and subscripts, tried before the
//! general paths of `binop.rs`: two small ints with a small-int result;
//! floats and complex numbers (with small ints) under `+ - * /` and the
//! comparisons; lists, tuples, bytes and bytearrays indexed by a small int.
//! Each returns None for every case it does not decide, so the general paths
//! keep every error and every other type.

use super::{Obj, TypeId};
use crate::vm::{Vm, R};

use rime_bytecode::opcode::binary;

/// `a op b` for two small ints when the result is a small int (None for every
/// other case: overflow, division by zero, negative shifts, `/`, `**`, `in`,
/// …, which the general path handles and raises for). Operator numbers are
/// MicroPython's; in-place operators behave as their plain forms on ints.
#[inline]
pub(super) fn small_int_binary(op: u8, a: i32, b: i32) -> Option<Obj> {
    let op = if (binary::INPLACE_OR..=binary::INPLACE_POWER).contains(&op) { op + binary::INPLACE_OFFSET } else { op };
    let (a, b) = (i64::from(a), i64::from(b));
    let value = match op {
        binary::LESS => return Some(Obj::from_bool(a < b)),
        binary::MORE => return Some(Obj::from_bool(a > b)),
        binary::EQUAL => return Some(Obj::from_bool(a == b)),
        binary::LESS_EQUAL => return Some(Obj::from_bool(a <= b)),
        binary::MORE_EQUAL => return Some(Obj::from_bool(a >= b)),
        binary::NOT_EQUAL => return Some(Obj::from_bool(a != b)),
        binary::OR => a | b,
        binary::XOR => a ^ b,
        binary::AND => a & b,
        binary::ADD => a + b,
        binary::SUBTRACT => a - b,
        // Both factors are below 2^30 in magnitude: the product fits an i64.
        binary::MULTIPLY => a * b,
        binary::FLOOR_DIVIDE | binary::MODULO if b != 0 => {
            let mut quotient = a / b;
            if a % b != 0 && ((a < 0) != (b < 0)) {
                quotient -= 1;
            }
            if op == binary::FLOOR_DIVIDE {
                quotient
            } else {
                a - quotient * b
            }
        }
        binary::RSHIFT if b >= 0 => a >> b.min(63),
        binary::LSHIFT if (0..31).contains(&b) => a << b,
        _ => return None,
    };
    Obj::fits_small(value).then(|| Obj::small(value as i32))
}

impl Vm<'_> {
    /// `left op right` for floats and complex numbers (or one of them and a
    /// small int) and the operators that need no more than the values:
    /// `+ - * /` and, for floats, the comparisons. None for anything else
    /// (and for division by zero), which the general path handles and raises
    /// for. Complex products use the full formula, as `complex_binary` does.
    #[inline]
    pub(super) fn float_binary_fast(&mut self, op: u8, left: Obj, right: Obj) -> Option<R<Obj>> {
        // Two small ints are ints: a result too large for a small int is a big int.
        if left.is_small() && right.is_small() {
            return None;
        }
        let (Some((a, b, left_complex)), Some((c, d, right_complex))) =
            (self.float_operand(left), self.float_operand(right))
        else {
            return None;
        };
        let op =
            if (binary::INPLACE_OR..=binary::INPLACE_POWER).contains(&op) { op + binary::INPLACE_OFFSET } else { op };
        if left_complex || right_complex {
            let (real, imag) = match op {
                binary::ADD => (a + c, b + d),
                binary::SUBTRACT => (a - c, b - d),
                binary::MULTIPLY => (a * c - b * d, a * d + b * c),
                _ => return None,
            };
            return Some(self.new_complex(real, imag));
        }
        let (x, y) = (a, c);
        let value = match op {
            binary::LESS => return Some(Ok(Obj::from_bool(x < y))),
            binary::MORE => return Some(Ok(Obj::from_bool(x > y))),
            binary::EQUAL => return Some(Ok(Obj::from_bool(x == y))),
            binary::LESS_EQUAL => return Some(Ok(Obj::from_bool(x <= y))),
            binary::MORE_EQUAL => return Some(Ok(Obj::from_bool(x >= y))),
            binary::NOT_EQUAL => return Some(Ok(Obj::from_bool(x != y))),
            binary::ADD => x + y,
            binary::SUBTRACT => x - y,
            binary::MULTIPLY => x * y,
            binary::TRUE_DIVIDE if y != 0.0 => x / y,
            _ => return None,
        };
        Some(self.new_float(value))
    }

    /// A float, complex or small int as `(real, imaginary, is complex)`
    /// (small ints are exact as floats: they have 31 bits); None for
    /// anything else.
    #[inline]
    fn float_operand(&self, obj: Obj) -> Option<(f64, f64, bool)> {
        if obj.is_small() {
            return Some((f64::from(obj.small_value()), 0.0, false));
        }
        if !obj.is_ptr() {
            return None;
        }
        let type_word = self.word(obj.0);
        if type_word == TypeId::Float.addr() {
            return Some((self.float_value(obj), 0.0, false));
        }
        if type_word == TypeId::Complex.addr() {
            let (real, imag) = self.complex_value(obj);
            return Some((real, imag, true));
        }
        None
    }

    /// For an exact list or tuple and a small int index in range: the
    /// address of the first item and the resolved position. Everything else
    /// (slices, negative or bad indices past the end, subclasses) takes the
    /// general path, which also raises the errors.
    #[inline]
    pub(crate) fn small_index_item(&self, obj: Obj, index: Obj) -> Option<(u32, u32)> {
        if !index.is_small() || !obj.is_ptr() {
            return None;
        }
        // Heap lists (the common case) are read in one bounds-checked go:
        // `type, length, capacity, items`.
        let (items, len) = match self.bytes_at(obj.0, 16).first_chunk::<16>() {
            Some(words) if u32::from_le_bytes([words[0], words[1], words[2], words[3]]) == TypeId::List.addr() => {
                let len = u32::from_le_bytes([words[4], words[5], words[6], words[7]]);
                (u32::from_le_bytes([words[12], words[13], words[14], words[15]]), len)
            }
            _ => {
                let type_obj = self.get(obj, 0);
                if type_obj == TypeId::List.obj() {
                    (self.get_u(obj, 3), self.list_len(obj))
                } else if type_obj == TypeId::Tuple.obj() {
                    (obj.0 + 8, self.tuple_len(obj))
                } else {
                    return None;
                }
            }
        };
        Some((items, small_index_position(index, len)?))
    }

    /// For a heap bytes or bytearray and a small-int index inside it: its
    /// type and the address of the byte (None for anything else, which the
    /// general paths handle and raise for).
    #[inline]
    pub(super) fn small_index_byte(&self, obj: Obj, index: Obj) -> Option<(TypeId, u32)> {
        if !index.is_small() || !self.is_heap(obj) {
            return None;
        }
        let type_word = self.heap.word(obj.0);
        // bytes: `type, hash, length, data`; bytearray: `type, length, capacity, data`.
        let (type_id, len) = if type_word == TypeId::Bytes.addr() {
            (TypeId::Bytes, self.get_u(obj, 2))
        } else if type_word == TypeId::ByteArray.addr() {
            (TypeId::ByteArray, self.get_u(obj, 1))
        } else {
            return None;
        };
        let position = small_index_position(index, len)?;
        Some((type_id, self.get_u(obj, 3).wrapping_add(position)))
    }

    /// `obj[index]` for a list, tuple, bytes or bytearray on the heap and a
    /// small-int index inside it, reading the object's header once; None for
    /// anything else (image objects too), which the general path handles.
    #[inline]
    pub(super) fn small_index_get(&self, obj: Obj, index: Obj) -> Option<Obj> {
        if !index.is_small() || !self.is_heap(obj) {
            return None;
        }
        let words = self.heap.bytes(obj.0, 16).first_chunk::<16>()?;
        let word = |at: usize| u32::from_le_bytes([words[at], words[at + 1], words[at + 2], words[at + 3]]);
        let type_word = word(0);
        // list, bytearray: `type, length, …`; tuple: `type, length, items…`;
        // bytes: `type, hash, length, data`.
        let (len, bytes) = if type_word == TypeId::List.addr() || type_word == TypeId::Tuple.addr() {
            (word(4), false)
        } else if type_word == TypeId::ByteArray.addr() {
            (word(4), true)
        } else if type_word == TypeId::Bytes.addr() {
            (word(8), true)
        } else {
            return None;
        };
        let position = small_index_position(index, len)?;
        if bytes {
            let byte = self.bytes_at(word(12).wrapping_add(position), 1).first().copied()?;
            return Some(Obj::small(i32::from(byte)));
        }
        let items = if type_word == TypeId::List.addr() { word(12) } else { obj.0 + 8 };
        Some(Obj(self.word(items.wrapping_add(4 * position))))
    }
}

/// The position a small-int `index` (negative counts from the end) names in a
/// sequence of `len` items; None when it is out of range (the general path
/// raises the error).
#[inline(always)]
pub(crate) fn small_index_position(index: Obj, len: u32) -> Option<u32> {
    let value = i64::from(index.small_value());
    let position = if value < 0 { value + i64::from(len) } else { value };
    if position < 0 || position >= i64::from(len) {
        return None;
    }
    Some(position as u32)
}
