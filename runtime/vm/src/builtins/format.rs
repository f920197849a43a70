//! Text formatting: `str.format` with the common format-spec mini language
//! (fill, align, sign, zero padding, width, thousands separator, precision,
//! types `d x X o b c s f F e E g G %`), as MicroPython's; `percent.rs`
//! holds `%` formatting, which formats floats through it.

use crate::obj::repr::{format_float, Style};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use core::fmt::Write;

/// A parsed format spec.
#[derive(Default, Clone, Copy)]
struct Spec {
    /// The fill character, 0 when the spec names none.
    fill: u8,
    align: u8,
    sign: u8,
    zero: bool,
    width: usize,
    /// The thousands separator, `,` or `_` (0 for none).
    grouping: u8,
    precision: Option<usize>,
    kind: u8,
    alternate: bool,
}

/// Parses a format spec; `None` when characters are left after its type.
fn parse_spec(spec: &[u8]) -> Option<Spec> {
    let mut parsed = Spec::default();
    let mut position = 0;
    let is_align = |byte: u8| matches!(byte, b'<' | b'>' | b'^' | b'=');
    if !spec.is_empty() && is_align(spec[0]) {
        parsed.align = spec[0];
        position = 1;
    } else if spec.len() >= 2 && is_align(spec[1]) {
        parsed.fill = spec[0];
        parsed.align = spec[1];
        position = 2;
    }
    if let Some(&sign) = spec.get(position) {
        if matches!(sign, b'+' | b'-' | b' ') {
            parsed.sign = sign;
            position += 1;
        }
    }
    if spec.get(position) == Some(&b'#') {
        parsed.alternate = true;
        position += 1;
    }
    if spec.get(position) == Some(&b'0') {
        // As MicroPython's: a leading zero fills with zeros unless a fill
        // was given, strings too (`'{:06s}'` pads `ab` to `ab0000`).
        parsed.zero = true;
        if parsed.fill == 0 {
            parsed.fill = b'0';
        }
    }
    while let Some(&digit) = spec.get(position) {
        if !digit.is_ascii_digit() {
            break;
        }
        parsed.width = parsed.width * 10 + usize::from(digit - b'0');
        position += 1;
    }
    if let Some(&separator @ (b',' | b'_')) = spec.get(position) {
        parsed.grouping = separator;
        position += 1;
    }
    if spec.get(position) == Some(&b'.') {
        position += 1;
        let mut precision = 0;
        while let Some(&digit) = spec.get(position) {
            if !digit.is_ascii_digit() {
                break;
            }
            precision = precision * 10 + usize::from(digit - b'0');
            position += 1;
        }
        parsed.precision = Some(precision);
    }
    if let Some(&kind) = spec.get(position) {
        if b"bcdeEfFgGnosxX%".contains(&kind) {
            parsed.kind = kind;
            position += 1;
        }
    }
    (position == spec.len()).then_some(parsed)
}

/// Text built on the Rust stack.
struct Text {
    bytes: [u8; 512],
    len: usize,
}

impl Text {
    fn new() -> Text {
        Text { bytes: [0; 512], len: 0 }
    }

    fn push(&mut self, data: &[u8]) {
        let end = (self.len + data.len()).min(self.bytes.len());
        self.bytes[self.len..end].copy_from_slice(&data[..end - self.len]);
        self.len = end;
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl Write for Text {
    fn write_str(&mut self, text: &str) -> core::fmt::Result {
        self.push(text.as_bytes());
        Ok(())
    }
}

/// Copies `digits` to `out` with `separator` between groups of `size`
/// digits of the integer part.
/// Only a float's digits (`fraction`) end their integer part at `.` or `e`.
fn group_digits(digits: &[u8], separator: u8, size: usize, fraction: bool, out: &mut Text) {
    let integer_end = match fraction {
        true => digits.iter().position(|&byte| byte == b'.' || byte == b'e').unwrap_or(digits.len()),
        false => digits.len(),
    };
    for (index, &byte) in digits[..integer_end].iter().enumerate() {
        if index > 0 && (integer_end - index) % size == 0 {
            out.push(&[separator]);
        }
        out.push(&[byte]);
    }
    out.push(&digits[integer_end..]);
}

fn fixed_float(value: f64, precision: usize, out: &mut Text) {
    let precision = precision.min(60);
    let value = if is_exact_tie(value, precision as i32) { nudge_away_from_zero(value) } else { value };
    let _ = write!(out, "{:.*}", precision, value);
}

/// Whether `value × 10^scale` lies exactly halfway between two integers,
/// i.e. `2 × value × 10^scale` is an odd integer. Writing `|value|` as
/// `odd × 2^power`, that holds when `power + 1 + scale == 0` and, for a
/// negative scale, `5^-scale` divides `odd`.
fn is_exact_tie(value: f64, scale: i32) -> bool {
    if value == 0.0 || !value.is_finite() {
        return false;
    }
    let bits = value.abs().to_bits();
    let (biased, fraction) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
    let (mut mantissa, mut power) = if biased == 0 { (fraction, -1074) } else { (fraction | (1 << 52), biased - 1075) };
    let zeros = mantissa.trailing_zeros();
    mantissa >>= zeros;
    power += zeros as i32;
    if power + 1 + scale != 0 {
        return false;
    }
    if scale >= 0 {
        return true;
    }
    match 5u64.checked_pow(scale.unsigned_abs()) {
        Some(divisor) => mantissa % divisor == 0,
        None => false,
    }
}

/// The next float away from zero. MicroPython rounds exact ties away from
/// zero when it formats (`'%.1f' % 0.25` is `0.3`) where Rust rounds them to
/// even; formatting the next float instead gives MicroPython's digits.
fn nudge_away_from_zero(value: f64) -> f64 {
    f64::from_bits(value.to_bits() + 1)
}

fn exponent_float(value: f64, precision: usize, upper: bool, out: &mut Text) {
    let precision = precision.min(60);
    let mut shortest = Text::new();
    let _ = write!(shortest, "{:e}", value);
    let bytes = shortest.as_bytes();
    let at = bytes.iter().position(|&byte| byte == b'e').unwrap_or(bytes.len());
    let decimal_exponent =
        core::str::from_utf8(&bytes[(at + 1).min(bytes.len())..]).unwrap_or("0").parse::<i32>().unwrap_or(0);
    let value =
        if is_exact_tie(value, precision as i32 - decimal_exponent) { nudge_away_from_zero(value) } else { value };
    let mut raw = Text::new();
    let _ = write!(raw, "{:.*e}", precision, value);
    let bytes = raw.as_bytes();
    let at = bytes.iter().position(|&byte| byte == b'e').unwrap_or(bytes.len());
    out.push(&bytes[..at]);
    out.push(if upper { b"E" } else { b"e" });
    let exponent = core::str::from_utf8(&bytes[(at + 1).min(bytes.len())..]).unwrap_or("0").parse::<i32>().unwrap_or(0);
    let _ = write!(out, "{}{:02}", if exponent < 0 { '-' } else { '+' }, exponent.unsigned_abs());
}

fn general_float(value: f64, precision: usize, upper: bool, alternate: bool, out: &mut Text) {
    let precision = precision.max(1);
    if value == 0.0 || !value.is_finite() {
        fixed_float(value, 0, out);
        return;
    }
    let mut probe = Text::new();
    exponent_float(value, precision - 1, false, &mut probe);
    let bytes = probe.as_bytes();
    let at = bytes.iter().position(|&byte| byte == b'e').unwrap_or(0);
    let exponent = core::str::from_utf8(&bytes[at + 1..]).unwrap_or("0").parse::<i32>().unwrap_or(0);
    let mut body = Text::new();
    if exponent >= -4 && exponent < precision as i32 {
        fixed_float(value, (precision as i32 - 1 - exponent).max(0) as usize, &mut body);
        let mut text = body.as_bytes();
        if !alternate && text.contains(&b'.') {
            while text.last() == Some(&b'0') {
                text = &text[..text.len() - 1];
            }
            if text.last() == Some(&b'.') {
                text = &text[..text.len() - 1];
            }
        }
        out.push(text);
    } else {
        exponent_float(value, precision - 1, upper, &mut body);
        let text = body.as_bytes();
        let at = text.iter().position(|&byte| byte == b'e' || byte == b'E').unwrap_or(text.len());
        let mut mantissa = &text[..at];
        if !alternate && mantissa.contains(&b'.') {
            while mantissa.last() == Some(&b'0') {
                mantissa = &mantissa[..mantissa.len() - 1];
            }
            if mantissa.last() == Some(&b'.') {
                mantissa = &mantissa[..mantissa.len() - 1];
            }
        }
        out.push(mantissa);
        out.push(&text[at..]);
    }
}

/// Appends `value` formatted with `spec` to `buffer`.
/// `value` formatted by `spec` onto `buffer`, as MicroPython's `str.format`:
/// an empty spec is `str(value)`; otherwise bools are ints, and any other
/// value that is not a number must be a str.
pub(super) fn format_value(vm: &mut Vm<'_>, buffer: Obj, value: Obj, spec: &[u8]) -> R<()> {
    if spec.is_empty() {
        let text = vm.to_text(value, Style::Str)?;
        return vm.with_roots(&[text], |vm| vm.buffer_push_obj(buffer, text));
    }
    let Some(spec) = parse_spec(spec) else {
        return Err(vm.raise_msg(TypeId::ValueError, "invalid format specifier"));
    };
    if matches!(spec.sign, b'+' | b' ') && spec.kind == b's' {
        return Err(vm.raise_msg(TypeId::ValueError, "sign not allowed in string format specifier"));
    }
    if matches!(spec.sign, b'+' | b' ') && spec.kind == b'c' {
        return Err(vm.raise_msg(TypeId::ValueError, "sign not allowed with integer format specifier 'c'"));
    }
    if (vm.is_int(value) && spec.kind == b's')
        || (vm.is_float(value) && matches!(spec.kind, b's' | b'c' | b'b' | b'd' | b'o' | b'x' | b'X'))
    {
        return Err(unknown_format_code(vm, spec.kind, value));
    }
    let mut body = Text::new();
    let negative;
    let mut prefix: &[u8] = b"";
    if vm.is_int(value) || vm.is_float(value) {
        let float_kind = matches!(spec.kind, b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'%');
        if vm.is_int(value) && !float_kind {
            let Some(view) = vm.int_view(value) else { return Err(vm.cannot_convert(value, "int")) };
            negative = view.negative;
            let radix = match spec.kind {
                b'x' | b'X' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => 10,
            };
            if spec.kind != b'c'
                && spec.width == 0
                && spec.grouping == 0
                && crate::obj::bigint::text_len_bound(view.len, radix) > 400
            {
                // Too long for the text buffers: straight into the output.
                return format_long_int(vm, buffer, value, radix, negative, &spec);
            }
            if spec.kind == b'c' {
                let code = vm.view_to_i64(&view).unwrap_or(0);
                let character = char::from_u32(code as u32).unwrap_or('?');
                let mut encoded = [0u8; 4];
                body.push(character.encode_utf8(&mut encoded).as_bytes());
            } else {
                let mut digits = [0u8; 1400];
                let mut text_len = 0;
                vm.with_int_text(value, radix, |vm, piece| {
                    if text_len + piece.len() > digits.len() {
                        return Err(vm.raise_msg(TypeId::OverflowError, "int too large to format"));
                    }
                    digits[text_len..text_len + piece.len()].copy_from_slice(piece);
                    text_len += piece.len();
                    Ok(())
                })?;
                // The text goes to the end of the buffer, where padding can precede it.
                let mut start = digits.len() - text_len;
                digits.copy_within(..text_len, start);
                if spec.alternate && radix != 10 {
                    prefix = match radix {
                        16 => b"0x",
                        8 => b"0o",
                        _ => b"0b",
                    };
                }
                let sign_len = usize::from(negative || matches!(spec.sign, b'+' | b' ')) + prefix.len();
                let size = if radix == 10 { 3 } else { 4 };
                let zero_fill = spec.zero && spec.align == 0;
                if spec.grouping != 0 {
                    // Zero padding counts as digits, so it is grouped too.
                    while zero_fill && start > 0 && {
                        let count = digits.len() - start;
                        sign_len + count + (count - 1) / size < spec.width
                    } {
                        start -= 1;
                        digits[start] = b'0';
                    }
                    group_digits(&digits[start..], spec.grouping, size, false, &mut body);
                } else {
                    body.push(&digits[start..]);
                }
                if spec.kind == b'X' {
                    for byte in &mut body.bytes[..body.len] {
                        *byte = byte.to_ascii_uppercase();
                    }
                }
            }
        } else {
            let number = vm.to_f64(value).unwrap_or(0.0);
            negative = number.is_sign_negative() && !number.is_nan();
            float_body(number.abs(), negative, &spec, &mut body);
            if spec.grouping != 0 {
                let mut grouped = Text::new();
                group_digits(body.as_bytes(), spec.grouping, 3, true, &mut grouped);
                body = grouped;
            }
        }
        let sign_text: &[u8] = if negative {
            b"-"
        } else {
            match spec.sign {
                b'+' => b"+",
                b' ' => b" ",
                _ => b"",
            }
        };
        let mut signed = Text::new();
        signed.push(sign_text);
        signed.push(prefix);
        if spec.kind == b'X' {
            for byte in &mut signed.bytes[..signed.len] {
                *byte = byte.to_ascii_uppercase();
            }
        }
        let sign_len = signed.len;
        signed.push(body.as_bytes());
        return format_padded(vm, buffer, signed.as_bytes(), true, &spec, sign_len);
    }
    if spec.align == b'=' {
        return Err(vm.raise_msg(TypeId::ValueError, "'=' alignment not allowed in string format specifier"));
    }
    if !matches!(spec.kind, 0 | b's') {
        return Err(unknown_format_code(vm, spec.kind, value));
    }
    if !vm.is_str(value) {
        let type_name = vm.type_name(value);
        let type_text = vm.qstr_str_copy(Obj::qstr(type_name));
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("can't convert '{}' object to str implicitly", type_text.as_str()),
        ));
    }
    let mut copy = Text::new();
    let bytes = vm.str_bytes(value);
    let limit = match spec.precision {
        Some(precision) => crate::obj::binop::char_offset(bytes, precision),
        None => bytes.len(),
    };
    if limit <= copy.bytes.len() {
        copy.push(&bytes[..limit]);
        return format_padded(vm, buffer, copy.as_bytes(), false, &spec, 0);
    }
    let count = vm.char_count(value);
    for _ in count..spec.width {
        if spec.align == b'>' {
            vm.buffer_push(buffer, &[if spec.fill == 0 { b' ' } else { spec.fill }])?;
        }
    }
    vm.buffer_push_obj(buffer, value)
}

fn unknown_format_code(vm: &mut Vm<'_>, kind: u8, value: Obj) -> crate::vm::Raised {
    let type_name = vm.type_name(value);
    let type_text = vm.qstr_str_copy(Obj::qstr(type_name));
    vm.raise_fmt(
        TypeId::ValueError,
        format_args!("unknown format code '{}' for object of type '{}'", kind as char, type_text.as_str()),
    )
}

/// An int of any length without width or grouping: sign, prefix and digits
/// go to `buffer` a piece at a time.
fn format_long_int(vm: &mut Vm<'_>, buffer: Obj, value: Obj, radix: u32, negative: bool, spec: &Spec) -> R<()> {
    let sign: &[u8] = match (negative, spec.sign) {
        (true, _) => b"-",
        (false, b'+') => b"+",
        (false, b' ') => b" ",
        _ => b"",
    };
    vm.buffer_push(buffer, sign)?;
    let upper = spec.kind == b'X';
    let prefix: &[u8] = match (spec.alternate, radix, upper) {
        (true, 16, false) => b"0x",
        (true, 16, true) => b"0X",
        (true, 8, _) => b"0o",
        (true, 2, _) => b"0b",
        _ => b"",
    };
    vm.buffer_push(buffer, prefix)?;
    vm.with_int_text(value, radix, |vm, piece| {
        for chunk in piece.chunks(64) {
            let mut copy = [0u8; 64];
            let copy = &mut copy[..chunk.len()];
            copy.copy_from_slice(chunk);
            if upper {
                copy.make_ascii_uppercase();
            }
            vm.buffer_push(buffer, copy)?;
        }
        Ok(())
    })
}

/// The text of a float's magnitude `number`; `negative` says a sign goes before it.
fn float_body(number: f64, negative: bool, spec: &Spec, body: &mut Text) {
    if !number.is_finite() {
        body.push(if number.is_nan() { b"nan" } else { b"inf" });
        return;
    }
    match spec.kind {
        b'f' | b'F' | b'%' => {
            let value = if spec.kind == b'%' { number * 100.0 } else { number };
            let precision = spec.precision.unwrap_or(6);
            // MicroPython writes a float into 33 bytes (32 after a sign): a
            // fixed-point text too long for them is written as `g` with
            // one more digit.
            let room = if negative || matches!(spec.sign, b'+' | b' ') { 32 } else { 33 };
            let exponent = decimal_exponent(value);
            if exponent > 0 && exponent as usize + precision + 2 > room {
                general_float(value, precision + 1, spec.kind == b'F', spec.alternate, body);
            } else {
                fixed_float(value, precision, body);
            }
            if spec.kind == b'%' {
                body.push(b"%");
            }
        }
        b'e' | b'E' => exponent_float(number, spec.precision.unwrap_or(6), spec.kind == b'E', body),
        b'g' | b'G' => general_float(number, spec.precision.unwrap_or(6), spec.kind == b'G', spec.alternate, body),
        _ => match spec.precision {
            Some(precision) => general_float(number, precision, false, spec.alternate, body),
            None => {
                let mut text = [0u8; 40];
                let len = format_float(number, &mut text);
                body.push(&text[..len]);
            }
        },
    }
}

/// The power of ten of a finite float's leading digit (0 for zero).
fn decimal_exponent(value: f64) -> i32 {
    let magnitude = value.abs();
    if magnitude == 0.0 {
        return 0;
    }
    let mut exponent = libm::floor(libm::log10(magnitude)) as i32;
    if libm::pow(10.0, f64::from(exponent)) > magnitude {
        exponent -= 1;
    } else if libm::pow(10.0, f64::from(exponent + 1)) <= magnitude {
        exponent += 1;
    }
    exponent
}

/// Pads `text` to the spec's width; `signed` is the length of the sign and
/// radix prefix that `=` alignment keeps in front of the padding.
fn format_padded(vm: &mut Vm<'_>, buffer: Obj, text: &[u8], numeric: bool, spec: &Spec, signed: usize) -> R<()> {
    let count = core::str::from_utf8(text).map(|value| value.chars().count()).unwrap_or(text.len());
    let padding = spec.width.saturating_sub(count);
    let align = if spec.align != 0 {
        spec.align
    } else if spec.zero && numeric {
        b'='
    } else if numeric {
        b'>'
    } else {
        b'<'
    };
    let fill = if spec.fill == 0 { b' ' } else { spec.fill };
    let (left, right) = match align {
        b'<' => (0, padding),
        b'^' => (padding / 2, padding - padding / 2),
        _ => (padding, 0),
    };
    let mut out = Text::new();
    if align == b'=' {
        let sign_len = match signed {
            0 => usize::from(matches!(text.first(), Some(b'-' | b'+' | b' ')) && numeric),
            length => length,
        };
        out.push(&text[..sign_len.min(text.len())]);
        for _ in 0..padding {
            out.push(&[fill]);
        }
        out.push(&text[sign_len.min(text.len())..]);
    } else {
        for _ in 0..left {
            out.push(&[fill]);
        }
        out.push(text);
        for _ in 0..right {
            out.push(&[fill]);
        }
    }
    vm.buffer_push(buffer, out.as_bytes())
}

/// `format(value, spec)` into a new str.
pub fn format_to_str(vm: &mut Vm<'_>, value: Obj, spec: &[u8]) -> R<Obj> {
    let buffer = vm.new_buffer(TypeId::Buffer, 16)?;
    let mark = vm.root_mark();
    vm.push_root(buffer)?;
    format_value(vm, buffer, value, spec)?;
    vm.pop_roots(mark);
    vm.buffer_finish(buffer, TypeId::Str)
}

/// The offset of the `}` that closes the `{` at the start of `text`, allowing one level of nesting.
fn matching_close(text: &[u8]) -> Option<usize> {
    let mut depth = 0;
    for (index, &byte) in text.iter().enumerate() {
        match byte {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(index);
                }
            }
            _ => {}
        }
    }
    None
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let template = args[0];
    let buffer = vm.new_buffer(TypeId::Buffer, vm.str_len(template) + 16)?;
    let mark = vm.root_mark();
    vm.push_root(buffer)?;
    let len = vm.str_len(template);
    let mut position = 0;
    let mut auto_index = 1;
    let (mut used_auto, mut used_manual) = (false, false);
    while position < len {
        let byte = vm.str_bytes(template)[position];
        if byte == b'{' && vm.str_bytes(template).get(position + 1) == Some(&b'{') {
            vm.buffer_push(buffer, b"{")?;
            position += 2;
            continue;
        }
        if byte == b'}' && vm.str_bytes(template).get(position + 1) == Some(&b'}') {
            vm.buffer_push(buffer, b"}")?;
            position += 2;
            continue;
        }
        if byte == b'}' {
            return Err(vm.raise_msg(TypeId::ValueError, "Single '}' encountered in format string"));
        }
        if byte != b'{' {
            let mut end = position;
            while end < len && !matches!(vm.str_bytes(template)[end], b'{' | b'}') {
                end += 1;
            }
            let end = end.max(position + 1);
            let piece = vm.str_slice(TypeId::Bytes, template, position, end)?;
            vm.buffer_push_obj(buffer, piece)?;
            position = end;
            continue;
        }
        let Some(close) = matching_close(&vm.str_bytes(template)[position..]) else {
            return Err(vm.raise_msg(TypeId::ValueError, "Single '{' encountered in format string"));
        };
        let mut field = [0u8; 128];
        let field_len = (close - 1).min(128);
        field[..field_len].copy_from_slice(&vm.str_bytes(template)[position + 1..position + 1 + field_len]);
        position += close + 1;
        let field = &field[..field_len];
        let (name_part, spec) = match field.iter().position(|&each| each == b':') {
            Some(at) => (&field[..at], &field[at + 1..]),
            None => (field, &field[field_len..]),
        };
        let (name, conversion) = match name_part.iter().position(|&each| each == b'!') {
            Some(at) => (&name_part[..at], name_part.get(at + 1).copied()),
            None => (name_part, None),
        };
        if let Some(at) = name_part.iter().position(|&each| each == b'!') {
            match conversion {
                None => {
                    return Err(vm.raise_msg(TypeId::ValueError, "end of format while looking for conversion specifier"))
                }
                Some(b'r' | b's') => {}
                Some(other) => {
                    return Err(vm
                        .raise_fmt(TypeId::ValueError, format_args!("unknown conversion specifier {}", other as char)))
                }
            }
            if name_part.len() > at + 2 {
                return Err(vm.raise_msg(TypeId::ValueError, "expected ':' after format specifier"));
            }
        }
        let (base_name, attribute) = match name.iter().position(|&each| each == b'.' || each == b'[') {
            Some(at) => (&name[..at], Some(&name[at..])),
            None => (name, None),
        };
        let mut value = if base_name.is_empty() {
            used_auto = true;
            let value = args.get(auto_index).copied();
            auto_index += 1;
            value
        } else if base_name.iter().all(u8::is_ascii_digit) {
            used_manual = true;
            let index: usize = core::str::from_utf8(base_name).unwrap_or("0").parse().unwrap_or(0);
            args.get(index + 1).copied()
        } else {
            let found = kw.chunks(2).find(|pair| vm.str_bytes(pair[0]) == base_name).map(|pair| pair[1]);
            if found.is_none() {
                let key = vm.new_str(base_name)?;
                let exc = vm.new_exception(TypeId::KeyError.obj(), &[key])?;
                return Err(vm.raise(exc));
            }
            found
        };
        if used_auto && used_manual {
            let message = if base_name.is_empty() {
                "can't switch from manual field specification to automatic field numbering"
            } else {
                "can't switch from automatic field numbering to manual field specification"
            };
            return Err(vm.raise_msg(TypeId::ValueError, message));
        }
        if let (Some(current), Some(attribute)) = (value, attribute) {
            if attribute.first() == Some(&b'.') {
                let name = vm.intern_bytes(&attribute[1..])?;
                value = Some(vm.load_attr(current, name)?);
            } else {
                let inner = &attribute[1..attribute.len().saturating_sub(1)];
                let key = if inner.iter().all(u8::is_ascii_digit) {
                    Obj::small(core::str::from_utf8(inner).unwrap_or("0").parse().unwrap_or(0))
                } else {
                    vm.new_str(inner)?
                };
                value = Some(vm.subscr_get(current, key)?);
            }
        }
        let Some(mut value) = value else {
            return Err(vm.raise_msg(TypeId::IndexError, "tuple index out of range"));
        };
        vm.push_root(value)?;
        match conversion {
            Some(b'r') => value = vm.to_text(value, Style::Repr)?,
            Some(b's') => value = vm.to_text(value, Style::Str)?,
            _ => {}
        }
        vm.push_root(value)?;
        let mut spec_copy = [0u8; 64];
        let mut spec_len = 0;
        let mut at = 0;
        while at < spec.len() && spec_len < 64 {
            if spec[at] != b'{' {
                spec_copy[spec_len] = spec[at];
                spec_len += 1;
                at += 1;
                continue;
            }
            // A nested field such as `{:{width}}`: the argument's str goes into the spec.
            let end = spec[at..].iter().position(|&each| each == b'}').map_or(spec.len(), |found| at + found);
            let inner = &spec[at + 1..end];
            let nested = if inner.is_empty() {
                auto_index += 1;
                args.get(auto_index - 1).copied()
            } else if inner.iter().all(u8::is_ascii_digit) {
                let index: usize = core::str::from_utf8(inner).unwrap_or("0").parse().unwrap_or(0);
                args.get(index + 1).copied()
            } else {
                kw.chunks(2).find(|pair| vm.str_bytes(pair[0]) == inner).map(|pair| pair[1])
            };
            let Some(nested) = nested else {
                return Err(vm.raise_msg(TypeId::IndexError, "tuple index out of range"));
            };
            let text = vm.to_text(nested, Style::Str)?;
            for &byte in vm.str_bytes(text) {
                if spec_len < 64 {
                    spec_copy[spec_len] = byte;
                    spec_len += 1;
                }
            }
            at = end + 1;
        }
        format_value(vm, buffer, value, &spec_copy[..spec_len])?;
    }
    vm.pop_roots(mark);
    vm.buffer_finish(buffer, TypeId::Str)
}
