//! A small arbitrary-precision integer for compile-time constant folding.
//!
//! MicroPython folds integer expressions of any size at parse time (for
//! example `1 << 40` becomes one big-int constant), so the compiler needs
//! exact integer arithmetic. Values are stored as a sign and a magnitude of
//! little-endian `u32` digits without leading zeros; zero has no digits and
//! is never negative. Only the operations the folder needs are provided, with
//! Python semantics (floor division, modulo with the divisor's sign, shifts and
//! bitwise operations on the infinite two's complement representation).

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::cmp::Ordering;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigInt {
    negative: bool,
    digits: Vec<u32>,
}

/// Compares two magnitudes.
fn cmp_mag(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for index in (0..a.len()).rev() {
        if a[index] != b[index] {
            return a[index].cmp(&b[index]);
        }
    }
    Ordering::Equal
}

fn trim(digits: &mut Vec<u32>) {
    while digits.last() == Some(&0) {
        digits.pop();
    }
}

fn add_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut result = Vec::with_capacity(a.len().max(b.len()) + 1);
    let mut carry = 0u64;
    for index in 0..a.len().max(b.len()) {
        let sum = carry + *a.get(index).unwrap_or(&0) as u64 + *b.get(index).unwrap_or(&0) as u64;
        result.push(sum as u32);
        carry = sum >> 32;
    }
    if carry != 0 {
        result.push(carry as u32);
    }
    result
}

/// `a - b` for magnitudes with `a >= b`.
fn sub_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut result = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for index in 0..a.len() {
        let mut diff = a[index] as i64 - borrow - *b.get(index).unwrap_or(&0) as i64;
        if diff < 0 {
            diff += 1 << 32;
            borrow = 1;
        } else {
            borrow = 0;
        }
        result.push(diff as u32);
    }
    trim(&mut result);
    result
}

fn mul_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut result = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            let current = result[i + j] as u64 + x as u64 * y as u64 + carry;
            result[i + j] = current as u32;
            carry = current >> 32;
        }
        let mut k = i + b.len();
        while carry != 0 {
            let current = result[k] as u64 + carry;
            result[k] = current as u32;
            carry = current >> 32;
            k += 1;
        }
    }
    trim(&mut result);
    result
}

/// Divides a magnitude by a small divisor, returning quotient and remainder.
fn divmod_small(a: &[u32], divisor: u32) -> (Vec<u32>, u32) {
    let mut quotient = vec![0u32; a.len()];
    let mut remainder = 0u64;
    for index in (0..a.len()).rev() {
        let current = (remainder << 32) | a[index] as u64;
        quotient[index] = (current / divisor as u64) as u32;
        remainder = current % divisor as u64;
    }
    trim(&mut quotient);
    (quotient, remainder as u32)
}

/// Truncating division of magnitudes by shift-and-subtract; `b` is non-zero.
fn divmod_mag(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    if cmp_mag(a, b) == Ordering::Less {
        return (Vec::new(), a.to_vec());
    }
    if b.len() == 1 {
        let (quotient, remainder) = divmod_small(a, b[0]);
        let remainder = if remainder == 0 { Vec::new() } else { vec![remainder] };
        return (quotient, remainder);
    }
    let total_bits = a.len() * 32;
    let mut quotient = vec![0u32; a.len()];
    let mut remainder: Vec<u32> = Vec::new();
    for bit in (0..total_bits).rev() {
        remainder = shl_mag(&remainder, 1);
        if (a[bit / 32] >> (bit % 32)) & 1 == 1 {
            if remainder.is_empty() {
                remainder.push(1);
            } else {
                remainder[0] |= 1;
            }
        }
        if cmp_mag(&remainder, b) != Ordering::Less {
            remainder = sub_mag(&remainder, b);
            quotient[bit / 32] |= 1 << (bit % 32);
        }
    }
    trim(&mut quotient);
    (quotient, remainder)
}

fn shl_mag(a: &[u32], shift: usize) -> Vec<u32> {
    if a.is_empty() {
        return Vec::new();
    }
    let word_shift = shift / 32;
    let bit_shift = shift % 32;
    let mut result = vec![0u32; word_shift];
    let mut carry = 0u32;
    for &digit in a {
        if bit_shift == 0 {
            result.push(digit);
        } else {
            result.push((digit << bit_shift) | carry);
            carry = digit >> (32 - bit_shift);
        }
    }
    if carry != 0 {
        result.push(carry);
    }
    trim(&mut result);
    result
}

fn shr_mag(a: &[u32], shift: usize) -> Vec<u32> {
    let word_shift = shift / 32;
    if word_shift >= a.len() {
        return Vec::new();
    }
    let bit_shift = shift % 32;
    let mut result = Vec::with_capacity(a.len() - word_shift);
    for index in word_shift..a.len() {
        let low = a[index] >> bit_shift;
        let high = if bit_shift != 0 { a.get(index + 1).map(|d| d << (32 - bit_shift)).unwrap_or(0) } else { 0 };
        result.push(low | high);
    }
    trim(&mut result);
    result
}

impl BigInt {
    pub fn zero() -> BigInt {
        BigInt { negative: false, digits: Vec::new() }
    }

    fn from_parts(negative: bool, mut digits: Vec<u32>) -> BigInt {
        trim(&mut digits);
        let negative = negative && !digits.is_empty();
        BigInt { negative, digits }
    }

    pub fn from_i64(value: i64) -> BigInt {
        let magnitude = value.unsigned_abs();
        BigInt::from_parts(value < 0, vec![magnitude as u32, (magnitude >> 32) as u32])
    }

    /// Parses decimal ASCII digits (no sign).
    pub fn from_decimal(text: &str) -> Option<BigInt> {
        let mut digits: Vec<u32> = Vec::new();
        for byte in text.bytes() {
            if byte == b'_' {
                continue;
            }
            if !byte.is_ascii_digit() {
                return None;
            }
            digits = mul_mag(&digits, &[10]);
            digits = add_mag(&digits, &[(byte - b'0') as u32]);
            trim(&mut digits);
        }
        Some(BigInt::from_parts(false, digits))
    }

    pub fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    pub fn is_negative(&self) -> bool {
        self.negative
    }

    pub fn to_i64(&self) -> Option<i64> {
        if self.digits.len() > 2 {
            return None;
        }
        let magnitude =
            self.digits.first().copied().unwrap_or(0) as u64 | (self.digits.get(1).copied().unwrap_or(0) as u64) << 32;
        if self.negative {
            if magnitude <= 1u64 << 63 {
                Some((magnitude as i64).wrapping_neg())
            } else {
                None
            }
        } else if magnitude < 1u64 << 63 {
            Some(magnitude as i64)
        } else {
            None
        }
    }

    /// True when the value fits a MicroPython small int of `bits` bits.
    pub fn fits_small_int(&self, bits: u32) -> bool {
        match self.to_i64() {
            Some(value) => {
                let limit = 1i64 << (bits.clamp(2, 63) - 1);
                value >= -limit && value < limit
            }
            None => false,
        }
    }

    pub fn to_f64(&self) -> f64 {
        let mut value = 0.0f64;
        for &digit in self.digits.iter().rev() {
            value = value * 4294967296.0 + digit as f64;
        }
        if self.negative {
            -value
        } else {
            value
        }
    }

    pub fn to_decimal(&self) -> String {
        if self.digits.is_empty() {
            return String::from("0");
        }
        let mut chunks: Vec<u32> = Vec::new();
        let mut rest = self.digits.clone();
        while !rest.is_empty() {
            let (quotient, remainder) = divmod_small(&rest, 1_000_000_000);
            chunks.push(remainder);
            rest = quotient;
        }
        let mut text = String::new();
        if self.negative {
            text.push('-');
        }
        let mut first = true;
        for chunk in chunks.iter().rev() {
            let part = alloc::format!("{}", chunk);
            if !first {
                for _ in part.len()..9 {
                    text.push('0');
                }
            }
            text.push_str(&part);
            first = false;
        }
        text
    }

    pub fn neg(&self) -> BigInt {
        BigInt::from_parts(!self.negative, self.digits.clone())
    }

    pub fn add(&self, other: &BigInt) -> BigInt {
        if self.negative == other.negative {
            return BigInt::from_parts(self.negative, add_mag(&self.digits, &other.digits));
        }
        match cmp_mag(&self.digits, &other.digits) {
            Ordering::Equal => BigInt::zero(),
            Ordering::Greater => BigInt::from_parts(self.negative, sub_mag(&self.digits, &other.digits)),
            Ordering::Less => BigInt::from_parts(other.negative, sub_mag(&other.digits, &self.digits)),
        }
    }

    pub fn sub(&self, other: &BigInt) -> BigInt {
        self.add(&other.neg())
    }

    pub fn mul(&self, other: &BigInt) -> BigInt {
        BigInt::from_parts(self.negative != other.negative, mul_mag(&self.digits, &other.digits))
    }

    /// Python floor division and modulo; `None` when dividing by zero.
    pub fn floor_divmod(&self, other: &BigInt) -> Option<(BigInt, BigInt)> {
        if other.is_zero() {
            return None;
        }
        let (quotient, remainder) = divmod_mag(&self.digits, &other.digits);
        let mut quotient = BigInt::from_parts(self.negative != other.negative, quotient);
        let mut remainder = BigInt::from_parts(self.negative, remainder);
        if !remainder.is_zero() && remainder.negative != other.negative {
            quotient = quotient.sub(&BigInt::from_i64(1));
            remainder = remainder.add(other);
        }
        Some((quotient, remainder))
    }

    /// `self ** exponent` for a non-negative exponent, `None` if absurdly large.
    pub fn pow(&self, exponent: &BigInt) -> Option<BigInt> {
        if exponent.negative {
            return None;
        }
        let mut exponent_value = exponent.to_i64()? as u64;
        if self.digits.len() as u64 * 32 * exponent_value.min(1 << 40) > 1 << 24 && self.digits.len() > 0 {
            if !(self.digits.len() == 1 && self.digits[0] == 1) {
                return None;
            }
        }
        let mut result = BigInt::from_i64(1);
        let mut base = self.clone();
        while exponent_value > 0 {
            if exponent_value & 1 == 1 {
                result = result.mul(&base);
            }
            exponent_value >>= 1;
            if exponent_value > 0 {
                base = base.mul(&base);
            }
        }
        Some(result)
    }

    pub fn shl(&self, shift: u64) -> Option<BigInt> {
        if shift > 1 << 20 {
            return None;
        }
        Some(BigInt::from_parts(self.negative, shl_mag(&self.digits, shift as usize)))
    }

    /// Arithmetic (flooring) right shift.
    pub fn shr(&self, shift: u64) -> BigInt {
        let shift = shift.min(u32::MAX as u64) as usize;
        if !self.negative {
            return BigInt::from_parts(false, shr_mag(&self.digits, shift));
        }
        // -a >> s == -((a - 1) >> s) - 1 for a > 0.
        let minus_one = sub_mag(&self.digits, &[1]);
        let shifted = BigInt::from_parts(false, shr_mag(&minus_one, shift));
        shifted.neg().sub(&BigInt::from_i64(1))
    }

    /// Two's complement digits of `self`, `width` digits long (sign-extended).
    fn twos_complement(&self, width: usize) -> Vec<u32> {
        let mut digits = self.digits.clone();
        digits.resize(width, 0);
        if self.negative {
            for digit in digits.iter_mut() {
                *digit = !*digit;
            }
            let mut carry = 1u64;
            for digit in digits.iter_mut() {
                let sum = *digit as u64 + carry;
                *digit = sum as u32;
                carry = sum >> 32;
            }
        }
        digits
    }

    fn from_twos_complement(mut digits: Vec<u32>) -> BigInt {
        let negative = digits.last().map(|d| d & 0x8000_0000 != 0).unwrap_or(false);
        if negative {
            for digit in digits.iter_mut() {
                *digit = !*digit;
            }
            let mut carry = 1u64;
            for digit in digits.iter_mut() {
                let sum = *digit as u64 + carry;
                *digit = sum as u32;
                carry = sum >> 32;
            }
        }
        BigInt::from_parts(negative, digits)
    }

    fn bitwise(&self, other: &BigInt, op: fn(u32, u32) -> u32) -> BigInt {
        let width = self.digits.len().max(other.digits.len()) + 1;
        let a = self.twos_complement(width);
        let b = other.twos_complement(width);
        BigInt::from_twos_complement(a.iter().zip(b.iter()).map(|(x, y)| op(*x, *y)).collect())
    }

    pub fn and(&self, other: &BigInt) -> BigInt {
        self.bitwise(other, |a, b| a & b)
    }

    pub fn or(&self, other: &BigInt) -> BigInt {
        self.bitwise(other, |a, b| a | b)
    }

    pub fn xor(&self, other: &BigInt) -> BigInt {
        self.bitwise(other, |a, b| a ^ b)
    }

    /// `~x == -x - 1`.
    pub fn invert(&self) -> BigInt {
        self.neg().sub(&BigInt::from_i64(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(text: &str) -> BigInt {
        match text.strip_prefix('-') {
            Some(rest) => BigInt::from_decimal(rest).unwrap().neg(),
            None => BigInt::from_decimal(text).unwrap(),
        }
    }

    #[test]
    fn arithmetic_matches_python() {
        assert_eq!(big("123456789012345678901234567890").to_decimal(), "123456789012345678901234567890");
        assert_eq!(BigInt::from_i64(1).shl(100).unwrap().to_decimal(), "1267650600228229401496703205376");
        let (q, r) = big("-7").floor_divmod(&big("2")).unwrap();
        assert_eq!((q.to_decimal(), r.to_decimal()), ("-4".into(), "1".into()));
        let (q, r) = big("7").floor_divmod(&big("-2")).unwrap();
        assert_eq!((q.to_decimal(), r.to_decimal()), ("-4".into(), "-1".into()));
        let (q, _) = big("100000000000000000000000").floor_divmod(&big("33333333333333")).unwrap();
        assert_eq!(q.to_decimal(), "3000000000");
        assert_eq!(big("-5").shr(1).to_decimal(), "-3");
        assert_eq!(big("-5").and(&big("3")).to_decimal(), "3");
        assert_eq!(big("-5").or(&big("3")).to_decimal(), "-5");
        assert_eq!(big("-5").xor(&big("3")).to_decimal(), "-8");
        assert_eq!(big("5").invert().to_decimal(), "-6");
        assert_eq!(big("3").pow(&big("40")).unwrap().to_decimal(), "12157665459056928801");
        assert_eq!(big("-9223372036854775808").to_i64(), Some(i64::MIN));
    }
}
