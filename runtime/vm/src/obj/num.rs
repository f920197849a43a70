//! Numbers: small and big ints, floats, and their arithmetic.
//!
//! Layouts (words):
//! * big int: `type, (digit count << 1) | negative, digits address, digits…`
//!   (an int that fits 31 bits is always a small int)
//! * float: `type, low word, high word` (IEEE-754 f64; the frozen image's
//!   layout, where a float takes 12 bytes instead of 16)
//! * complex: see `obj::complex`
//!
//! Binary operators use MicroPython's numbering, the `u8` constants of
//! `rime_bytecode::opcode::binary` (re-exported here as `OP_*`); in-place
//! operators are mapped to their plain form by the caller.

use super::bigint::Big;
use super::{Obj, TypeId};
use crate::vm::{Vm, R};

// The VM's short names for the bytecode crate's operator numbers, the only
// definition of them (`builtins/` and `modules/` use these names too).
pub use rime_bytecode::opcode::binary::{
    ADD as OP_ADD, AND as OP_AND, EQUAL as OP_EQUAL, EXCEPTION_MATCH as OP_EXCEPTION_MATCH,
    FLOOR_DIVIDE as OP_FLOOR_DIV, IN as OP_IN, IS as OP_IS, LESS as OP_LESS, LESS_EQUAL as OP_LESS_EQUAL,
    LSHIFT as OP_LSHIFT, MAT_MULTIPLY as OP_MATMUL, MODULO as OP_MOD, MORE as OP_MORE, MORE_EQUAL as OP_MORE_EQUAL,
    MULTIPLY as OP_MUL, NOT_EQUAL as OP_NOT_EQUAL, OR as OP_OR, POWER as OP_POW, RSHIFT as OP_RSHIFT,
    SUBTRACT as OP_SUB, TRUE_DIVIDE as OP_TRUE_DIV, XOR as OP_XOR,
};

impl Vm<'_> {
    // ---- construction -------------------------------------------------

    /// An int from i64 (small when it fits).
    pub fn new_int(&mut self, value: i64) -> R<Obj> {
        if Obj::fits_small(value) {
            return Ok(Obj::small(value as i32));
        }
        self.new_big(&Big::from_i64(value))
    }

    /// An int object from a [`Big`] (small when it fits).
    pub fn new_big(&mut self, big: &Big) -> R<Obj> {
        if let Some(value) = big.to_i64() {
            if Obj::fits_small(value) {
                return Ok(Obj::small(value as i32));
            }
        }
        let obj = self.alloc_typed(TypeId::Int, 3 + big.len)?;
        self.set_u(obj, 1, ((big.len as u32) << 1) | u32::from(big.negative));
        self.set_u(obj, 2, obj.0 + 12);
        for index in 0..big.len {
            self.set_u(obj, 3 + index as u32, big.digits[index]);
        }
        Ok(obj)
    }

    pub fn new_float(&mut self, value: f64) -> R<Obj> {
        let obj = self.alloc_typed(TypeId::Float, 3)?;
        // Words 1 and 2 hold the little-endian f64: one write of eight bytes.
        if let Some(target) = self.heap.bytes_mut(obj.0.wrapping_add(4), 8).first_chunk_mut::<8>() {
            *target = value.to_le_bytes();
        }
        Ok(obj)
    }

    #[inline]
    pub fn float_value(&self, obj: Obj) -> f64 {
        // Words 1 and 2 are the little-endian f64: one read of eight bytes.
        if let Some(bits) = self.bytes_at(obj.0.wrapping_add(4), 8).first_chunk::<8>() {
            return f64::from_le_bytes(*bits);
        }
        let low = u64::from(self.get_u(obj, 1));
        let high = u64::from(self.get_u(obj, 2));
        f64::from_bits(low | (high << 32))
    }

    // ---- queries ------------------------------------------------------

    /// Whether `obj` is an int (bool included).
    pub fn is_int(&self, obj: Obj) -> bool {
        obj.is_small()
            || obj == Obj::TRUE
            || obj == Obj::FALSE
            || (obj.is_ptr() && self.native_type(obj) == TypeId::Int)
    }

    pub fn is_float(&self, obj: Obj) -> bool {
        obj.is_ptr() && self.native_type(obj) == TypeId::Float
    }

    /// The value of an int as a [`Big`] (None if not an int).
    pub fn to_big(&self, obj: Obj) -> Option<Big> {
        if obj.is_small() {
            return Some(Big::from_i64(i64::from(obj.small_value())));
        }
        match obj {
            Obj::TRUE => return Some(Big::from_i64(1)),
            Obj::FALSE => return Some(Big::zero()),
            _ => {}
        }
        if !obj.is_ptr() || self.native_type(obj) != TypeId::Int {
            return None;
        }
        let info = self.get_u(obj, 1);
        let len = ((info >> 1) as usize).min(super::bigint::MAX_DIGITS);
        let digits = self.get_u(obj, 2);
        let mut big = Big::zero();
        big.negative = info & 1 == 1;
        big.len = len;
        for index in 0..len {
            big.digits[index] = self.word(digits + 4 * index as u32);
        }
        while big.len > 0 && big.digits[big.len - 1] == 0 {
            big.len -= 1;
        }
        Some(big)
    }

    /// An int (or bool) as i64; TypeError for other types, OverflowError if too big.
    pub fn to_i64(&mut self, obj: Obj) -> R<i64> {
        if obj.is_small() {
            return Ok(i64::from(obj.small_value()));
        }
        match self.to_big(obj) {
            Some(big) => match big.to_i64() {
                Some(value) => Ok(value),
                None => Err(self.raise_msg(TypeId::OverflowError, "overflow converting long int to machine word")),
            },
            None => Err(self.type_error_for("can't convert to int:", obj)),
        }
    }

    /// A number as f64 (ints and floats), or None.
    pub fn to_f64(&self, obj: Obj) -> Option<f64> {
        if obj.is_small() {
            return Some(f64::from(obj.small_value()));
        }
        if self.is_float(obj) {
            return Some(self.float_value(obj));
        }
        self.to_big(obj).map(|big| big.to_f64())
    }

    fn big_result(&mut self, big: Option<Big>) -> R<Obj> {
        match big {
            Some(big) => self.new_big(&big),
            None => Err(self.raise_msg(TypeId::OverflowError, "int too large")),
        }
    }

    // ---- arithmetic ---------------------------------------------------

    /// `left op right` for two ints; None if the operator does not apply.
    pub fn int_binary(&mut self, op: u8, left: Obj, right: Obj) -> R<Option<Obj>> {
        if left.is_small() && right.is_small() {
            let (a, b) = (i64::from(left.small_value()), i64::from(right.small_value()));
            let fast = match op {
                OP_ADD => Some(a + b),
                OP_SUB => Some(a - b),
                OP_MUL => Some(a * b),
                OP_OR => Some(a | b),
                OP_XOR => Some(a ^ b),
                OP_AND => Some(a & b),
                OP_FLOOR_DIV | OP_MOD if b != 0 => {
                    let mut quotient = a / b;
                    if a % b != 0 && ((a < 0) != (b < 0)) {
                        quotient -= 1;
                    }
                    Some(if op == OP_FLOOR_DIV { quotient } else { a - quotient * b })
                }
                OP_RSHIFT if b >= 0 => Some(a >> b.min(63)),
                OP_LSHIFT if (0..32).contains(&b) => a.checked_shl(b as u32).filter(|value| value >> b == a),
                _ => None,
            };
            if let Some(value) = fast {
                return self.new_int(value).map(Some);
            }
        }
        let (Some(a), Some(b)) = (self.to_big(left), self.to_big(right)) else { return Ok(None) };
        let result = match op {
            OP_ADD => a.add(&b),
            OP_SUB => a.sub(&b),
            OP_MUL => a.mul(&b),
            OP_OR => Some(a.bitwise(&b, b'|')),
            OP_XOR => Some(a.bitwise(&b, b'^')),
            OP_AND => Some(a.bitwise(&b, b'&')),
            OP_FLOOR_DIV | OP_MOD => {
                if b.is_zero() {
                    return Err(self.raise_msg(TypeId::ZeroDivisionError, "divide by zero"));
                }
                a.floor_divmod(&b).map(|(quotient, remainder)| if op == OP_FLOOR_DIV { quotient } else { remainder })
            }
            OP_LSHIFT | OP_RSHIFT => {
                if b.negative {
                    return Err(self.raise_msg(TypeId::ValueError, "negative shift count"));
                }
                let shift = b.to_i64().unwrap_or(i64::MAX) as usize;
                if op == OP_LSHIFT {
                    a.shl(shift)
                } else {
                    Some(a.shr(shift))
                }
            }
            OP_POW => {
                if b.negative {
                    let (x, y) = (a.to_f64(), b.to_f64());
                    return self.float_binary(OP_POW, x, y).map(Some);
                }
                let exponent = b.to_i64().unwrap_or(i64::MAX) as u64;
                if a.is_zero() || (a.len == 1 && a.digits[0] == 1) {
                    let odd = exponent & 1 == 1;
                    let mut result = a.clone();
                    result.negative = a.negative && odd;
                    if exponent == 0 {
                        result = Big::from_i64(1);
                    }
                    Some(result)
                } else if exponent > 4096 * 32 {
                    None
                } else {
                    a.pow(exponent)
                }
            }
            OP_TRUE_DIV => {
                if b.is_zero() {
                    return Err(self.raise_msg(TypeId::ZeroDivisionError, "divide by zero"));
                }
                let value = self.int_true_div(&a, &b);
                return self.new_float(value).map(Some);
            }
            OP_LESS..=OP_NOT_EQUAL => {
                let ordering = a.compare(&b);
                return Ok(Some(Obj::from_bool(compare_result(op, ordering))));
            }
            _ => return Ok(None),
        };
        self.big_result(result).map(Some)
    }

    fn int_true_div(&self, a: &Big, b: &Big) -> f64 {
        if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                return x as f64 / y as f64;
            }
        }
        a.to_f64() / b.to_f64()
    }

    /// `x op y` for floats.
    pub fn float_binary(&mut self, op: u8, x: f64, y: f64) -> R<Obj> {
        let value = match op {
            OP_ADD => x + y,
            OP_SUB => x - y,
            OP_MUL => x * y,
            OP_TRUE_DIV => {
                if y == 0.0 {
                    return Err(self.raise_msg(TypeId::ZeroDivisionError, "divide by zero"));
                }
                x / y
            }
            OP_FLOOR_DIV | OP_MOD => {
                if y == 0.0 {
                    let message = if op == OP_MOD { "float modulo" } else { "float divmod()" };
                    return Err(self.raise_msg(TypeId::ZeroDivisionError, message));
                }
                let (quotient, remainder) = float_divmod(x, y);
                if op == OP_FLOOR_DIV {
                    quotient
                } else {
                    remainder
                }
            }
            OP_POW => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.raise_msg(TypeId::ZeroDivisionError, "0.0 cannot be raised to a negative power"));
                }
                if x < 0.0 && y != libm::floor(y) {
                    return Err(self.raise_msg(TypeId::ValueError, "math domain error"));
                }
                libm::pow(x, y)
            }
            OP_LESS..=OP_NOT_EQUAL => {
                let result = match op {
                    OP_LESS => x < y,
                    OP_MORE => x > y,
                    OP_EQUAL => x == y,
                    OP_LESS_EQUAL => x <= y,
                    OP_MORE_EQUAL => x >= y,
                    _ => x != y,
                };
                return Ok(Obj::from_bool(result));
            }
            _ => return Err(self.raise_msg(TypeId::TypeError, "unsupported operand type(s) for float")),
        };
        self.new_float(value)
    }

    /// Numeric binary operation, or None if the operands are not both numbers.
    pub fn number_binary(&mut self, op: u8, left: Obj, right: Obj) -> R<Option<Obj>> {
        // Each operand's kind is read once: anything but a number (an
        // instance, a str, …) leaves at once for the caller's other paths.
        let (Some(left_kind), Some(right_kind)) = (self.number_kind(left), self.number_kind(right)) else {
            return Ok(None);
        };
        match (left_kind, right_kind) {
            (TypeId::Int, TypeId::Int) => return self.int_binary(op, left, right),
            (TypeId::Complex, _) | (_, TypeId::Complex) => return self.complex_binary(op, left, right),
            _ => {}
        }
        if matches!(op, OP_OR | OP_XOR | OP_AND | OP_LSHIFT | OP_RSHIFT | OP_MATMUL) {
            return Ok(None);
        }
        // Comparisons of a float with a big int compare exactly enough through f64.
        let value = |vm: &Self, obj: Obj, kind: TypeId| {
            if kind == TypeId::Float {
                Some(vm.float_value(obj))
            } else {
                vm.to_f64(obj)
            }
        };
        let (Some(x), Some(y)) = (value(self, left, left_kind), value(self, right, right_kind)) else {
            return Ok(None);
        };
        self.float_binary(op, x, y).map(Some)
    }

    /// `Int` (bool included), `Float` or `Complex` for a number, None for
    /// anything else. Numbers are never instances of classes (those derive
    /// only from `object`, `list`, `dict`, tuples and exceptions), so the
    /// type word says it all.
    fn number_kind(&self, obj: Obj) -> Option<TypeId> {
        if obj.is_small() || obj == Obj::TRUE || obj == Obj::FALSE {
            return Some(TypeId::Int);
        }
        if !obj.is_ptr() {
            return None;
        }
        let type_obj = self.get(obj, 0);
        [TypeId::Int, TypeId::Float, TypeId::Complex].into_iter().find(|kind| type_obj == kind.obj())
    }

    /// The numeric hash: equal numbers hash equal.
    pub fn number_hash(&self, obj: Obj) -> u32 {
        if obj.is_small() {
            return obj.small_value() as u32;
        }
        if self.is_float(obj) {
            return float_hash(self.float_value(obj));
        }
        match self.to_big(obj) {
            Some(big) => {
                let mut hash = 0u32;
                for index in 0..big.len {
                    hash = hash.wrapping_mul(1_000_003) ^ big.digits[index];
                }
                if big.negative {
                    hash.wrapping_neg()
                } else {
                    hash
                }
            }
            None => 0,
        }
    }
}

/// The hash of a float: one with an integral value hashes like that int.
pub fn float_hash(value: f64) -> u32 {
    if value == libm::trunc(value) && value.abs() < 1e18 {
        return (value as i64) as u32;
    }
    let bits = value.to_bits();
    (bits ^ (bits >> 32)) as u32
}

/// Whether `ordering` satisfies comparison operator `op`.
pub fn compare_result(op: u8, ordering: core::cmp::Ordering) -> bool {
    use core::cmp::Ordering::*;
    match op {
        OP_LESS => ordering == Less,
        OP_MORE => ordering == Greater,
        OP_EQUAL => ordering == Equal,
        OP_LESS_EQUAL => ordering != Greater,
        OP_MORE_EQUAL => ordering != Less,
        _ => ordering != Equal,
    }
}

/// Python's float floor division and modulo.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut remainder = libm::fmod(x, y);
    let mut quotient = (x - remainder) / y;
    if remainder != 0.0 {
        if (y < 0.0) != (remainder < 0.0) {
            remainder += y;
            quotient -= 1.0;
        }
    } else {
        remainder = libm::copysign(0.0, y);
    }
    let floor = libm::floor(quotient);
    if quotient - floor > 0.5 {
        quotient = floor + 1.0;
    } else {
        quotient = floor;
    }
    if quotient == 0.0 {
        quotient = libm::copysign(0.0, x / y);
    }
    (quotient, remainder)
}
