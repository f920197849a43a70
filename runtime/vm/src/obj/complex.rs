//! Complex numbers: construction, arithmetic, equality, hashing and repr.
//!
//! Layout (words): `type, real low, real high, imaginary low, imaginary
//! high`, both parts IEEE-754 f64; the frozen image uses the same layout for
//! complex constants. Ints and floats mix with complex numbers as if their
//! imaginary part were zero. The results follow MicroPython's formulas
//! (`py/objcomplex.c`), so they agree to the last bit with the reference.

use super::num::*;
use super::{Obj, TypeId};
use crate::vm::{Vm, R};

impl Vm<'_> {
    /// A new complex number.
    pub fn new_complex(&mut self, real: f64, imag: f64) -> R<Obj> {
        let obj = self.alloc_typed(TypeId::Complex, 5)?;
        // Words 1–4 hold the two little-endian f64s: one write of sixteen bytes.
        if let Some(target) = self.heap.bytes_mut(obj.0.wrapping_add(4), 16).first_chunk_mut::<16>() {
            let (real_bytes, imag_bytes) = target.split_at_mut(8);
            real_bytes.copy_from_slice(&real.to_le_bytes());
            imag_bytes.copy_from_slice(&imag.to_le_bytes());
        }
        Ok(obj)
    }

    pub fn is_complex(&self, obj: Obj) -> bool {
        obj.is_ptr() && self.native_type(obj) == TypeId::Complex
    }

    /// The real and imaginary parts of a complex object.
    #[inline]
    pub fn complex_value(&self, obj: Obj) -> (f64, f64) {
        // Both parts in one read: words 1–4 are the two little-endian f64s.
        if let Some(parts) = self.bytes_at(obj.0.wrapping_add(4), 16).first_chunk::<16>() {
            let (real, imag) = parts.split_at(8);
            let part = |bytes: &[u8]| f64::from_le_bytes(bytes.try_into().unwrap_or([0; 8]));
            return (part(real), part(imag));
        }
        let word_pair = |low: u32, high: u32| f64::from_bits(u64::from(low) | (u64::from(high) << 32));
        let real = word_pair(self.get_u(obj, 1), self.get_u(obj, 2));
        let imag = word_pair(self.get_u(obj, 3), self.get_u(obj, 4));
        (real, imag)
    }

    /// Any number (int, float or complex) as a pair of parts, or None.
    pub fn to_complex_parts(&self, obj: Obj) -> Option<(f64, f64)> {
        if self.is_complex(obj) {
            return Some(self.complex_value(obj));
        }
        self.to_f64(obj).map(|real| (real, 0.0))
    }

    /// A number as a pair of parts, as MicroPython's `mp_obj_get_complex`:
    /// ints, floats and complex numbers, then objects whose `__complex__`
    /// gives a complex number or whose `__float__` gives a float; else
    /// `TypeError: can't convert T to complex`.
    pub fn complex_of(&mut self, obj: Obj) -> R<(f64, f64)> {
        if let Some(parts) = self.to_complex_parts(obj) {
            return Ok(parts);
        }
        if !self.is_str(obj) {
            if let Some(result) = self.call_special_unary(obj, q!("__complex__"))? {
                if self.is_complex(result) {
                    return Ok(self.complex_value(result));
                }
            } else if let Some(result) = self.call_special_unary(obj, q!("__float__"))? {
                if self.is_float(result) {
                    return Ok((self.float_value(result), 0.0));
                }
            }
        }
        Err(self.cannot_convert(obj, "complex"))
    }

    /// `left op right` when at least one side is complex and the other is a
    /// number; None when the operator does not apply (the caller then raises
    /// the usual "unsupported types" TypeError).
    pub fn complex_binary(&mut self, op: u8, left: Obj, right: Obj) -> R<Option<Obj>> {
        let (Some((a, b)), Some((c, d))) = (self.to_complex_parts(left), self.to_complex_parts(right)) else {
            return Ok(None);
        };
        let (real, imag) = match op {
            OP_ADD => (a + c, b + d),
            OP_SUB => (a - c, b - d),
            OP_MUL => (a * c - b * d, a * d + b * c),
            OP_TRUE_DIV => {
                if d == 0.0 {
                    if c == 0.0 {
                        return Err(self.raise_msg(TypeId::ZeroDivisionError, "complex divide by zero"));
                    }
                    (a / c, b / c)
                } else if c == 0.0 {
                    (b / d, -a / d)
                } else {
                    let length_squared = c * c + d * d;
                    ((a * c + b * d) / length_squared, (b * c - a * d) / length_squared)
                }
            }
            OP_POW => {
                if c == 0.0 && d == 0.0 {
                    (1.0, 0.0)
                } else if a == 0.0 && b == 0.0 {
                    if d != 0.0 || c < 0.0 {
                        return Err(self.raise_msg(TypeId::ZeroDivisionError, "0.0 to a complex power"));
                    }
                    (0.0, 0.0)
                } else {
                    let log_length = libm::log(libm::sqrt(a * a + b * b));
                    let angle = libm::atan2(b, a);
                    let x = c * log_length - d * angle;
                    let y = d * log_length + c * angle;
                    let amplitude = libm::exp(x);
                    (amplitude * libm::cos(y), amplitude * libm::sin(y))
                }
            }
            OP_EQUAL => return Ok(Some(Obj::from_bool(a == c && b == d))),
            OP_NOT_EQUAL => return Ok(Some(Obj::from_bool(!(a == c && b == d)))),
            _ => return Ok(None),
        };
        self.new_complex(real, imag).map(Some)
    }

    /// The hash of a complex number: one with no imaginary part hashes like
    /// the float (and so the int) of the same value.
    pub fn complex_hash(&self, obj: Obj) -> u32 {
        let (real, imag) = self.complex_value(obj);
        if imag == 0.0 {
            return float_hash(real);
        }
        float_hash(real) ^ float_hash(imag).wrapping_mul(1_000_003)
    }

    /// `-z` and `+z`.
    pub fn complex_unary(&mut self, op: u8, obj: Obj) -> R<Obj> {
        let (real, imag) = self.complex_value(obj);
        if op == rime_bytecode::opcode::unary::POSITIVE {
            return Ok(obj);
        }
        self.new_complex(-real, -imag)
    }

    /// `complex()`, `complex(x)`, `complex("1+2j")` and `complex(real, imag)`;
    /// either argument may itself be complex.
    pub fn construct_complex(&mut self, args: &[Obj]) -> R<Obj> {
        if args.len() > 2 {
            return Err(self.raise_msg(TypeId::TypeError, "function takes at most 2 arguments"));
        }
        if args.len() == 1 && self.is_str(args[0]) {
            let mut copy = [0u8; 64];
            let bytes = self.str_bytes(args[0]);
            let len = bytes.len().min(copy.len());
            copy[..len].copy_from_slice(&bytes[..len]);
            let parsed = core::str::from_utf8(&copy[..len]).ok().and_then(parse_complex_text);
            return match parsed {
                Some((real, imag)) if bytes.len() <= copy.len() => self.new_complex(real, imag),
                _ => Err(self.raise_msg(TypeId::ValueError, "invalid syntax for number")),
            };
        }
        // One argument converts as a complex number; of two, each that is
        // not complex converts as a float (MicroPython's `complex_make_new`).
        let mut parts = [(0.0, 0.0); 2];
        for (index, &arg) in args.iter().enumerate() {
            parts[index] = match self.is_complex(arg) {
                true => self.complex_value(arg),
                false if args.len() == 1 => self.complex_of(arg)?,
                false => (self.float_of(arg)?, 0.0),
            };
        }
        let ((a, b), (c, d)) = (parts[0], parts[1]);
        self.new_complex(a - d, b + c)
    }

    /// `abs(z)`: the length of the number as a float.
    pub fn complex_abs(&mut self, obj: Obj) -> R<Obj> {
        let (real, imag) = self.complex_value(obj);
        self.new_float(libm::hypot(real, imag))
    }
}

/// Writes a complex number as MicroPython's `repr` does: `2j`, `(1.5-2j)`,
/// `(-4+0j)`. Each part is the float text without a `.0` suffix.
pub fn format_complex(real: f64, imag: f64, out: &mut [u8; 96]) -> usize {
    let mut length = 0;
    let mut append = |bytes: &[u8], length: &mut usize| {
        for &byte in bytes {
            if *length < out.len() {
                out[*length] = byte;
                *length += 1;
            }
        }
    };
    let part_text = |value: f64, text: &mut [u8; 40]| -> usize {
        let len = super::repr::format_float(value, text);
        if text[..len].ends_with(b".0") {
            len - 2
        } else {
            len
        }
    };
    let mut text = [0u8; 40];
    // NaN compares unequal to 0, so a NaN real part is printed too.
    if real != 0.0 {
        append(b"(", &mut length);
        let len = part_text(real, &mut text);
        append(&text[..len], &mut length);
        // A negative zero prints as `-0`, so it takes no `+` (as in MicroPython).
        if !imag.is_sign_negative() || imag.is_nan() {
            append(b"+", &mut length);
        }
        let len = part_text(imag, &mut text);
        append(&text[..len], &mut length);
        append(b"j)", &mut length);
    } else {
        let len = part_text(imag, &mut text);
        append(&text[..len], &mut length);
        append(b"j", &mut length);
    }
    length
}

/// Parses `1.5`, `2j`, `-1.5+2e3j`, `(1-2j)` (spaces around are allowed).
fn parse_complex_text(text: &str) -> Option<(f64, f64)> {
    let text = text.trim();
    let text = match text.strip_prefix('(') {
        Some(inner) => inner.strip_suffix(')')?.trim(),
        None => text,
    };
    let Some(body) = text.strip_suffix('j').or_else(|| text.strip_suffix('J')) else {
        return Some((parse_part(text)?, 0.0));
    };
    // The sign between the parts is the last + or - that does not start the
    // text or an exponent.
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&index| matches!(bytes[index], b'+' | b'-') && !matches!(bytes[index - 1], b'e' | b'E'));
    match split {
        Some(index) => Some((parse_part(&body[..index])?, parse_imag(&body[index..])?)),
        None => Some((0.0, parse_imag(body)?)),
    }
}

/// An imaginary coefficient: a bare sign means one.
fn parse_imag(text: &str) -> Option<f64> {
    match text {
        "" | "+" => Some(1.0),
        "-" => Some(-1.0),
        _ => parse_part(text),
    }
}

fn parse_part(text: &str) -> Option<f64> {
    let unsigned = text.trim_start_matches(['+', '-']);
    let negative = text.starts_with('-');
    if unsigned.eq_ignore_ascii_case("inf") {
        return Some(if negative { f64::NEG_INFINITY } else { f64::INFINITY });
    }
    if unsigned.eq_ignore_ascii_case("nan") {
        return Some(f64::NAN);
    }
    if text.contains('_') {
        return None;
    }
    text.parse().ok()
}
