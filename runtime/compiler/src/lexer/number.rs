//! Number literals: scanning their extent and decoding their value.
//!
//! Integers may be written in bases 2, 8, 10 and 16 with single underscores
//! between digits (`0x_ff`, `1_000`); any size is accepted, and values that
//! do not fit an `i64` become [`IntValue::Big`] holding decimal digits.
//! Floats (`1.`, `.5`, `1e-3`, `1_0.5`) and imaginary literals (`2j`) are
//! decoded with `core`'s correctly rounded float parser.

use alloc::string::String;
use alloc::vec::Vec;

use super::TokenKind;
use crate::ast::IntValue;

pub(crate) struct ScannedNumber {
    pub end: usize,
    pub kind: TokenKind,
    pub error: Option<&'static str>,
}

const BAD_NUMBER: &str = "invalid syntax for number";

/// Scans the number literal starting at `start` (a digit, or `.` followed by a digit).
pub(crate) fn scan(bytes: &[u8], start: usize) -> ScannedNumber {
    let at = |index: usize| -> u8 { bytes.get(index).copied().unwrap_or(0) };
    let mut pos = start;
    let mut error = None;
    if at(pos) == b'0' && matches!(at(pos + 1), b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
        let base = match at(pos + 1) {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            _ => 2,
        };
        pos += 2;
        let (end, digits_ok) = scan_digits(bytes, pos, base, true);
        if !digits_ok || end == pos {
            error = Some(BAD_NUMBER);
        }
        pos = end;
        if is_number_tail(at(pos)) {
            error = Some(BAD_NUMBER);
            while is_number_tail(at(pos)) {
                pos += 1;
            }
        }
        return ScannedNumber { end: pos, kind: TokenKind::Int, error };
    }
    let mut kind = TokenKind::Int;
    let integer_start = pos;
    let (end, ok) = scan_digits(bytes, pos, 10, false);
    if !ok {
        error = Some(BAD_NUMBER);
    }
    pos = end;
    let integer_digits = &bytes[integer_start..pos];
    if at(pos) == b'.' {
        kind = TokenKind::Float;
        pos += 1;
        if at(pos).is_ascii_digit() {
            let (end, ok) = scan_digits(bytes, pos, 10, false);
            if !ok {
                error = Some(BAD_NUMBER);
            }
            pos = end;
        }
    }
    if matches!(at(pos), b'e' | b'E') {
        let mut exponent = pos + 1;
        if matches!(at(exponent), b'+' | b'-') {
            exponent += 1;
        }
        if at(exponent).is_ascii_digit() {
            kind = TokenKind::Float;
            let (end, ok) = scan_digits(bytes, exponent, 10, false);
            if !ok {
                error = Some(BAD_NUMBER);
            }
            pos = end;
        } else {
            error = Some(BAD_NUMBER);
            pos = exponent;
        }
    }
    if matches!(at(pos), b'j' | b'J') {
        kind = TokenKind::Imaginary;
        pos += 1;
    }
    let has_leading_zero = integer_digits.len() > 1 && integer_digits[0] == b'0';
    if kind == TokenKind::Int && has_leading_zero && integer_digits.iter().any(|digit| !matches!(digit, b'0' | b'_')) {
        error = Some("leading zeros in decimal integer literals are not permitted");
    }
    if is_number_tail(at(pos)) {
        error = Some(BAD_NUMBER);
        while is_number_tail(at(pos)) {
            pos += 1;
        }
    }
    ScannedNumber { end: pos, kind, error }
}

/// A digit or underscore right after a number means a malformed literal
/// (`1__0`, `0b12`, `1_`). A letter may legitimately follow (`1if x else y`).
fn is_number_tail(byte: u8) -> bool {
    byte.is_ascii_digit() || byte == b'_'
}

/// Scans digits of `base` with single underscores between them. When
/// `leading_underscore` is set one underscore may come first (`0x_ff`).
/// Returns the end and whether the underscores were well placed.
fn scan_digits(bytes: &[u8], start: usize, base: u32, leading_underscore: bool) -> (usize, bool) {
    let mut pos = start;
    let mut ok = true;
    let mut previous_was_digit = leading_underscore;
    while pos < bytes.len() {
        let byte = bytes[pos];
        if byte == b'_' {
            if !previous_was_digit {
                ok = false;
            }
            previous_was_digit = false;
        } else if (byte as char).is_digit(base) {
            previous_was_digit = true;
        } else {
            break;
        }
        pos += 1;
    }
    if pos > start && bytes[pos - 1] == b'_' {
        ok = false;
    }
    (pos, ok)
}

/// Decodes an integer literal already validated by [`scan`].
pub(crate) fn int_value(text: &str) -> IntValue {
    let bytes = text.as_bytes();
    let (base, digits) = if bytes.len() > 2 && bytes[0] == b'0' && bytes[1].is_ascii_alphabetic() {
        let base = match bytes[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            _ => 2,
        };
        (base, &bytes[2..])
    } else {
        (10, bytes)
    };
    let mut value: u64 = 0;
    let mut overflowed = false;
    for byte in digits {
        let Some(digit) = (*byte as char).to_digit(base) else { continue };
        match value.checked_mul(base as u64).and_then(|shifted| shifted.checked_add(digit as u64)) {
            Some(next) => value = next,
            None => {
                overflowed = true;
                break;
            }
        }
    }
    if !overflowed && value <= i64::MAX as u64 {
        return IntValue::Small(value as i64);
    }
    IntValue::Big(to_decimal(digits, base))
}

/// Converts digits (with underscores, which are skipped) in `base` to the
/// decimal digits of the same magnitude, without leading zeros.
///
/// The number is kept as little-endian limbs of nine decimal digits each;
/// every input digit multiplies the whole vector by `base` and adds itself.
pub(crate) fn to_decimal(digits: &[u8], base: u32) -> String {
    const LIMB: u64 = 1_000_000_000;
    let mut limbs: Vec<u32> = Vec::new();
    for byte in digits {
        let Some(digit) = (*byte as char).to_digit(base) else { continue };
        let mut carry = digit as u64;
        for limb in limbs.iter_mut() {
            let product = *limb as u64 * base as u64 + carry;
            *limb = (product % LIMB) as u32;
            carry = product / LIMB;
        }
        while carry > 0 {
            limbs.push((carry % LIMB) as u32);
            carry /= LIMB;
        }
    }
    let mut out = String::new();
    match limbs.split_last() {
        None => out.push('0'),
        Some((most_significant, rest)) => {
            push_decimal(&mut out, *most_significant, false);
            for limb in rest.iter().rev() {
                push_decimal(&mut out, *limb, true);
            }
        }
    }
    out
}

fn push_decimal(out: &mut String, mut value: u32, pad_to_nine: bool) {
    let mut buffer = [b'0'; 9];
    let mut length = 0;
    while value > 0 {
        buffer[8 - length] = b'0' + (value % 10) as u8;
        value /= 10;
        length += 1;
    }
    let start = if pad_to_nine { 0 } else { 9 - length.max(1) };
    for byte in &buffer[start..] {
        out.push(*byte as char);
    }
}

/// Decodes a float literal (without a `j` suffix) already validated by [`scan`].
pub(crate) fn float_value(text: &str) -> f64 {
    let mut cleaned = String::with_capacity(text.len());
    for character in text.chars() {
        if character != '_' && character != 'j' && character != 'J' {
            cleaned.push(character);
        }
    }
    cleaned.parse::<f64>().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::borrow::ToOwned;

    fn scan_text(text: &str) -> (usize, TokenKind, Option<&'static str>) {
        let scanned = scan(text.as_bytes(), 0);
        (scanned.end, scanned.kind, scanned.error)
    }

    #[test]
    fn scans_every_form() {
        assert_eq!(scan_text("0x_ff"), (5, TokenKind::Int, None));
        assert_eq!(scan_text("1_000 "), (5, TokenKind::Int, None));
        assert_eq!(scan_text("1."), (2, TokenKind::Float, None));
        assert_eq!(scan_text(".5"), (2, TokenKind::Float, None));
        assert_eq!(scan_text("1e-3"), (4, TokenKind::Float, None));
        assert_eq!(scan_text("1_0.5"), (5, TokenKind::Float, None));
        assert_eq!(scan_text("2j"), (2, TokenKind::Imaginary, None));
        assert_eq!(scan_text("1.5e+2J"), (7, TokenKind::Imaginary, None));
        assert_eq!(scan_text("00"), (2, TokenKind::Int, None));
        assert_eq!(scan_text("007.5"), (5, TokenKind::Float, None));
        assert_eq!(scan_text("1if"), (1, TokenKind::Int, None));
        assert!(scan_text("1__0").2.is_some());
        assert!(scan_text("1_").2.is_some());
        assert!(scan_text("0b12").2.is_some());
        assert!(scan_text("0x").2.is_some());
        assert!(scan_text("1e").2.is_some());
        assert!(scan_text("012").2.is_some());
    }

    #[test]
    fn decodes_small_ints() {
        assert_eq!(int_value("0x_ff"), IntValue::Small(255));
        assert_eq!(int_value("0o777"), IntValue::Small(511));
        assert_eq!(int_value("0B1010"), IntValue::Small(10));
        assert_eq!(int_value("1_000"), IntValue::Small(1000));
        assert_eq!(int_value("9223372036854775807"), IntValue::Small(i64::MAX));
    }

    #[test]
    fn converts_big_ints_to_decimal() {
        assert_eq!(int_value("9223372036854775808"), IntValue::Big("9223372036854775808".into()));
        assert_eq!(int_value("0xffffffffffffffff"), IntValue::Big("18446744073709551615".into()));
        assert_eq!(int_value("0x1_0000_0000_0000_0000"), IntValue::Big("18446744073709551616".into()));
        assert_eq!(int_value("0b1"), IntValue::Small(1));
        let two_to_100 = "0b1".to_owned() + &"0".repeat(100);
        assert_eq!(int_value(&two_to_100), IntValue::Big("1267650600228229401496703205376".into()));
        assert_eq!(int_value("0o1000000000000000000000000"), IntValue::Big("4722366482869645213696".into()));
        assert_eq!(
            int_value("000_123456789012345678901234567890"),
            IntValue::Big("123456789012345678901234567890".into())
        );
        assert_eq!(to_decimal(b"000", 10), "0");
        assert_eq!(to_decimal(b"1000000000", 10), "1000000000");
    }

    #[test]
    fn decodes_floats() {
        assert_eq!(float_value("1_0.5"), 10.5);
        assert_eq!(float_value("1."), 1.0);
        assert_eq!(float_value(".5"), 0.5);
        assert_eq!(float_value("1e-3"), 0.001);
        assert_eq!(float_value("2j"), 2.0);
    }
}
