//! Arbitrary-precision integer arithmetic on magnitudes stored as
//! little-endian 32-bit digits in byte slices.
//!
//! Big ints live on the GC heap (or in the frozen image) as byte ranges, so
//! the algorithms here work on `&[u8]` views of those ranges: digit `i` is
//! the little-endian word at byte `4 * i`. `obj::bigint_ops` copies the
//! operands of an operation into one heap scratch allocation, runs a kernel
//! from this file on disjoint parts of it and writes the result into a new
//! int of exactly the size it needs, so nothing is limited by the machine
//! stack and every size is limited only by the heap. None of the kernels
//! recurses, and each is at most quadratic: schoolbook multiplication,
//! Knuth's algorithm D for division, and radix conversion a word-sized
//! chunk of digits at a time.
//!
//! [`Big`] is a small value on the Rust stack for the conversions that are
//! bounded by nature (from machine integers and from floats, whose integer
//! part has at most 1024 bits).

use core::cmp::Ordering;

/// Digits of a [`Big`]: enough for any finite float's integer part
/// (1024 bits) and any 64-bit machine integer.
pub const INLINE_DIGITS: usize = 34;

/// Digit `index` of a little-endian digit array.
#[inline(always)]
pub fn get(digits: &[u8], index: usize) -> u32 {
    let four = &digits[4 * index..4 * index + 4];
    u32::from_le_bytes([four[0], four[1], four[2], four[3]])
}

/// Sets digit `index` of a little-endian digit array.
#[inline(always)]
pub fn put(digits: &mut [u8], index: usize, value: u32) {
    digits[4 * index..4 * index + 4].copy_from_slice(&value.to_le_bytes());
}

/// The number of digits without leading zero digits among the first `len`.
pub fn trimmed_len(digits: &[u8], mut len: usize) -> usize {
    while len > 0 && get(digits, len - 1) == 0 {
        len -= 1;
    }
    len
}

/// Compares two trimmed magnitudes.
pub fn compare_magnitudes(a: &[u8], a_len: usize, b: &[u8], b_len: usize) -> Ordering {
    if a_len != b_len {
        return a_len.cmp(&b_len);
    }
    for index in (0..a_len).rev() {
        let (x, y) = (get(a, index), get(b, index));
        if x != y {
            return x.cmp(&y);
        }
    }
    Ordering::Equal
}

/// `out = a + b` over `max(a_len, b_len) + 1` digits of `out`.
pub fn add_magnitudes(a: &[u8], a_len: usize, b: &[u8], b_len: usize, out: &mut [u8]) {
    let (long, long_len, short, short_len) = if a_len >= b_len { (a, a_len, b, b_len) } else { (b, b_len, a, a_len) };
    let mut carry = 0u64;
    for index in 0..long_len {
        let other = if index < short_len { u64::from(get(short, index)) } else { 0 };
        let sum = u64::from(get(long, index)) + other + carry;
        put(out, index, sum as u32);
        carry = sum >> 32;
    }
    put(out, long_len, carry as u32);
}

/// `out = a - b` over `a_len` digits of `out`, for magnitudes with `a >= b`.
pub fn sub_magnitudes(a: &[u8], a_len: usize, b: &[u8], b_len: usize, out: &mut [u8]) {
    let mut borrow = 0i64;
    for index in 0..a_len {
        let other = if index < b_len { i64::from(get(b, index)) } else { 0 };
        let difference = i64::from(get(a, index)) - other - borrow;
        put(out, index, difference as u32);
        borrow = i64::from(difference < 0);
    }
}

/// Adds one to the magnitude in the first `len` digits of `digits`; the
/// carry out of the top digit goes into digit `len`, which must exist.
pub fn increment(digits: &mut [u8], len: usize) {
    for index in 0..=len {
        let value = get(digits, index).wrapping_add(1);
        put(digits, index, value);
        if value != 0 {
            return;
        }
    }
}

/// `out += a * b`, schoolbook; `out` holds `a_len + b_len` digits, zero on entry.
pub fn mul_magnitudes(a: &[u8], a_len: usize, b: &[u8], b_len: usize, out: &mut [u8]) {
    for i in 0..a_len {
        let multiplier = u64::from(get(a, i));
        if multiplier == 0 {
            continue;
        }
        let mut carry = 0u64;
        for j in 0..b_len {
            let current = u64::from(get(out, i + j)) + multiplier * u64::from(get(b, j)) + carry;
            put(out, i + j, current as u32);
            carry = current >> 32;
        }
        put(out, i + b_len, carry as u32);
    }
}

/// Divides the first `len` digits in place by `divisor` (not zero) and
/// returns the remainder.
pub fn divide_small(digits: &mut [u8], len: usize, divisor: u32) -> u32 {
    let mut remainder = 0u64;
    for index in (0..len).rev() {
        let current = (remainder << 32) | u64::from(get(digits, index));
        put(digits, index, (current / u64::from(divisor)) as u32);
        remainder = current % u64::from(divisor);
    }
    remainder as u32
}

/// Shifts the first `len` digits left by `shift < 32` bits in place; the
/// bits shifted out of the top go into digit `len`, which must exist.
pub fn shift_left_bits(digits: &mut [u8], len: usize, shift: u32) {
    if shift == 0 {
        put(digits, len, 0);
        return;
    }
    let mut carry = 0u32;
    for index in 0..len {
        let value = get(digits, index);
        put(digits, index, (value << shift) | carry);
        carry = value >> (32 - shift);
    }
    put(digits, len, carry);
}

/// Shifts the first `len` digits right by `shift < 32` bits in place;
/// returns whether a one bit was shifted out.
pub fn shift_right_bits(digits: &mut [u8], len: usize, shift: u32) -> bool {
    if shift == 0 || len == 0 {
        return false;
    }
    let lost = get(digits, 0) << (32 - shift) != 0;
    for index in 0..len {
        let high = if index + 1 < len { get(digits, index + 1) << (32 - shift) } else { 0 };
        put(digits, index, (get(digits, index) >> shift) | high);
    }
    lost
}

/// `minuend -= subtrahend` over `len` digits, for magnitudes with
/// `minuend >= subtrahend`.
pub fn subtract_in_place(minuend: &mut [u8], len: usize, subtrahend: &[u8], subtrahend_len: usize) {
    let mut borrow = 0i64;
    for index in 0..len {
        let other = if index < subtrahend_len { i64::from(get(subtrahend, index)) } else { 0 };
        let difference = i64::from(get(minuend, index)) - other - borrow;
        put(minuend, index, difference as u32);
        borrow = i64::from(difference < 0);
    }
}

/// Knuth's algorithm D (TAOCP 4.3.1). `dividend` holds `divisor_len +
/// quotient_len` digits, shifted left as far as the divisor was (so its top
/// digit is below the divisor's), and is left holding the remainder in its
/// low `divisor_len` digits;
/// `divisor` is normalised (its top bit set) and has at least two digits;
/// `quotient` receives `quotient_len` digits.
pub fn divide_knuth(dividend: &mut [u8], divisor: &[u8], divisor_len: usize, quotient: &mut [u8], quotient_len: usize) {
    let n = divisor_len;
    let top = u64::from(get(divisor, n - 1));
    let next = u64::from(get(divisor, n - 2));
    for j in (0..quotient_len).rev() {
        // Estimate the quotient digit from the top two digits, then correct
        // it with the third; it is then at most one too big.
        let numerator = (u64::from(get(dividend, j + n)) << 32) | u64::from(get(dividend, j + n - 1));
        let mut estimate = numerator / top;
        let mut rest = numerator % top;
        while estimate > u64::from(u32::MAX) || estimate * next > ((rest << 32) | u64::from(get(dividend, j + n - 2))) {
            estimate -= 1;
            rest += top;
            if rest > u64::from(u32::MAX) {
                break;
            }
        }
        // Multiply and subtract.
        let mut borrow = 0i64;
        let mut carry = 0u64;
        for i in 0..n {
            let product = estimate * u64::from(get(divisor, i)) + carry;
            carry = product >> 32;
            let difference = i64::from(get(dividend, i + j)) - borrow - (product & 0xffff_ffff) as i64;
            put(dividend, i + j, difference as u32);
            borrow = i64::from(difference < 0);
        }
        let difference = i64::from(get(dividend, j + n)) - borrow - carry as i64;
        put(dividend, j + n, difference as u32);
        if difference < 0 {
            // The estimate was one too big: add the divisor back.
            estimate -= 1;
            let mut carry = 0u64;
            for i in 0..n {
                let sum = u64::from(get(dividend, i + j)) + u64::from(get(divisor, i)) + carry;
                put(dividend, i + j, sum as u32);
                carry = sum >> 32;
            }
            let top_digit = get(dividend, j + n).wrapping_add(carry as u32);
            put(dividend, j + n, top_digit);
        }
        put(quotient, j, estimate as u32);
    }
}

/// Turns a sign and magnitude into its two's complement over `len` digits
/// (in place; a non-negative value is left as it is).
pub fn twos_complement(digits: &mut [u8], len: usize, negative: bool) {
    if !negative {
        return;
    }
    let mut carry = 1u64;
    for index in 0..len {
        let value = u64::from(!get(digits, index)) + carry;
        put(digits, index, value as u32);
        carry = value >> 32;
    }
}

/// The largest power of `radix` that fits a digit, and its exponent.
pub fn radix_chunk(radix: u32) -> (u32, usize) {
    let mut power = radix;
    let mut count = 1;
    while let Some(next) = power.checked_mul(radix) {
        power = next;
        count += 1;
    }
    (power, count)
}

/// An upper bound of the text length of a `len`-digit magnitude in `radix`.
pub fn text_len_bound(len: usize, radix: u32) -> usize {
    // Each digit takes at most 32 / floor(log2(radix)) characters.
    let bits_per_character = (31 - radix.leading_zeros()) as usize;
    (len * 32).div_ceil(bits_per_character) + 1
}

/// Writes the magnitude (destroying it) in `radix`, most significant
/// character first, at the end of `out`; returns the start index.
pub fn write_radix(digits: &mut [u8], len: usize, radix: u32, out: &mut [u8]) -> usize {
    const CHARACTERS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let (chunk, chunk_characters) = radix_chunk(radix);
    let mut len = trimmed_len(digits, len);
    let mut position = out.len();
    if len == 0 {
        position -= 1;
        out[position] = b'0';
        return position;
    }
    while len > 0 {
        let mut remainder = divide_small(digits, len, chunk);
        len = trimmed_len(digits, len);
        for _ in 0..chunk_characters {
            if len == 0 && remainder == 0 {
                break;
            }
            position -= 1;
            out[position] = CHARACTERS[(remainder % radix) as usize];
            remainder /= radix;
        }
    }
    position
}

/// The number of digits enough for `characters` characters in `radix`.
pub fn parse_len_bound(characters: usize, radix: u32) -> usize {
    let bits_per_character = (32 - (radix - 1).leading_zeros()) as usize;
    (characters * bits_per_character) / 32 + 2
}

/// Parses characters of `radix` (underscores between them skipped) into
/// a zeroed digit array of [`parse_len_bound`] digits, a piece of text at a
/// time, a word-sized chunk of characters per pass over the digits.
pub struct RadixParser {
    radix: u32,
    chunk_characters: usize,
    len: usize,
    seen: bool,
    chunk_value: u32,
    chunk_scale: u32,
    in_chunk: usize,
}

impl RadixParser {
    pub fn new(radix: u32) -> RadixParser {
        let (_, chunk_characters) = radix_chunk(radix);
        RadixParser { radix, chunk_characters, len: 0, seen: false, chunk_value: 0, chunk_scale: 1, in_chunk: 0 }
    }

    /// `out = out * scale + value`.
    fn flush(&mut self, out: &mut [u8]) {
        let mut carry = u64::from(self.chunk_value);
        for index in 0..self.len {
            let current = u64::from(get(out, index)) * u64::from(self.chunk_scale) + carry;
            put(out, index, current as u32);
            carry = current >> 32;
        }
        if carry != 0 {
            put(out, self.len, carry as u32);
            self.len += 1;
        }
        self.chunk_value = 0;
        self.chunk_scale = 1;
        self.in_chunk = 0;
    }

    /// Takes the next piece of text; None when a character is not a digit.
    pub fn feed(&mut self, text: &[u8], out: &mut [u8]) -> Option<()> {
        for &byte in text {
            if byte == b'_' {
                continue;
            }
            let digit = (byte as char).to_digit(self.radix)?;
            self.seen = true;
            self.chunk_value = self.chunk_value * self.radix + digit;
            self.chunk_scale *= self.radix;
            self.in_chunk += 1;
            if self.in_chunk == self.chunk_characters {
                self.flush(out);
            }
        }
        Some(())
    }

    /// The trimmed length of the parsed magnitude; None when there was no digit.
    pub fn finish(mut self, out: &mut [u8]) -> Option<usize> {
        if self.in_chunk > 0 {
            self.flush(out);
        }
        self.seen.then_some(self.len)
    }
}

/// A sign and magnitude of at most [`INLINE_DIGITS`] digits, least
/// significant digit first, on the Rust stack.
#[derive(Clone)]
pub struct Big {
    pub negative: bool,
    pub len: usize,
    pub digits: [u32; INLINE_DIGITS],
}

impl Big {
    pub fn zero() -> Big {
        Big { negative: false, len: 0, digits: [0; INLINE_DIGITS] }
    }

    pub fn from_i64(value: i64) -> Big {
        let mut big = Big::from_u64(value.unsigned_abs());
        big.negative = value < 0;
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

    /// The integer part of a finite float, exactly: the float's 53-bit
    /// significand shifted by its binary exponent.
    pub fn from_f64(value: f64) -> Option<Big> {
        if !value.is_finite() {
            return None;
        }
        let bits = value.abs().to_bits();
        let biased_exponent = ((bits >> 52) & 0x7ff) as i32;
        if biased_exponent == 0 {
            // Zero and the subnormals are below one.
            return Some(Big::zero());
        }
        let significand = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
        let shift = biased_exponent - 1075;
        let mut result = Big::zero();
        if shift >= 0 {
            let (words, bits) = (shift as usize / 32, shift as u32 % 32);
            let wide = u128::from(significand) << bits;
            for index in 0..3 {
                result.digits[words + index] = (wide >> (32 * index)) as u32;
            }
            result.len = words + 3;
        } else if shift > -64 {
            let magnitude = significand >> (-shift);
            result = Big::from_u64(magnitude);
        }
        while result.len > 0 && result.digits[result.len - 1] == 0 {
            result.len -= 1;
        }
        result.negative = value < 0.0 && !result.is_zero();
        Some(result)
    }
}
