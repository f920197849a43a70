//! The VM's big-int operations: int objects of any size in, int objects out.
//!
//! Each operation reads its operands through an [`IntView`] (a small int's
//! digits, or where a big int's digits lie in the heap or the frozen image,
//! which is used in place), copies them into one zeroed scratch allocation
//! on the GC heap, runs a kernel of `obj::bigint` on disjoint parts of that
//! scratch, and copies the trimmed result into a new int of exactly its size
//! (or returns a small int). The operands and the scratch are rooted while
//! anything allocates; the collector reclaims the scratch. Sizes are limited
//! only by the heap: a result that cannot be allocated raises MemoryError.

use core::cmp::Ordering;

use super::bigint::{self, get, put};
use super::num::{OP_AND, OP_FLOOR_DIV, OP_LSHIFT, OP_MOD, OP_OR, OP_RSHIFT};
use super::{Obj, TypeId};
use crate::vm::{Vm, R};

/// Where an int's digits are, for reading.
#[derive(Clone, Copy, Debug)]
pub struct IntView {
    pub negative: bool,
    /// Digits without leading zero digits.
    pub len: usize,
    /// The address of the first digit, or 0 when they are in `small`.
    address: u32,
    small: [u32; 2],
}

impl IntView {
    pub fn is_zero(&self) -> bool {
        self.len == 0
    }

    fn from_i64(value: i64) -> IntView {
        let magnitude = value.unsigned_abs();
        let small = [magnitude as u32, (magnitude >> 32) as u32];
        let len = if small[1] != 0 { 2 } else { usize::from(small[0] != 0) };
        IntView { negative: value < 0, len, address: 0, small }
    }
}

/// The largest scratch or int, in words, that an operation asks the heap
/// for; anything larger is a MemoryError without trying (it also keeps byte
/// counts far from overflowing a 32-bit `usize`).
const MAX_WORDS: usize = 1 << 26;

/// The value of a view with at most one digit (below 2**32 in magnitude).
fn one_digit(view: &IntView) -> Option<i64> {
    if view.len > 1 {
        return None;
    }
    let magnitude =
        if view.len == 1 { i64::from(if view.address == 0 { view.small[0] } else { return None }) } else { 0 };
    Some(if view.negative { -magnitude } else { magnitude })
}

/// An int as an int object of type int (a bool becomes 0 or 1).
fn plain_int(value: Obj) -> Obj {
    match value {
        Obj::TRUE => Obj::small(1),
        Obj::FALSE => Obj::small(0),
        _ => value,
    }
}

impl Vm<'_> {
    /// The digits of an int (bool included), or None for other objects.
    pub fn int_view(&self, obj: Obj) -> Option<IntView> {
        if obj.is_small() {
            return Some(IntView::from_i64(i64::from(obj.small_value())));
        }
        match obj {
            Obj::TRUE => return Some(IntView::from_i64(1)),
            Obj::FALSE => return Some(IntView::from_i64(0)),
            _ => {}
        }
        if !obj.is_ptr() || self.native_type(obj) != TypeId::Int {
            return None;
        }
        let info = self.get_u(obj, 1);
        let address = self.get_u(obj, 2);
        let mut len = (info >> 1) as usize;
        while len > 0 && self.word(address.wrapping_add(4 * (len as u32 - 1))) == 0 {
            len -= 1;
        }
        Some(IntView { negative: info & 1 == 1 && len > 0, len, address, small: [0; 2] })
    }

    /// Digit `index` of a view (0 past its end).
    pub fn view_digit(&self, view: &IntView, index: usize) -> u32 {
        if index >= view.len {
            0
        } else if view.address == 0 {
            view.small[index]
        } else {
            self.word(view.address.wrapping_add(4 * index as u32))
        }
    }

    /// The number of bits of the magnitude.
    pub fn view_bit_length(&self, view: &IntView) -> usize {
        if view.len == 0 {
            return 0;
        }
        32 * view.len - self.view_digit(view, view.len - 1).leading_zeros() as usize
    }

    /// The value of a view as i64, if it fits.
    pub fn view_to_i64(&self, view: &IntView) -> Option<i64> {
        if view.len > 2 {
            return None;
        }
        let magnitude = u64::from(self.view_digit(view, 0)) | (u64::from(self.view_digit(view, 1)) << 32);
        if view.negative {
            (magnitude <= 1u64 << 63).then(|| (magnitude as i64).wrapping_neg())
        } else {
            i64::try_from(magnitude).ok()
        }
    }

    /// The value of a view as the nearest f64 below it in magnitude (inf when too big).
    pub fn view_to_f64(&self, view: &IntView) -> f64 {
        let mut value = 0.0f64;
        for index in (0..view.len).rev() {
            value = value * 4294967296.0 + f64::from(self.view_digit(view, index));
        }
        if view.negative {
            -value
        } else {
            value
        }
    }

    /// The low 64 bits of an int's two's complement.
    pub fn view_low_u64(&self, view: &IntView) -> u64 {
        let magnitude = u64::from(self.view_digit(view, 0)) | (u64::from(self.view_digit(view, 1)) << 32);
        if view.negative {
            magnitude.wrapping_neg()
        } else {
            magnitude
        }
    }

    /// Compares two ints.
    pub fn view_compare(&self, a: &IntView, b: &IntView) -> Ordering {
        match (a.negative, b.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.compare_view_magnitudes(a, b),
            (true, true) => self.compare_view_magnitudes(b, a),
        }
    }

    fn compare_view_magnitudes(&self, a: &IntView, b: &IntView) -> Ordering {
        if a.len != b.len {
            return a.len.cmp(&b.len);
        }
        for index in (0..a.len).rev() {
            let (x, y) = (self.view_digit(a, index), self.view_digit(b, index));
            if x != y {
                return x.cmp(&y);
            }
        }
        Ordering::Equal
    }

    // ---- scratch and results -----------------------------------------

    /// A zeroed heap allocation of `words` words for an operation's digits.
    fn int_scratch(&mut self, words: usize) -> R<Obj> {
        if words > MAX_WORDS {
            return Err(self.raise_memory_error());
        }
        self.alloc(words)
    }

    /// Copies `count` digits of `view` from digit `from` to the heap address `to`.
    fn copy_view(&mut self, view: &IntView, from: usize, count: usize, to: u32) {
        if view.address == 0 {
            for index in 0..count {
                let digit = self.view_digit(view, from + index);
                self.heap.set_word(to + 4 * index as u32, digit);
            }
        } else {
            self.copy_bytes(view.address + 4 * from as u32, to, 4 * count);
        }
    }

    /// The bytes of `words` words of `scratch` from word `offset`.
    fn scratch_bytes(&mut self, scratch: Obj, offset: usize, words: usize) -> &mut [u8] {
        self.heap.bytes_mut(scratch.0 + 4 * offset as u32, 4 * words)
    }

    /// The int whose magnitude is `len` digits of `scratch` from word
    /// `offset` (trimmed here); `scratch` must be rooted.
    fn int_from_scratch(&mut self, negative: bool, scratch: Obj, offset: usize, len: usize) -> R<Obj> {
        let digits = self.scratch_bytes(scratch, offset, len);
        let len = bigint::trimmed_len(digits, len);
        if len <= 2 {
            let magnitude = if len == 0 {
                0
            } else {
                u64::from(get(digits, 0)) | if len == 2 { u64::from(get(digits, 1)) << 32 } else { 0 }
            };
            if magnitude < 1 << 62 {
                let value = if negative { -(magnitude as i64) } else { magnitude as i64 };
                return self.new_int(value);
            }
        }
        if len + 3 > MAX_WORDS {
            return Err(self.raise_memory_error());
        }
        let obj = self.alloc_typed(TypeId::Int, 3 + len)?;
        self.set_u(obj, 1, ((len as u32) << 1) | u32::from(negative));
        self.set_u(obj, 2, obj.0 + 12);
        self.copy_bytes(scratch.0 + 4 * offset as u32, obj.0 + 12, 4 * len);
        Ok(obj)
    }

    /// Runs `body` with `objs` rooted and a rooted scratch of `words` words.
    /// The scratch is left to the collector: freeing it at once lowers the
    /// allocator's hint for long runs to its place, below the results made
    /// since, and every later long allocation would search from there (88 %
    /// of `bm_pidigits`' instructions went into that search).
    fn with_int_scratch(&mut self, objs: &[Obj], words: usize, body: impl FnOnce(&mut Self, Obj) -> R<Obj>) -> R<Obj> {
        self.with_roots(objs, |vm| {
            let scratch = vm.int_scratch(words)?;
            vm.push_root(scratch)?;
            body(vm, scratch)
        })
    }

    // ---- arithmetic ---------------------------------------------------

    /// `left + right`, or `left - right` when `subtract`.
    pub fn int_add(&mut self, left: Obj, right: Obj, subtract: bool) -> R<Obj> {
        let (Some(a), Some(mut b)) = (self.int_view(left), self.int_view(right)) else {
            return Err(self.raise_msg(TypeId::TypeError, "unsupported types for int operation"));
        };
        b.negative = (b.negative != subtract) && !b.is_zero();
        if let (Some(x), Some(y)) = (one_digit(&a), one_digit(&b)) {
            return self.new_int(x + y);
        }
        let out_len = a.len.max(b.len) + 1;
        self.with_int_scratch(&[left, right], a.len + b.len + out_len, |vm, scratch| {
            vm.copy_view(&a, 0, a.len, scratch.0);
            vm.copy_view(&b, 0, b.len, scratch.0 + 4 * a.len as u32);
            let bytes = vm.scratch_bytes(scratch, 0, a.len + b.len + out_len);
            let (operands, out) = bytes.split_at_mut(4 * (a.len + b.len));
            let (a_digits, b_digits) = operands.split_at(4 * a.len);
            let negative = if a.negative == b.negative {
                bigint::add_magnitudes(a_digits, a.len, b_digits, b.len, out);
                a.negative
            } else if bigint::compare_magnitudes(a_digits, a.len, b_digits, b.len) != Ordering::Less {
                bigint::sub_magnitudes(a_digits, a.len, b_digits, b.len, out);
                a.negative
            } else {
                bigint::sub_magnitudes(b_digits, b.len, a_digits, a.len, out);
                b.negative
            };
            vm.int_from_scratch(negative, scratch, a.len + b.len, out_len)
        })
    }

    /// `left * right`.
    pub fn int_mul(&mut self, left: Obj, right: Obj) -> R<Obj> {
        let (Some(a), Some(b)) = (self.int_view(left), self.int_view(right)) else {
            return Err(self.raise_msg(TypeId::TypeError, "unsupported types for int operation"));
        };
        if a.is_zero() || b.is_zero() {
            return Ok(Obj::small(0));
        }
        if let (Some(x), Some(y)) = (one_digit(&a), one_digit(&b)) {
            if let Some(product) = x.checked_mul(y) {
                return self.new_int(product);
            }
        }
        let out_len = a.len + b.len;
        self.with_int_scratch(&[left, right], 2 * out_len, |vm, scratch| {
            vm.copy_view(&a, 0, a.len, scratch.0);
            vm.copy_view(&b, 0, b.len, scratch.0 + 4 * a.len as u32);
            let bytes = vm.scratch_bytes(scratch, 0, 2 * out_len);
            let (operands, out) = bytes.split_at_mut(4 * out_len);
            let (a_digits, b_digits) = operands.split_at(4 * a.len);
            if a.len >= b.len {
                bigint::mul_magnitudes(b_digits, b.len, a_digits, a.len, out);
            } else {
                bigint::mul_magnitudes(a_digits, a.len, b_digits, b.len, out);
            }
            vm.int_from_scratch(a.negative != b.negative, scratch, out_len, out_len)
        })
    }

    /// Python's floor division (`op` is `OP_FLOOR_DIV`) or modulo
    /// (`OP_MOD`); ZeroDivisionError for a zero divisor.
    pub fn int_floor_divmod(&mut self, op: u8, left: Obj, right: Obj) -> R<Obj> {
        let (Some(a), Some(b)) = (self.int_view(left), self.int_view(right)) else {
            return Err(self.raise_msg(TypeId::TypeError, "unsupported types for int operation"));
        };
        if b.is_zero() {
            return Err(self.raise_msg(TypeId::ZeroDivisionError, "divide by zero"));
        }
        if let (Some(x), Some(y)) = (one_digit(&a), one_digit(&b)) {
            let (quotient, remainder) = (x.div_euclid(y), x.rem_euclid(y));
            // Euclid's remainder is never negative; floor's has the divisor's sign.
            let (quotient, remainder) =
                if y < 0 && remainder != 0 { (quotient + 1, remainder + y) } else { (quotient, remainder) };
            return self.new_int(if op == OP_FLOOR_DIV { quotient } else { remainder });
        }
        let adjust = a.negative != b.negative;
        if self.compare_view_magnitudes(&a, &b) == Ordering::Less {
            // The quotient's magnitude is 0 and the remainder is `a`; with
            // different signs, floor moves them to -1 and `a + b`.
            return match (op == OP_FLOOR_DIV, adjust && !a.is_zero()) {
                (true, false) => Ok(Obj::small(0)),
                (true, true) => Ok(Obj::small(-1)),
                (false, false) => Ok(plain_int(left)),
                (false, true) => self.int_add(left, right, false),
            };
        }
        let n = b.len;
        let quotient_len = a.len - n + 1;
        // Scratch: dividend (a.len + 1) | divisor (n + 1) | quotient (quotient_len + 1).
        let dividend_words = a.len + 1;
        let words = dividend_words + (n + 1) + (quotient_len + 1);
        self.with_int_scratch(&[left, right], words, |vm, scratch| {
            vm.copy_view(&a, 0, a.len, scratch.0);
            vm.copy_view(&b, 0, n, scratch.0 + 4 * dividend_words as u32);
            let bytes = vm.scratch_bytes(scratch, 0, words);
            let (dividend, rest) = bytes.split_at_mut(4 * dividend_words);
            let (divisor, quotient) = rest.split_at_mut(4 * (n + 1));
            let remainder_nonzero;
            if n == 1 {
                let small_divisor = get(divisor, 0);
                let remainder = bigint::divide_small(dividend, a.len, small_divisor);
                // The quotient stays in the dividend's place; the remainder
                // goes to the divisor's.
                quotient[..4 * dividend_words].copy_from_slice(dividend);
                put(divisor, 1, 0);
                if adjust && remainder != 0 {
                    put(divisor, 0, small_divisor - remainder);
                } else {
                    put(divisor, 0, remainder);
                }
                remainder_nonzero = remainder != 0;
            } else {
                let shift = get(divisor, n - 1).leading_zeros();
                bigint::shift_left_bits(dividend, a.len, shift);
                bigint::shift_left_bits(divisor, n, shift);
                bigint::divide_knuth(dividend, divisor, n, quotient, quotient_len);
                let remainder_len = bigint::trimmed_len(dividend, n);
                remainder_nonzero = remainder_len != 0;
                if adjust && remainder_nonzero {
                    // Floor: the remainder becomes |b| - r (both still shifted).
                    bigint::subtract_in_place(divisor, n, dividend, remainder_len);
                } else {
                    divisor[..4 * n].copy_from_slice(&dividend[..4 * n]);
                }
                bigint::shift_right_bits(divisor, n, shift);
                put(divisor, n, 0);
            }
            let quotient_offset = dividend_words + n + 1;
            if op == OP_FLOOR_DIV {
                let quotient_digits = if n == 1 { a.len } else { quotient_len };
                let quotient = vm.scratch_bytes(scratch, quotient_offset, quotient_digits + 1);
                if adjust && remainder_nonzero {
                    bigint::increment(quotient, quotient_digits);
                }
                vm.int_from_scratch(adjust, scratch, quotient_offset, quotient_digits + 1)
            } else {
                vm.int_from_scratch(b.negative, scratch, dividend_words, n)
            }
        })
    }

    /// `left & right`, `left | right` or `left ^ right` with Python's
    /// infinite two's complement semantics.
    pub fn int_bitwise(&mut self, op: u8, left: Obj, right: Obj) -> R<Obj> {
        let (Some(a), Some(b)) = (self.int_view(left), self.int_view(right)) else {
            return Err(self.raise_msg(TypeId::TypeError, "unsupported types for int operation"));
        };
        if let (Some(x), Some(y)) = (one_digit(&a), one_digit(&b)) {
            return self.new_int(match op {
                OP_AND => x & y,
                OP_OR => x | y,
                _ => x ^ y,
            });
        }
        let width = a.len.max(b.len) + 1;
        self.with_int_scratch(&[left, right], 3 * width, |vm, scratch| {
            vm.copy_view(&a, 0, a.len, scratch.0);
            vm.copy_view(&b, 0, b.len, scratch.0 + 4 * width as u32);
            let bytes = vm.scratch_bytes(scratch, 0, 3 * width);
            let (operands, out) = bytes.split_at_mut(8 * width);
            let (a_digits, b_digits) = operands.split_at_mut(4 * width);
            bigint::twos_complement(a_digits, width, a.negative);
            bigint::twos_complement(b_digits, width, b.negative);
            for index in 0..width {
                let (x, y) = (get(a_digits, index), get(b_digits, index));
                let value = match op {
                    OP_AND => x & y,
                    OP_OR => x | y,
                    _ => x ^ y,
                };
                put(out, index, value);
            }
            let negative = get(out, width - 1) >> 31 == 1;
            bigint::twos_complement(out, width, negative);
            vm.int_from_scratch(negative, scratch, 2 * width, width)
        })
    }

    /// `left << right` or `left >> right` (arithmetic: floor for negative numbers).
    pub fn int_shift(&mut self, op: u8, left: Obj, right: Obj) -> R<Obj> {
        let (Some(a), Some(b)) = (self.int_view(left), self.int_view(right)) else {
            return Err(self.raise_msg(TypeId::TypeError, "unsupported types for int operation"));
        };
        // As MicroPython, the count is first made a machine word.
        if self.view_to_i64(&b).and_then(|count| i32::try_from(count).ok()).is_none() {
            return Err(self.raise_msg(TypeId::OverflowError, "overflow converting long int to machine word"));
        }
        if b.negative {
            return Err(self.raise_msg(TypeId::ValueError, "negative shift count"));
        }
        if a.is_zero() {
            return Ok(Obj::small(0));
        }
        let shift = self.view_to_i64(&b).unwrap_or(i64::MAX) as u64;
        if let Some(x) = one_digit(&a) {
            if op == OP_RSHIFT {
                return self.new_int(x >> shift.min(63));
            }
            if shift < 31 {
                return self.new_int(x << shift);
            }
        }
        let words = (shift / 32).min(MAX_WORDS as u64) as usize;
        let bits = (shift % 32) as u32;
        if op == OP_LSHIFT {
            let len = a.len + words + 1;
            return self.with_int_scratch(&[left], len, |vm, scratch| {
                vm.copy_view(&a, 0, a.len, scratch.0 + 4 * words as u32);
                let digits = vm.scratch_bytes(scratch, words, a.len + 1);
                bigint::shift_left_bits(digits, a.len, bits);
                vm.int_from_scratch(a.negative, scratch, 0, len)
            });
        }
        debug_assert_eq!(op, OP_RSHIFT);
        if words >= a.len {
            return Ok(Obj::small(if a.negative { -1 } else { 0 }));
        }
        let len = a.len - words;
        let lost_words = (0..words).any(|index| self.view_digit(&a, index) != 0);
        self.with_int_scratch(&[left], len + 1, |vm, scratch| {
            vm.copy_view(&a, words, len, scratch.0);
            let digits = vm.scratch_bytes(scratch, 0, len + 1);
            let lost_bits = bigint::shift_right_bits(digits, len, bits);
            if a.negative && (lost_words || lost_bits) {
                bigint::increment(digits, len);
            }
            vm.int_from_scratch(a.negative, scratch, 0, len + 1)
        })
    }

    /// `base ** exponent` for a non-negative exponent, by squaring.
    pub fn int_pow(&mut self, base: Obj, exponent: Obj) -> R<Obj> {
        let (Some(a), Some(b)) = (self.int_view(base), self.int_view(exponent)) else {
            return Err(self.raise_msg(TypeId::TypeError, "unsupported types for int operation"));
        };
        let odd = self.view_digit(&b, 0) & 1 == 1;
        if b.is_zero() {
            return Ok(Obj::small(1));
        }
        if a.is_zero() || (a.len == 1 && self.view_digit(&a, 0) == 1) {
            return Ok(Obj::small(if a.negative && odd { -1 } else { i32::from(!a.is_zero()) }));
        }
        // The result has about `exponent * bit_length(base)` bits.
        let exponent_value = self.view_to_i64(&b).unwrap_or(i64::MAX) as u64;
        let result_bits = exponent_value.saturating_mul(self.view_bit_length(&a).saturating_sub(1).max(1) as u64);
        if result_bits / 32 > MAX_WORDS as u64 || result_bits / 8 > (self.heap.block_count() * 16) as u64 {
            return Err(self.raise_memory_error());
        }
        self.root_scope(|vm| {
            let mut result = Obj::small(1);
            let mut square = base;
            let mut remaining = exponent_value;
            let mark = vm.root_mark();
            loop {
                vm.pop_roots(mark);
                vm.push_root(result)?;
                vm.push_root(square)?;
                if remaining & 1 == 1 {
                    result = vm.int_mul(result, square)?;
                }
                remaining >>= 1;
                if remaining == 0 {
                    return Ok(result);
                }
                vm.push_root(result)?;
                square = vm.int_mul(square, square)?;
            }
        })
    }

    /// `(base ** exponent) % modulus` for a non-negative exponent and a
    /// modulus that is not zero.
    pub fn int_pow_mod(&mut self, base: Obj, exponent: Obj, modulus: Obj) -> R<Obj> {
        let Some(b) = self.int_view(exponent) else {
            return Err(self.raise_msg(TypeId::TypeError, "unsupported types for int operation"));
        };
        let bits = self.view_bit_length(&b);
        self.root_scope(|vm| {
            vm.push_root(exponent)?;
            vm.push_root(modulus)?;
            let mark = vm.root_mark();
            let mut result = Obj::small(1);
            let mut square = vm.int_floor_divmod(OP_MOD, base, modulus)?;
            for index in 0..bits {
                vm.pop_roots(mark);
                vm.push_root(result)?;
                vm.push_root(square)?;
                let exponent_view = vm.int_view(exponent).unwrap_or(b);
                if (vm.view_digit(&exponent_view, index / 32) >> (index % 32)) & 1 == 1 {
                    let product = vm.int_mul(result, square)?;
                    result = vm.int_floor_divmod(OP_MOD, product, modulus)?;
                    vm.push_root(result)?;
                }
                if index + 1 < bits {
                    let product = vm.int_mul(square, square)?;
                    square = vm.int_floor_divmod(OP_MOD, product, modulus)?;
                }
            }
            vm.int_floor_divmod(OP_MOD, result, modulus)
        })
    }

    /// `-value` for an int.
    pub fn int_negate(&mut self, value: Obj) -> R<Obj> {
        self.int_add(Obj::small(0), value, true)
    }

    /// `abs(value)` for an int.
    pub fn int_abs(&mut self, value: Obj) -> R<Obj> {
        match self.int_view(value) {
            Some(view) if view.negative => self.int_negate(value),
            _ => Ok(plain_int(value)),
        }
    }

    /// An int from its magnitude's little-endian bytes and a sign.
    pub fn int_from_le_bytes(&mut self, bytes_obj: Obj, little: bool, negative: bool) -> R<Obj> {
        let byte_len = self.str_len(bytes_obj);
        if !negative {
            // A value that fits a small int needs no scratch (MicroPython
            // makes these with the heap locked): high zero bytes aside, at
            // most four bytes whose value is below 2**30.
            let bytes = self.str_bytes(bytes_obj);
            let mut value: u64 = 0;
            let mut fits = true;
            for index in 0..byte_len {
                let byte = bytes[if little { byte_len - 1 - index } else { index }];
                value = (value << 8) | u64::from(byte);
                if value > u64::from(u32::MAX) {
                    fits = false;
                    break;
                }
            }
            if fits && Obj::fits_small(value as i64) {
                return Ok(Obj::small(value as i32));
            }
        }
        let len = byte_len.div_ceil(4);
        self.with_int_scratch(&[bytes_obj], len, |vm, scratch| {
            for index in 0..byte_len {
                let byte = vm.str_bytes(bytes_obj)[if little { index } else { byte_len - 1 - index }];
                let address = scratch.0 + 4 * (index / 4) as u32;
                let word = vm.word(address) | (u32::from(byte) << (8 * (index % 4)));
                vm.heap.set_word(address, word);
            }
            vm.int_from_scratch(negative, scratch, 0, len)
        })
    }

    /// An int from bytes `start..end` of the str `text` in `radix` (no
    /// sign, no prefix; underscores between digits allowed), or None when
    /// they are not a number.
    pub fn int_parse(&mut self, text: Obj, start: usize, end: usize, radix: u32, negative: bool) -> R<Option<Obj>> {
        let len = bigint::parse_len_bound(end - start, radix);
        let mut parsed = true;
        let result = self.with_int_scratch(&[text], len, |vm, scratch| {
            let mut parser = bigint::RadixParser::new(radix);
            let mut window = [0u8; 64];
            let mut position = start;
            while position < end {
                let count = (end - position).min(window.len());
                window[..count].copy_from_slice(&vm.str_bytes(text)[position..position + count]);
                position += count;
                if parser.feed(&window[..count], vm.scratch_bytes(scratch, 0, len)).is_none() {
                    parsed = false;
                    return Ok(Obj::small(0));
                }
            }
            match parser.finish(vm.scratch_bytes(scratch, 0, len)) {
                Some(parsed_len) => vm.int_from_scratch(negative, scratch, 0, parsed_len),
                None => {
                    parsed = false;
                    Ok(Obj::small(0))
                }
            }
        })?;
        Ok(parsed.then_some(result))
    }

    /// The text of an int in `radix` (2..=36, no sign, no prefix), in a
    /// heap scratch: `(scratch, start, end)` in bytes from its address. The
    /// caller reads it with [`Vm::bytes_at`] and frees it.
    pub fn int_text(&mut self, value: Obj, radix: u32) -> R<(Obj, usize, usize)> {
        let Some(view) = self.int_view(value) else {
            return Err(self.raise_msg(TypeId::TypeError, "can't convert to int"));
        };
        let text_len = bigint::text_len_bound(view.len, radix);
        let text_words = text_len.div_ceil(4);
        let mut start = 0;
        let scratch = self.with_roots(&[value], |vm| {
            let scratch = vm.int_scratch(view.len + text_words)?;
            vm.copy_view(&view, 0, view.len, scratch.0);
            let bytes = vm.scratch_bytes(scratch, 0, view.len + text_words);
            let (digits, text) = bytes.split_at_mut(4 * view.len);
            start = bigint::write_radix(digits, view.len, radix, text);
            Ok(scratch)
        })?;
        Ok((scratch, 4 * view.len + start, 4 * (view.len + text_words)))
    }

    /// Hands the text of an int in `radix` (no sign, no prefix) to `each`
    /// in pieces, most significant first; `each` may allocate.
    pub fn with_int_text(&mut self, value: Obj, radix: u32, mut each: impl FnMut(&mut Self, &[u8]) -> R<()>) -> R<()> {
        let (scratch, start, end) = self.int_text(value, radix)?;
        let result = self.with_roots(&[scratch], |vm| {
            let mut piece = [0u8; 128];
            let mut position = start;
            while position < end {
                let count = (end - position).min(piece.len());
                piece[..count].copy_from_slice(vm.bytes_at(scratch.0 + position as u32, count));
                position += count;
                each(vm, &piece[..count])?;
            }
            Ok(())
        });
        self.free(scratch);
        result
    }

    /// The index of the lowest digit that is not zero (the length for zero).
    pub fn view_lowest_nonzero(&self, view: &IntView) -> usize {
        (0..view.len).find(|&index| self.view_digit(view, index) != 0).unwrap_or(view.len)
    }

    /// Byte `index` (little-endian) of an int's infinite two's complement.
    /// `lowest_nonzero` is [`Vm::view_lowest_nonzero`] of the view.
    pub fn int_twos_complement_byte(&self, view: &IntView, lowest_nonzero: usize, index: usize) -> u8 {
        let digit_index = index / 4;
        let magnitude = self.view_digit(view, digit_index);
        let digit = if !view.negative || digit_index < lowest_nonzero {
            magnitude
        } else if digit_index > lowest_nonzero {
            // A borrow was taken below: this digit is just inverted.
            !magnitude
        } else {
            magnitude.wrapping_neg()
        };
        (digit >> (8 * (index % 4))) as u8
    }
}
