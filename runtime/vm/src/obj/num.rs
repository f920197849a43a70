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
use super::bigint_ops::IntView;
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
        if big.len <= 1 {
            let magnitude = i64::from(if big.len == 1 { big.digits[0] } else { 0 });
            let value = if big.negative { -magnitude } else { magnitude };
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
        let obj = self.alloc(3)?;
        // The type word and the little-endian f64: one write of twelve bytes.
        let mut words = [0u8; 12];
        words[..4].copy_from_slice(&TypeId::Float.addr().to_le_bytes());
        words[4..].copy_from_slice(&value.to_le_bytes());
        if let Some(target) = self.heap.bytes_mut(obj.0, 12).first_chunk_mut::<12>() {
            *target = words;
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

    /// An int (or bool) as i64; TypeError for other types, OverflowError if too big.
    pub fn to_i64(&mut self, obj: Obj) -> R<i64> {
        if obj.is_small() {
            return Ok(i64::from(obj.small_value()));
        }
        match self.int_view(obj) {
            Some(view) => match self.view_to_i64(&view) {
                Some(value) => Ok(value),
                None => Err(self.raise_msg(TypeId::OverflowError, "overflow converting long int to machine word")),
            },
            None => Err(self.cannot_convert(obj, "int")),
        }
    }

    /// A number as f64, as MicroPython's `mp_obj_get_float`: ints, bools and
    /// floats, and objects whose `__float__` gives a float; else TypeError.
    pub fn float_of(&mut self, obj: Obj) -> R<f64> {
        if let Some(value) = self.to_f64(obj) {
            return Ok(value);
        }
        if self.is_str(obj) {
            return Err(self.cannot_convert(obj, "float"));
        }
        if let Some(result) = self.call_special_unary(obj, q!("__float__"))? {
            if self.is_float(result) {
                return Ok(self.float_value(result));
            }
            return Err(self.cannot_convert(obj, "float"));
        }
        Err(self.cannot_convert(obj, "float"))
    }

    /// A number as f64 (ints and floats), or None.
    pub fn to_f64(&self, obj: Obj) -> Option<f64> {
        if obj.is_small() {
            return Some(f64::from(obj.small_value()));
        }
        if self.is_float(obj) {
            return Some(self.float_value(obj));
        }
        self.int_view(obj).map(|view| self.view_to_f64(&view))
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
        let (Some(a), Some(b)) = (self.int_view(left), self.int_view(right)) else { return Ok(None) };
        let result = match op {
            OP_ADD => self.int_add(left, right, false)?,
            OP_SUB => self.int_add(left, right, true)?,
            OP_MUL => self.int_mul(left, right)?,
            OP_OR | OP_XOR | OP_AND => self.int_bitwise(op, left, right)?,
            OP_FLOOR_DIV | OP_MOD => self.int_floor_divmod(op, left, right)?,
            OP_LSHIFT | OP_RSHIFT => self.int_shift(op, left, right)?,
            OP_POW => {
                if b.negative {
                    let (x, y) = (self.view_to_f64(&a), self.view_to_f64(&b));
                    return self.float_binary(OP_POW, x, y).map(Some);
                }
                self.int_pow(left, right)?
            }
            OP_TRUE_DIV => {
                if b.is_zero() {
                    return Err(self.raise_msg(TypeId::ZeroDivisionError, "divide by zero"));
                }
                let value = self.int_true_div(&a, &b);
                return self.new_float(value).map(Some);
            }
            OP_LESS..=OP_NOT_EQUAL => {
                let ordering = self.view_compare(&a, &b);
                return Ok(Some(Obj::from_bool(compare_result(op, ordering))));
            }
            _ => return Ok(None),
        };
        Ok(Some(result))
    }

    fn int_true_div(&self, a: &IntView, b: &IntView) -> f64 {
        if let (Some(x), Some(y)) = (self.view_to_i64(a), self.view_to_i64(b)) {
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                return x as f64 / y as f64;
            }
        }
        self.view_to_f64(a) / self.view_to_f64(b)
    }

    /// `x op y` for floats.
    /// `left op right` for a float and a float or small int, under `+ - *`,
    /// `/` by non-zero and the comparisons (in-place forms too): float code's
    /// common case, without `binary_op`'s general dispatch. `None` for
    /// anything else (the general path then gives the same result or error).
    pub(crate) fn float_fast_binary(&mut self, op: u8, left: Obj, right: Obj) -> Option<R<Obj>> {
        let (x, left_float) = self.fast_float_operand(left)?;
        let (y, right_float) = self.fast_float_operand(right)?;
        if !(left_float || right_float) {
            return None;
        }
        let inplace = rime_bytecode::opcode::binary::INPLACE_OR..=rime_bytecode::opcode::binary::INPLACE_POWER;
        let op = if inplace.contains(&op) { op + rime_bytecode::opcode::binary::INPLACE_OFFSET } else { op };
        let value = match op {
            OP_ADD => x + y,
            OP_SUB => x - y,
            OP_MUL => x * y,
            OP_TRUE_DIV if y != 0.0 => x / y,
            OP_LESS => return Some(Ok(Obj::from_bool(x < y))),
            OP_MORE => return Some(Ok(Obj::from_bool(x > y))),
            OP_EQUAL => return Some(Ok(Obj::from_bool(x == y))),
            OP_LESS_EQUAL => return Some(Ok(Obj::from_bool(x <= y))),
            OP_MORE_EQUAL => return Some(Ok(Obj::from_bool(x >= y))),
            OP_NOT_EQUAL => return Some(Ok(Obj::from_bool(x != y))),
            _ => return None,
        };
        Some(self.new_float(value))
    }

    /// An operand of [`Vm::float_fast_binary`]: a float's value (and true)
    /// or a small int's (and false); `None` for anything else. A heap
    /// float is read with heap word reads alone.
    #[inline(always)]
    fn fast_float_operand(&self, obj: Obj) -> Option<(f64, bool)> {
        if obj.is_small() {
            return Some((f64::from(obj.small_value()), false));
        }
        if !obj.is_ptr() {
            return None;
        }
        // A heap object's first twelve bytes in one read: type word, f64.
        if let Some(words) = self.heap.bytes(obj.0, 12).first_chunk::<12>() {
            let [t0, t1, t2, t3, value @ ..] = *words;
            return (u32::from_le_bytes([t0, t1, t2, t3]) == TypeId::Float.addr())
                .then(|| (f64::from_le_bytes(value), true));
        }
        (self.get(obj, 0) == TypeId::Float.obj()).then(|| (self.float_value(obj), true))
    }

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
                // Infinite and nan exponents follow IEEE pow, as in MicroPython.
                if x == 0.0 && y < 0.0 && y.is_finite() {
                    return Err(self.raise_msg(TypeId::ZeroDivisionError, "0.0 cannot be raised to a negative power"));
                }
                if x < 0.0 && y.is_finite() && y != libm::floor(y) {
                    // A negative base to a fractional power is complex, as in
                    // MicroPython: exp(y * (ln|x| + iπ)).
                    let magnitude = libm::exp(y * libm::log(-x));
                    let angle = y * libm::atan2(0.0, x);
                    return self.new_complex(magnitude * libm::cos(angle), magnitude * libm::sin(angle));
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
    /// anything else. Numbers are never instances of classes (no class may
    /// derive from `int`, `float` or `complex`, see `interp::subclass`), so
    /// the type word says it all.
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
        // The low word of the two's complement, as for small ints and
        // floats with an integral value.
        match self.int_view(obj) {
            Some(view) => self.view_low_u64(&view) as u32,
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
