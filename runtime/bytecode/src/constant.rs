//! Constant objects of a `.mpy` object table, and their text forms.
//!
//! Ints, floats and complex numbers are stored in a `.mpy` file as text.
//! Ints are plain decimal. Floats and complex numbers use MicroPython's
//! `repr()`, which differs from CPython's in one way: it tries 16 significant
//! digits first and only uses 17 when 16 do not read back as the same double
//! (CPython picks the shortest text, so `5e-324` here is
//! `4.940656458412465e-324`). The exponent form is used from `1e+16` up and
//! below `1e-04`, with at least two exponent digits. [`format_float`] and
//! [`format_complex`] reproduce that text byte for byte, which is what makes
//! the writer's output identical to mpy-cross's.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// One entry of a module's object table (or an item of a constant tuple).
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// A str too long to be a qstr (or any str, inside a tuple).
    Str(String),
    /// A bytes object.
    Bytes(Vec<u8>),
    /// An int that does not fit a small int, as decimal text with an optional leading `-`.
    Int(String),
    /// A float (a double; the target may round it to single precision).
    Float(f64),
    /// A complex number.
    Complex {
        /// The real part.
        real: f64,
        /// The imaginary part.
        imag: f64,
    },
    /// A tuple of constants.
    Tuple(Vec<Constant>),
    /// `None` (only inside tuples).
    None,
    /// `True` (only inside tuples).
    True,
    /// `False` (only inside tuples).
    False,
    /// `...`
    Ellipsis,
}

impl Constant {
    /// Python's `repr()` of the constant, for disassembly.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    fn write_repr(&self, out: &mut String) {
        match self {
            Constant::Str(text) => write_str_repr(text, out),
            Constant::Bytes(bytes) => write_bytes_repr(bytes, out),
            Constant::Int(digits) => out.push_str(digits),
            Constant::Float(value) => out.push_str(&format_float(*value)),
            Constant::Complex { real, imag } => out.push_str(&format_complex(*real, *imag)),
            Constant::Tuple(items) => {
                out.push('(');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push_str(", ");
                    }
                    item.write_repr(out);
                }
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Constant::None => out.push_str("None"),
            Constant::True => out.push_str("True"),
            Constant::False => out.push_str("False"),
            Constant::Ellipsis => out.push_str("Ellipsis"),
        }
    }
}

/// Whether `text` is a valid [`Constant::Int`] payload: an optional `-` and decimal digits.
pub fn is_decimal_int(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit())
}

/// The double nearest to `10^exponent` (0 or infinity outside the range).
fn power_of_ten(exponent: i32) -> f64 {
    format!("1e{exponent}").parse().unwrap_or(f64::INFINITY)
}

/// Rounds the decimal digits `exact` (first digit nonzero) half-up to `count`
/// digits. Returns the digits and whether rounding carried into a new digit.
fn round_digits(exact: &str, count: usize) -> (String, bool) {
    let mut digits: Vec<u8> = exact.bytes().take(count).collect();
    while digits.len() < count {
        digits.push(b'0');
    }
    if exact.as_bytes().get(count).is_some_and(|&next| next >= b'5') {
        let mut index = digits.len();
        loop {
            if index == 0 {
                digits.insert(0, b'1');
                digits.pop();
                return (String::from_utf8(digits).unwrap_or_default(), true);
            }
            index -= 1;
            if digits[index] == b'9' {
                digits[index] = b'0';
            } else {
                digits[index] += 1;
                break;
            }
        }
    }
    (String::from_utf8(digits).unwrap_or_default(), false)
}

/// Splits a finite, positive, non-zero `value` into significant digits (no
/// trailing zeros) and the decimal exponent of the first digit, the way
/// MicroPython's `repr()` does.
///
/// MicroPython takes the decimal exponent to be the largest `k` with
/// `value >= double(10^k)`, which is one more than the true exponent when
/// `value` is the double just below a power of ten (so `1e23` prints as
/// `1e+23`). It then rounds half-up to 16 digits relative to that exponent,
/// and adds digits (up to 19) until the text reads back as `value`.
fn significant_digits(value: f64) -> (String, i32) {
    // Exact digits: 120 are far more than any rounding below looks at.
    let exact_text = format!("{value:.119e}");
    let (mantissa, exponent) = exact_text.split_once('e').unwrap_or((exact_text.as_str(), "0"));
    let true_exponent: i32 = exponent.parse().unwrap_or(0);
    let exact: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let mut exponent = true_exponent;
    while value < power_of_ten(exponent) {
        exponent -= 1;
    }
    while value >= power_of_ten(exponent + 1) {
        exponent += 1;
    }
    let mut best = (String::from("0"), exponent);
    for digit_count in 16..=19 {
        let kept = (digit_count - (exponent - true_exponent)).max(1) as usize;
        let (mut digits, carried) = round_digits(&exact, kept);
        let mut first_exponent = true_exponent + i32::from(carried);
        while digits.len() > 1 && digits.ends_with('0') {
            digits.pop();
        }
        if digits == "0" {
            first_exponent = exponent;
        }
        let text = format!("0.{digits}e{}", first_exponent + 1);
        best = (digits, first_exponent);
        if text.parse::<f64>() == Ok(value) {
            break;
        }
    }
    best
}

/// MicroPython's `%g`-style repr text of a float, without the `.0` suffix.
fn format_float_g(value: f64, show_plus: bool) -> String {
    let mut out = String::new();
    if value.is_nan() {
        if show_plus {
            out.push('+');
        }
        out.push_str("nan");
        return out;
    }
    if value.is_sign_negative() {
        out.push('-');
    } else if show_plus {
        out.push('+');
    }
    let magnitude = value.abs();
    if magnitude.is_infinite() {
        out.push_str("inf");
        return out;
    }
    if magnitude == 0.0 {
        out.push('0');
        return out;
    }
    let (digits, exponent) = significant_digits(magnitude);
    if !(-4..16).contains(&exponent) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(out, "e{}{:02}", if exponent < 0 { '-' } else { '+' }, exponent.unsigned_abs());
    } else if exponent < 0 {
        out.push_str("0.");
        for _ in 0..(-exponent - 1) {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let integer_len = exponent as usize + 1;
        if digits.len() <= integer_len {
            out.push_str(&digits);
            for _ in digits.len()..integer_len {
                out.push('0');
            }
        } else {
            out.push_str(&digits[..integer_len]);
            out.push('.');
            out.push_str(&digits[integer_len..]);
        }
    }
    out
}

/// The text MicroPython's `repr()` gives a float, as stored in `.mpy` files:
/// `1.5`, `1e+16`, `1e-05`, `-0.0`, `inf`, `nan`.
pub fn format_float(value: f64) -> String {
    let mut text = format_float_g(value, false);
    if !text.contains(['.', 'e', 'n']) {
        text.push_str(".0");
    }
    text
}

/// The text MicroPython's `repr()` gives a complex number: `2j`, `(1.5+2j)`.
pub fn format_complex(real: f64, imag: f64) -> String {
    // NaN compares unequal to 0, so a NaN real part is printed too.
    if real != 0.0 {
        let mut out = String::from("(");
        out.push_str(&format_float_g(real, false));
        out.push_str(&format_float_g(imag, true));
        out.push_str("j)");
        out
    } else {
        let mut out = format_float_g(imag, false);
        out.push('j');
        out
    }
}

/// Parses float text as written by [`format_float`] (any text Rust's `f64`
/// parser accepts is taken).
pub fn parse_float(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// Parses complex text as written by [`format_complex`]: `Xj` or `(R±Xj)`.
pub fn parse_complex(text: &str) -> Option<(f64, f64)> {
    if let Some(inner) = text.strip_prefix('(') {
        let inner = inner.strip_suffix("j)")?;
        // The sign between the parts is the last + or - not starting an exponent.
        let bytes = inner.as_bytes();
        let split = (1..bytes.len())
            .rev()
            .find(|&index| matches!(bytes[index], b'+' | b'-') && !matches!(bytes[index - 1], b'e' | b'E'))?;
        let real = parse_float(&inner[..split])?;
        let imag = parse_float(&inner[split..])?;
        Some((real, imag))
    } else {
        let imag = parse_float(text.strip_suffix('j')?)?;
        Some((0.0, imag))
    }
}

fn write_escaped_char(code: u32, quote: char, out: &mut String) {
    match char::from_u32(code) {
        Some('\\') => out.push_str("\\\\"),
        Some('\n') => out.push_str("\\n"),
        Some('\r') => out.push_str("\\r"),
        Some('\t') => out.push_str("\\t"),
        Some(c) if c == quote => {
            out.push('\\');
            out.push(c);
        }
        Some(c) if (' '..='\u{7e}').contains(&c) || (c >= '\u{a0}' && !c.is_control()) => out.push(c),
        _ if code < 0x100 => {
            let _ = write!(out, "\\x{code:02x}");
        }
        _ if code < 0x10000 => {
            let _ = write!(out, "\\u{code:04x}");
        }
        _ => {
            let _ = write!(out, "\\U{code:08x}");
        }
    }
}

fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

fn write_str_repr(text: &str, out: &mut String) {
    let quote = pick_quote(text.contains('\''), text.contains('"'));
    out.push(quote);
    for c in text.chars() {
        write_escaped_char(u32::from(c), quote, out);
    }
    out.push(quote);
}

fn write_bytes_repr(bytes: &[u8], out: &mut String) {
    let quote = pick_quote(bytes.contains(&b'\''), bytes.contains(&b'"'));
    out.push('b');
    out.push(quote);
    for &byte in bytes {
        if byte >= 0x7f {
            let _ = write!(out, "\\x{byte:02x}");
        } else {
            write_escaped_char(u32::from(byte), quote, out);
        }
    }
    out.push(quote);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_as_mpy_cross_writes_them() {
        let cases: &[(f64, &str)] = &[
            (1.5, "1.5"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e22, "1e+22"),
            (1.0, "1.0"),
            (123456789.0, "123456789.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1e15, "1000000000000000.0"),
            (1234567890123456.0, "1234567890123456.0"),
            (12345678901234567.0, "1.2345678901234568e+16"),
            (2.5e-300, "2.5e-300"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1.0 / 3.0, "0.3333333333333333"),
            (5e-324, "4.940656458412465e-324"),
            (1e100, "1e+100"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e-7, "1e-07"),
            (123.456e10, "1234560000000.0"),
            (1e-20, "1e-20"),
            (1e23, "1e+23"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (4.35e-5, "4.35e-05"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
        ];
        for &(value, text) in cases {
            assert_eq!(format_float(value), text, "{value:e}");
            let parsed = parse_float(text).unwrap();
            assert!(parsed.to_bits() == value.to_bits() || (parsed.is_nan() && value.is_nan()), "{text}");
        }
    }

    #[test]
    fn complex_numbers() {
        assert_eq!(format_complex(0.0, 2.0), "2j");
        assert_eq!(format_complex(0.0, 1.5e20), "1.5e+20j");
        assert_eq!(format_complex(1.5, 2.0), "(1.5+2j)");
        assert_eq!(format_complex(1.0, -2.5e-10), "(1-2.5e-10j)");
        assert_eq!(format_complex(f64::NAN, f64::INFINITY), "(nan+infj)");
        for text in ["2j", "1.5e+20j", "(1.5+2j)", "(1-2.5e-10j)", "(1e+20-1e-20j)", "(nan+infj)"] {
            let (real, imag) = parse_complex(text).unwrap();
            assert_eq!(format_complex(real, imag), text);
        }
        assert_eq!(parse_complex("2"), None);
        assert_eq!(parse_complex("(2j"), None);
        assert_eq!(parse_complex("(j)"), None);
    }

    #[test]
    fn reprs() {
        let tuple = Constant::Tuple(alloc::vec![
            Constant::Int(String::from("1")),
            Constant::Str(String::from("a'b")),
            Constant::Bytes(alloc::vec![b'x', 0, 0xff]),
            Constant::None,
            Constant::Ellipsis,
            Constant::Tuple(alloc::vec![Constant::True]),
            Constant::Float(2.5),
        ]);
        assert_eq!(tuple.repr(), "(1, \"a'b\", b'x\\x00\\xff', None, Ellipsis, (True,), 2.5)");
        assert_eq!(Constant::Str(String::from("tab\t\u{e9}\n")).repr(), "'tab\\t\u{e9}\\n'");
        assert!(is_decimal_int("-123") && is_decimal_int("0"));
        assert!(!is_decimal_int("-") && !is_decimal_int("") && !is_decimal_int("1.0"));
    }
}
