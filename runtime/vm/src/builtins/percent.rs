//! `template % values` for str, as MicroPython's: printf flags (`-+ #0`),
//! widths and precisions (`*` takes them from the values), `%(key)s` looked
//! up in a dict, and ints printed with the precision as their least number
//! of digits. Floats go through the format-spec machinery of `format.rs`.

use super::format::format_value;
use crate::obj::repr::Style;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

/// The flags, width and precision of one `%` directive.
#[derive(Default, Clone, Copy)]
struct Directive {
    left: bool,
    show_sign: bool,
    space_sign: bool,
    alternate: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
    /// The template is bytes: `%s` of bytes gives the bytes themselves.
    bytes_template: bool,
}

/// The values after `%`: a tuple's items, or one value, which is also the
/// map of `%(key)` directives when it is a dict.
struct Values {
    values: Obj,
    is_tuple: bool,
    count: usize,
    next: usize,
}

impl Values {
    fn take(&mut self, vm: &mut Vm<'_>) -> R<Obj> {
        if self.next >= self.count {
            return Err(vm.raise_msg(TypeId::TypeError, "format string needs more arguments"));
        }
        self.next += 1;
        Ok(if self.is_tuple { vm.tuple_item(self.values, (self.next - 1) as u32) } else { self.values })
    }
}

/// `template % values`.
pub fn percent_format(vm: &mut Vm<'_>, template: Obj, values: Obj) -> R<Obj> {
    // `bytes % values` makes bytes, as in MicroPython and CPython.
    let result_type = if vm.native_type(template) == TypeId::Bytes { TypeId::Bytes } else { TypeId::Str };
    let buffer = vm.new_buffer(TypeId::Buffer, vm.str_len(template) + 16)?;
    let mark = vm.root_mark();
    vm.push_root(buffer)?;
    let is_tuple = vm.native_type(values) == TypeId::Tuple;
    let dict = (!is_tuple && vm.native_type(values) == TypeId::Dict).then_some(values);
    let count = if is_tuple { vm.tuple_len(values) as usize } else { 1 };
    let mut arguments = Values { values, is_tuple, count, next: 0 };
    let len = vm.str_len(template);
    let byte_at = |vm: &Vm<'_>, at: usize| vm.str_bytes(template).get(at).copied();
    let mut position = 0;
    while position < len {
        if byte_at(vm, position) != Some(b'%') {
            let mut end = position;
            while end < len && byte_at(vm, end) != Some(b'%') {
                end += 1;
            }
            let piece = vm.str_slice(TypeId::Bytes, template, position, end)?;
            vm.buffer_push_obj(buffer, piece)?;
            position = end;
            continue;
        }
        position += 1;
        if byte_at(vm, position) == Some(b'%') {
            vm.buffer_push(buffer, b"%")?;
            position += 1;
            continue;
        }
        let mut value = None;
        if byte_at(vm, position) == Some(b'(') {
            let Some(dict) = dict else {
                return Err(vm.raise_msg(TypeId::TypeError, "format needs a dict"));
            };
            // The dict counts as used, so no positional value is left.
            arguments.next = 1;
            let Some(close) = vm.str_bytes(template)[position..].iter().position(|&each| each == b')') else {
                return Err(vm.raise_msg(TypeId::ValueError, "incomplete format key"));
            };
            let key = vm.str_slice(TypeId::Str, template, position + 1, position + close)?;
            vm.push_root(key)?;
            let found = vm.subscr_get(dict, key)?;
            vm.push_root(found)?;
            value = Some(found);
            position += close + 1;
        }
        let mut directive = Directive { bytes_template: result_type == TypeId::Bytes, ..Directive::default() };
        while let Some(flag) = byte_at(vm, position) {
            match flag {
                b'-' => directive.left = true,
                b'+' => directive.show_sign = true,
                b' ' => directive.space_sign = true,
                b'#' => directive.alternate = true,
                b'0' => directive.zero = true,
                _ => break,
            }
            position += 1;
        }
        if byte_at(vm, position) == Some(b'*') {
            let width = arguments.take(vm)?;
            directive.width = usize::try_from(vm.to_i64(width)?).unwrap_or(0);
            position += 1;
        } else {
            directive.width = read_number(vm, template, &mut position);
        }
        if byte_at(vm, position) == Some(b'.') {
            position += 1;
            if byte_at(vm, position) == Some(b'*') {
                let precision = arguments.take(vm)?;
                directive.precision = Some(usize::try_from(vm.to_i64(precision)?).unwrap_or(0));
                position += 1;
            } else if position < len {
                directive.precision = Some(read_number(vm, template, &mut position));
            }
        }
        let Some(kind) = byte_at(vm, position) else {
            return Err(vm.raise_msg(TypeId::ValueError, "incomplete format"));
        };
        let value = match value {
            Some(value) => value,
            None => arguments.take(vm)?,
        };
        format_one(vm, buffer, value, kind, &directive, position)?;
        position += 1;
    }
    if dict.is_none() && arguments.next != arguments.count {
        return Err(vm.raise_msg(TypeId::TypeError, "format string didn't convert all arguments"));
    }
    vm.pop_roots(mark);
    vm.buffer_finish(buffer, result_type)
}

/// The decimal number at `position` (0 when there is none), moving past it.
fn read_number(vm: &Vm<'_>, template: Obj, position: &mut usize) -> usize {
    let mut number = 0usize;
    while let Some(&digit @ b'0'..=b'9') = vm.str_bytes(template).get(*position) {
        number = number.saturating_mul(10).saturating_add(usize::from(digit - b'0'));
        *position += 1;
    }
    number
}

/// One directive of type `kind` for `value`; `index` is where the type
/// character is in the template, for the error about an unknown one.
fn format_one(vm: &mut Vm<'_>, buffer: Obj, value: Obj, kind: u8, directive: &Directive, index: usize) -> R<()> {
    let fill = if directive.zero { b'0' } else { b' ' };
    match kind {
        b'c' => {
            if vm.is_str(value) {
                if vm.char_count(value) != 1 {
                    return Err(vm.raise_msg(TypeId::TypeError, "%c needs int or char"));
                }
                let mut character = [0u8; 4];
                let len = vm.str_bytes(value).len().min(4);
                character[..len].copy_from_slice(&vm.str_bytes(value)[..len]);
                return push_padded(vm, buffer, &character[..len], 1, directive.left, directive.width);
            }
            if !vm.is_int(value) {
                return Err(vm.raise_msg(TypeId::TypeError, "integer needed"));
            }
            let code = vm.to_i64(value)?;
            let character = u32::try_from(code).ok().and_then(char::from_u32).unwrap_or('\0');
            let mut encoded = [0u8; 4];
            let text = character.encode_utf8(&mut encoded).as_bytes();
            push_padded(vm, buffer, text, 1, directive.left, directive.width)
        }
        b'd' | b'i' | b'u' => {
            let number = if vm.is_float(value) {
                let float = vm.float_value(value);
                let truncated = crate::obj::bigint::Big::from_f64(float).ok_or_else(|| {
                    let message = if float.is_nan() {
                        "cannot convert float NaN to integer"
                    } else {
                        "cannot convert float infinity to integer"
                    };
                    vm.raise_msg(TypeId::ValueError, message)
                })?;
                vm.new_big(&truncated)?
            } else {
                int_argument(vm, value)?
            };
            push_int(vm, buffer, number, 10, b"", false, directive, fill)
        }
        b'o' | b'x' | b'X' => {
            let number = int_argument(vm, value)?;
            let (radix, prefix): (u32, &[u8]) = match kind {
                b'o' => (8, b"0o"),
                b'x' => (16, b"0x"),
                _ => (16, b"0X"),
            };
            let prefix = if directive.alternate { prefix } else { b"" };
            push_int(vm, buffer, number, radix, prefix, kind == b'X', directive, fill)
        }
        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
            let value = if vm.is_int(value) || vm.is_float(value) {
                value
            } else {
                let number = vm.float_of(value)?;
                let float = vm.new_float(number)?;
                vm.push_root(float)?;
                float
            };
            let mut spec = [0u8; 48];
            let mut spec_len = 0;
            let mut add = |bytes: &[u8]| {
                for &byte in bytes {
                    if spec_len < spec.len() {
                        spec[spec_len] = byte;
                        spec_len += 1;
                    }
                }
            };
            if directive.left {
                add(b" <");
            }
            if directive.show_sign {
                add(b"+");
            } else if directive.space_sign {
                add(b" ");
            }
            if directive.alternate {
                add(b"#");
            }
            if directive.zero && !directive.left {
                add(b"0");
            }
            let mut digits = [0u8; 20];
            add(decimal(directive.width, &mut digits));
            if let Some(precision) = directive.precision {
                add(b".");
                add(decimal(precision, &mut digits));
            }
            add(&[kind]);
            format_value(vm, buffer, value, &spec[..spec_len])
        }
        b'r' | b's' => {
            let style = if kind == b'r' { Style::Repr } else { Style::Str };
            let raw = kind == b's' && directive.bytes_template && vm.native_type(value) == TypeId::Bytes;
            let text = if raw { value } else { vm.to_text(value, style)? };
            vm.push_root(text)?;
            let bytes = vm.str_bytes(text);
            let chars = vm.char_count(text);
            let (end, chars) = match directive.precision {
                Some(precision) if precision < chars => (crate::obj::binop::char_offset(bytes, precision), precision),
                _ => (bytes.len(), chars),
            };
            let padding = directive.width.saturating_sub(chars);
            if !directive.left {
                push_repeated(vm, buffer, b' ', padding)?;
            }
            let piece = vm.str_slice(TypeId::Bytes, text, 0, end)?;
            vm.buffer_push_obj(buffer, piece)?;
            if directive.left {
                push_repeated(vm, buffer, b' ', padding)?;
            }
            Ok(())
        }
        _ => Err(vm.raise_fmt(
            TypeId::ValueError,
            format_args!("unsupported format character '{}' (0x{:x}) at index {}", kind as char, kind, index),
        )),
    }
}

/// `value` as an int: an int or bool itself, else what its `__int__` returns.
fn int_argument(vm: &mut Vm<'_>, value: Obj) -> R<Obj> {
    if vm.is_int(value) {
        return Ok(value);
    }
    if !vm.is_float(value) {
        if let Some(result) = vm.call_special_unary(value, q!("__int__"))? {
            if vm.is_int(result) {
                return Ok(result);
            }
        }
    }
    Err(vm.cannot_convert(value, "int"))
}

/// The decimal text of `number` in `digits`.
fn decimal(mut number: usize, digits: &mut [u8; 20]) -> &[u8] {
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (number % 10) as u8;
        number /= 10;
        if number == 0 || start == 0 {
            break;
        }
    }
    &digits[start..]
}

fn push_repeated(vm: &mut Vm<'_>, buffer: Obj, byte: u8, count: usize) -> R<()> {
    let chunk = [byte; 32];
    let mut left = count;
    while left > 0 {
        let now = left.min(chunk.len());
        vm.buffer_push(buffer, &chunk[..now])?;
        left -= now;
    }
    Ok(())
}

/// `text` (of `chars` characters) padded with spaces to `width`.
fn push_padded(vm: &mut Vm<'_>, buffer: Obj, text: &[u8], chars: usize, left: bool, width: usize) -> R<()> {
    let padding = width.saturating_sub(chars);
    if !left {
        push_repeated(vm, buffer, b' ', padding)?;
    }
    vm.buffer_push(buffer, text)?;
    if left {
        push_repeated(vm, buffer, b' ', padding)?;
    }
    Ok(())
}

/// An int as MicroPython's `%` prints it: a precision above 1 zero-pads the
/// digits to that many and then pads the whole with spaces to the width; the
/// `0` flag pads after the sign and prefix, on the right too when
/// left-aligned.
#[allow(clippy::too_many_arguments)]
fn push_int(
    vm: &mut Vm<'_>,
    buffer: Obj,
    number: Obj,
    radix: u32,
    prefix: &[u8],
    upper: bool,
    directive: &Directive,
    fill: u8,
) -> R<()> {
    let mut width = directive.width;
    let mut precision = directive.precision.unwrap_or(0);
    let mut left = directive.left;
    let mut fill = fill;
    if !left && fill == b'0' {
        width = width.max(precision);
        precision = 0;
    }
    let negative = vm.int_view(number).is_some_and(|view| view.negative);
    let sign: &[u8] = if negative {
        b"-"
    } else if directive.show_sign {
        b"+"
    } else if directive.space_sign {
        b" "
    } else {
        b""
    };
    let pad_after_sign = directive.zero || precision > 1;
    let (scratch, start, end) = vm.int_text(number, radix)?;
    let digits_len = end - start;
    let lead_len = sign.len() + prefix.len();
    let (mut spaces_before, mut spaces_after) = (0, 0);
    if precision > 1 {
        let precision_width = digits_len.max(precision) + lead_len;
        if left {
            spaces_after = width.saturating_sub(precision_width);
        } else {
            spaces_before = width.saturating_sub(precision_width);
        }
        fill = b'0';
        left = false;
    }
    let result = vm.with_roots(&[scratch], |vm| {
        push_repeated(vm, buffer, b' ', spaces_before)?;
        let mut field_width = width;
        let mut body_len = digits_len;
        if pad_after_sign {
            vm.buffer_push(buffer, sign)?;
            vm.buffer_push(buffer, prefix)?;
            field_width = field_width.saturating_sub(lead_len);
        } else {
            body_len += lead_len;
        }
        if precision > 1 {
            field_width = precision;
        }
        let padding = field_width.saturating_sub(body_len);
        if !left {
            push_repeated(vm, buffer, fill, padding)?;
        }
        if !pad_after_sign {
            vm.buffer_push(buffer, sign)?;
            vm.buffer_push(buffer, prefix)?;
        }
        let mut position = start;
        while position < end {
            let mut piece = [0u8; 64];
            let count = (end - position).min(piece.len());
            piece[..count].copy_from_slice(vm.bytes_at(scratch.0 + position as u32, count));
            if upper {
                piece[..count].make_ascii_uppercase();
            }
            vm.buffer_push(buffer, &piece[..count])?;
            position += count;
        }
        if left {
            push_repeated(vm, buffer, fill, padding)?;
        }
        push_repeated(vm, buffer, b' ', spaces_after)
    });
    vm.free(scratch);
    result
}
