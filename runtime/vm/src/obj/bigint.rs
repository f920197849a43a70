//! Arbitrary-precision integer arithmetic on a fixed-size digit array.
//!
//! The VM has no allocator of its own for temporaries, so operands are copied
//! into [`Big`] values on the Rust stack (at most [`MAX_DIGITS`] 32-bit
//! digits, 4096 bits; a larger result raises `OverflowError`), and results are
//! written back to the heap as int objects by `obj::int`.

use core::cmp::Ordering;

/// The largest number of 32-bit digits an int may have.
pub const MAX_DIGITS: usize = 128;

/// A sign and magnitude, least significant digit first.
#[derive(Clone)]
pub struct Big {
    pub negative: bool,
    pub len: usize,
    pub digits: [u32; MAX_DIGITS],
}

impl Big {
    pub fn zero() -> Big {
        Big { negative: false, len: 0, digits: [0; MAX_DIGITS] }
    }

    pub fn from_i64(value: i64) -> Big {
        let mut big = Big::zero();
        big.negative = value < 0;
        let mut magnitude = value.unsigned_abs();
        while magnitude != 0 {
            big.digits[big.len] = magnitude as u32;
            big.len += 1;
            magnitude >>= 32;
        }
        big
    }

    pub fn from_u64(mut magnitude: u64) -> Big {
        let mut big = Big::zero();
        while magnitude != 0 {
            big.digits[big.len] = magnitude as u32;
            big.len += 1;
            magnitude >>= 32;
        }
        big
    }

    pub fn is_zero(&self) -> bool {
        self.len == 0
    }

    fn trim(&mut self) {
        while self.len > 0 && self.digits[self.len - 1] == 0 {
            self.len -= 1;
        }
        if self.len == 0 {
            self.negative = false;
        }
    }

    /// The value as i64, if it fits.
    pub fn to_i64(&self) -> Option<i64> {
        if self.len > 2 {
            return None;
        }
        let magnitude = u64::from(self.digits[0]) | (u64::from(self.digits[1]) << 32);
        let magnitude = if self.len == 0 {
            0
        } else if self.len == 1 {
            u64::from(self.digits[0])
        } else {
            magnitude
        };
        if self.negative {
            if magnitude <= 1u64 << 63 {
                Some((magnitude as i64).wrapping_neg())
            } else {
                None
            }
        } else {
            i64::try_from(magnitude).ok()
        }
    }

    pub fn to_f64(&self) -> f64 {
        let mut value = 0.0f64;
        for index in (0..self.len).rev() {
            value = value * 4294967296.0 + f64::from(self.digits[index]);
        }
        if self.negative {
            -value
        } else {
            value
        }
    }

    /// The integer part of a finite float.
    pub fn from_f64(value: f64) -> Option<Big> {
        if !value.is_finite() {
            return None;
        }
        // Split the truncated magnitude exactly into a 53-bit mantissa and
        // a power of two, so no low bits are lost for large values.
        let magnitude = libm::trunc(value.abs());
        if magnitude < 1.8446744073709552e19 {
            let mut result = Big::from_u64(magnitude as u64);
            result.negative = value < 0.0 && !result.is_zero();
            return Some(result);
        }
        let bits = magnitude.to_bits();
        let exponent = ((bits >> 52) & 0x7ff) as usize;
        let mantissa = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
        let mut result = Big::from_u64(mantissa).shl(exponent - 1075)?;
        result.negative = value < 0.0;
        Some(result)
    }

    pub fn cmp_magnitude(&self, other: &Big) -> Ordering {
        if self.len != other.len {
            return self.len.cmp(&other.len);
        }
        for index in (0..self.len).rev() {
            if self.digits[index] != other.digits[index] {
                return self.digits[index].cmp(&other.digits[index]);
            }
        }
        Ordering::Equal
    }

    pub fn compare(&self, other: &Big) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.cmp_magnitude(other),
            (true, true) => other.cmp_magnitude(self),
        }
    }

    fn add_magnitude(&self, other: &Big) -> Option<Big> {
        let mut result = Big::zero();
        let len = self.len.max(other.len);
        let mut carry = 0u64;
        for index in 0..len {
            let sum = u64::from(self.digits[index]) + u64::from(other.digits[index]) + carry;
            result.digits[index] = sum as u32;
            carry = sum >> 32;
        }
        result.len = len;
        if carry != 0 {
            if len == MAX_DIGITS {
                return None;
            }
            result.digits[len] = carry as u32;
            result.len += 1;
        }
        Some(result)
    }

    /// `self - other` for magnitudes with `self >= other`.
    fn sub_magnitude(&self, other: &Big) -> Big {
        let mut result = Big::zero();
        let mut borrow = 0i64;
        for index in 0..self.len {
            let difference = i64::from(self.digits[index]) - i64::from(other.digits[index]) - borrow;
            if difference < 0 {
                result.digits[index] = (difference + (1 << 32)) as u32;
                borrow = 1;
            } else {
                result.digits[index] = difference as u32;
                borrow = 0;
            }
        }
        result.len = self.len;
        result.trim();
        result
    }

    pub fn add(&self, other: &Big) -> Option<Big> {
        if self.negative == other.negative {
            let mut result = self.add_magnitude(other)?;
            result.negative = self.negative;
            result.trim();
            return Some(result);
        }
        let mut result = if self.cmp_magnitude(other) != Ordering::Less {
            let mut value = self.sub_magnitude(other);
            value.negative = self.negative;
            value
        } else {
            let mut value = other.sub_magnitude(self);
            value.negative = other.negative;
            value
        };
        result.trim();
        Some(result)
    }

    pub fn neg(&self) -> Big {
        let mut result = self.clone();
        result.negative = !result.negative && !result.is_zero();
        result
    }

    pub fn sub(&self, other: &Big) -> Option<Big> {
        self.add(&other.neg())
    }

    pub fn mul(&self, other: &Big) -> Option<Big> {
        if self.len + other.len > MAX_DIGITS {
            if self.is_zero() || other.is_zero() {
                return Some(Big::zero());
            }
            return None;
        }
        let mut result = Big::zero();
        for i in 0..self.len {
            let mut carry = 0u64;
            for j in 0..other.len {
                let current =
                    u64::from(result.digits[i + j]) + u64::from(self.digits[i]) * u64::from(other.digits[j]) + carry;
                result.digits[i + j] = current as u32;
                carry = current >> 32;
            }
            result.digits[i + other.len] = carry as u32;
        }
        result.len = self.len + other.len;
        result.negative = self.negative != other.negative;
        result.trim();
        Some(result)
    }

    pub fn bit_length(&self) -> usize {
        if self.len == 0 {
            return 0;
        }
        32 * (self.len - 1) + (32 - self.digits[self.len - 1].leading_zeros() as usize)
    }

    fn bit(&self, index: usize) -> bool {
        (self.digits[index / 32] >> (index % 32)) & 1 == 1
    }

    /// Magnitude division: `(quotient, remainder)`; `other` must not be zero.
    fn divmod_magnitude(&self, other: &Big) -> (Big, Big) {
        if other.len == 1 {
            let mut quotient = self.clone();
            quotient.negative = false;
            let remainder = quotient.divmod_small(other.digits[0]);
            return (quotient, Big::from_u64(u64::from(remainder)));
        }
        let mut quotient = Big::zero();
        let mut remainder = Big::zero();
        for index in (0..self.bit_length()).rev() {
            // remainder = remainder * 2 + bit
            let mut carry = u32::from(self.bit(index));
            for digit in 0..remainder.len {
                let next = remainder.digits[digit] >> 31;
                remainder.digits[digit] = (remainder.digits[digit] << 1) | carry;
                carry = next;
            }
            if carry != 0 && remainder.len < MAX_DIGITS {
                remainder.digits[remainder.len] = carry;
                remainder.len += 1;
            }
            if remainder.cmp_magnitude(other) != Ordering::Less {
                remainder = remainder.sub_magnitude(other);
                quotient.digits[index / 32] |= 1 << (index % 32);
                quotient.len = quotient.len.max(index / 32 + 1);
            }
        }
        quotient.trim();
        remainder.trim();
        (quotient, remainder)
    }

    /// Divides the magnitude in place by a small divisor; returns the remainder.
    pub fn divmod_small(&mut self, divisor: u32) -> u32 {
        let mut remainder = 0u64;
        for index in (0..self.len).rev() {
            let current = (remainder << 32) | u64::from(self.digits[index]);
            self.digits[index] = (current / u64::from(divisor)) as u32;
            remainder = current % u64::from(divisor);
        }
        let negative = self.negative;
        self.trim();
        self.negative = negative && !self.is_zero();
        remainder as u32
    }

    /// Python's floor division and modulo; `other` must not be zero.
    pub fn floor_divmod(&self, other: &Big) -> Option<(Big, Big)> {
        let (mut quotient, mut remainder) = self.divmod_magnitude(other);
        quotient.negative = self.negative != other.negative && !quotient.is_zero();
        remainder.negative = self.negative && !remainder.is_zero();
        if !remainder.is_zero() && self.negative != other.negative {
            quotient = quotient.sub(&Big::from_i64(1))?;
            remainder = remainder.add(other)?;
        }
        Some((quotient, remainder))
    }

    pub fn shl(&self, shift: usize) -> Option<Big> {
        if self.is_zero() {
            return Some(Big::zero());
        }
        let words = shift / 32;
        let bits = shift % 32;
        if self.len + words + 1 > MAX_DIGITS {
            return None;
        }
        let mut result = Big::zero();
        for index in 0..self.len {
            let value = u64::from(self.digits[index]) << bits;
            result.digits[index + words] |= value as u32;
            result.digits[index + words + 1] |= (value >> 32) as u32;
        }
        result.len = self.len + words + 1;
        result.negative = self.negative;
        result.trim();
        Some(result)
    }

    /// Arithmetic shift right (floor for negative numbers).
    pub fn shr(&self, shift: usize) -> Big {
        if self.negative {
            // -((-x - 1) >> n) - 1
            let one = Big::from_i64(1);
            let positive = self.neg().sub(&one).unwrap_or_else(Big::zero);
            let shifted = positive.shr(shift);
            return shifted.add(&one).map(|value| value.neg()).unwrap_or_else(Big::zero);
        }
        let words = shift / 32;
        let bits = shift % 32;
        let mut result = Big::zero();
        if words >= self.len {
            return result;
        }
        for index in words..self.len {
            let low = u64::from(self.digits[index]) >> bits;
            let high =
                if index + 1 < self.len && bits > 0 { u64::from(self.digits[index + 1]) << (32 - bits) } else { 0 };
            result.digits[index - words] = (low | high) as u32;
        }
        result.len = self.len - words;
        result.trim();
        result
    }

    /// Two's complement digits over `width` words.
    fn twos_complement(&self, width: usize) -> [u32; MAX_DIGITS] {
        let mut out = [0u32; MAX_DIGITS];
        out[..self.len].copy_from_slice(&self.digits[..self.len]);
        if self.negative {
            let mut carry = 1u64;
            for digit in out.iter_mut().take(width) {
                let value = u64::from(!*digit) + carry;
                *digit = value as u32;
                carry = value >> 32;
            }
        }
        out
    }

    /// `&`, `|` or `^` with Python's infinite two's complement semantics.
    pub fn bitwise(&self, other: &Big, op: u8) -> Big {
        let width = (self.len.max(other.len) + 1).min(MAX_DIGITS);
        let left = self.twos_complement(width);
        let right = other.twos_complement(width);
        let mut out = [0u32; MAX_DIGITS];
        for index in 0..width {
            out[index] = match op {
                b'&' => left[index] & right[index],
                b'|' => left[index] | right[index],
                _ => left[index] ^ right[index],
            };
        }
        let negative = out[width - 1] >> 31 == 1;
        if negative {
            let mut carry = 1u64;
            for digit in out.iter_mut().take(width) {
                let value = u64::from(!*digit) + carry;
                *digit = value as u32;
                carry = value >> 32;
            }
        }
        let mut result = Big { negative, len: width, digits: out };
        result.trim();
        result.negative = negative && !result.is_zero();
        result
    }

    pub fn pow(&self, mut exponent: u64) -> Option<Big> {
        let mut result = Big::from_i64(1);
        let mut base = self.clone();
        while exponent > 0 {
            if exponent & 1 == 1 {
                result = result.mul(&base)?;
            }
            exponent >>= 1;
            if exponent > 0 {
                base = base.mul(&base)?;
            }
        }
        Some(result)
    }

    /// Writes the digits in `radix` (2..=36), most significant first, into
    /// `out` from its end; returns the start index.
    pub fn write_radix(&self, radix: u32, out: &mut [u8]) -> usize {
        let mut value = self.clone();
        value.negative = false;
        let mut position = out.len();
        if value.is_zero() {
            position -= 1;
            out[position] = b'0';
            return position;
        }
        while !value.is_zero() && position > 0 {
            let digit = value.divmod_small(radix);
            position -= 1;
            out[position] = b"0123456789abcdefghijklmnopqrstuvwxyz"[digit as usize];
        }
        position
    }

    /// Parses digits in `radix` (no sign, no prefix, underscores allowed between digits).
    pub fn parse(text: &[u8], radix: u32) -> Option<Big> {
        let mut result = Big::zero();
        let mut seen = false;
        for &byte in text {
            if byte == b'_' {
                continue;
            }
            let digit = (byte as char).to_digit(radix)?;
            seen = true;
            let mut carry = u64::from(digit);
            for index in 0..result.len {
                let value = u64::from(result.digits[index]) * u64::from(radix) + carry;
                result.digits[index] = value as u32;
                carry = value >> 32;
            }
            if carry != 0 {
                if result.len == MAX_DIGITS {
                    return None;
                }
                result.digits[result.len] = carry as u32;
                result.len += 1;
            }
        }
        seen.then_some(result)
    }
}
