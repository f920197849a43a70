//! `str()` and `repr()`: writing any object as text to the port or into a
//! heap buffer, with CPython's formats (float repr is the shortest
//! round-trip form, as CPython prints it).

use super::{Obj, Singleton, TypeId};
use crate::vm::{Vm, R};

/// Where text goes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Sink {
    Stdout,
    Stderr,
    /// A heap buffer (rooted by whoever made it).
    Buffer(Obj),
}

/// Which text of an object.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Style {
    Str,
    Repr,
}

const MAX_REPR_DEPTH: u32 = 32;

/// Formats a finite or special f64 as Python's `repr` does; returns the length.
pub fn format_float(value: f64, out: &mut [u8; 40]) -> usize {
    let mut length = 0;
    let mut push = |byte: u8, length: &mut usize| {
        if *length < out.len() {
            out[*length] = byte;
            *length += 1;
        }
    };
    if value.is_nan() {
        for &byte in b"nan" {
            push(byte, &mut length);
        }
        return length;
    }
    if value.is_infinite() {
        if value < 0.0 {
            push(b'-', &mut length);
        }
        for &byte in b"inf" {
            push(byte, &mut length);
        }
        return length;
    }
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(value).as_bytes();
    let (negative, text) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        _ => (false, text),
    };
    // Split ryu's output into digits and a decimal exponent.
    let (mantissa, exponent) = match text.iter().position(|&byte| byte == b'e' || byte == b'E') {
        Some(at) => {
            let exponent_text = core::str::from_utf8(&text[at + 1..]).unwrap_or("0");
            (&text[..at], exponent_text.parse::<i32>().unwrap_or(0))
        }
        None => (text, 0),
    };
    let mut digits = [0u8; 24];
    let mut digit_count = 0;
    let mut point = None;
    for &byte in mantissa {
        if byte == b'.' {
            point = Some(digit_count);
        } else if digit_count < digits.len() {
            digits[digit_count] = byte;
            digit_count += 1;
        }
    }
    let mut point = point.unwrap_or(digit_count) as i32 + exponent;
    // Strip leading zeros (moving the point) and trailing zeros.
    let mut start = 0;
    while start < digit_count && digits[start] == b'0' {
        start += 1;
        point -= 1;
    }
    let mut end = digit_count;
    while end > start && digits[end - 1] == b'0' {
        end -= 1;
    }
    if negative {
        push(b'-', &mut length);
    }
    if start == end {
        for &byte in b"0.0" {
            push(byte, &mut length);
        }
        return length;
    }
    let significant = &digits[start..end];
    let decimal_exponent = point - 1;
    if (-4..16).contains(&decimal_exponent) {
        if point <= 0 {
            push(b'0', &mut length);
            push(b'.', &mut length);
            for _ in 0..-point {
                push(b'0', &mut length);
            }
            for &byte in significant {
                push(byte, &mut length);
            }
        } else if point as usize >= significant.len() {
            for &byte in significant {
                push(byte, &mut length);
            }
            for _ in 0..(point as usize - significant.len()) {
                push(b'0', &mut length);
            }
            push(b'.', &mut length);
            push(b'0', &mut length);
        } else {
            for (index, &byte) in significant.iter().enumerate() {
                if index == point as usize {
                    push(b'.', &mut length);
                }
                push(byte, &mut length);
            }
        }
    } else {
        push(significant[0], &mut length);
        if significant.len() > 1 {
            push(b'.', &mut length);
            for &byte in &significant[1..] {
                push(byte, &mut length);
            }
        }
        push(b'e', &mut length);
        push(if decimal_exponent < 0 { b'-' } else { b'+' }, &mut length);
        let magnitude = decimal_exponent.unsigned_abs();
        if magnitude >= 100 {
            push(b'0' + (magnitude / 100) as u8, &mut length);
        }
        push(b'0' + ((magnitude / 10) % 10) as u8, &mut length);
        push(b'0' + (magnitude % 10) as u8, &mut length);
    }
    length
}

impl Vm<'_> {
    /// Writes Rust bytes to a sink.
    pub fn emit(&mut self, sink: Sink, bytes: &[u8]) -> R<()> {
        match sink {
            Sink::Stdout => {
                self.port.write_stdout(bytes);
                Ok(())
            }
            Sink::Stderr => {
                self.port.write_stderr(bytes);
                Ok(())
            }
            Sink::Buffer(buffer) => self.buffer_push(buffer, bytes),
        }
    }

    /// Writes the bytes of a str-like object to a sink.
    pub fn emit_str(&mut self, sink: Sink, text: Obj) -> R<()> {
        match sink {
            Sink::Buffer(buffer) => self.buffer_push_obj(buffer, text),
            Sink::Stdout | Sink::Stderr => {
                let image = self.image;
                let bytes: &[u8] = if text.is_qstr() {
                    let id = text.qstr_id();
                    if id < u32::from(rime_bytecode::qstr_runtime::END_STATIC_QSTRS) {
                        rime_bytecode::qstr_runtime::any_static_qstr(id as u16).map(str::as_bytes).unwrap_or(&[])
                    } else if id >= image.first_qstr && id < image.first_qstr + image.qstr_count {
                        image.qstr_bytes(id - image.first_qstr)
                    } else {
                        let copy = self.str_bytes(text);
                        let mut buffer = [0u8; 256];
                        let len = copy.len().min(256);
                        buffer[..len].copy_from_slice(&copy[..len]);
                        return self.emit(sink, &buffer[..len]);
                    }
                } else {
                    let (len, data) = match self.native_type(text) {
                        TypeId::ByteArray | TypeId::Buffer => (self.get_u(text, 1), self.get_u(text, 3)),
                        _ => (self.get_u(text, 2), self.get_u(text, 3)),
                    };
                    if data >= rime_bytecode::image::HEAP_BASE {
                        let bytes = self.heap.bytes(data, len as usize);
                        if sink == Sink::Stdout {
                            self.port.write_stdout(bytes);
                        } else {
                            self.port.write_stderr(bytes);
                        }
                        return Ok(());
                    }
                    image.slice(data, len as usize)
                };
                self.emit(sink, bytes)
            }
        }
    }

    /// Writes `args` formatted.
    pub fn emit_fmt(&mut self, sink: Sink, args: core::fmt::Arguments<'_>) -> R<()> {
        let mut buffer = FixedText::<128>::new();
        if core::fmt::write(&mut buffer, args).is_ok() {
            return self.emit(sink, buffer.as_bytes());
        }
        let text = self.format_to_str(args)?;
        self.emit_str(sink, text)
    }

    /// Writes `str(obj)` or `repr(obj)`.
    pub fn print_obj(&mut self, sink: Sink, obj: Obj, style: Style) -> R<()> {
        self.print_depth(sink, obj, style, 0)
    }

    /// Prints a boxed number. Its text buffers (a big int's digits take
    /// 1.3 KB) live in this frame, kept out of the recursive `print_depth` so
    /// that printing nested containers uses little machine stack per level.
    #[inline(never)]
    fn print_number(&mut self, sink: Sink, obj: Obj, type_id: TypeId) -> R<()> {
        match type_id {
            TypeId::Int => {
                if self.int_view(obj).is_some_and(|view| view.negative) {
                    self.emit(sink, b"-")?;
                }
                self.with_int_text(obj, 10, |vm, piece| vm.emit(sink, piece))
            }
            TypeId::Float => {
                let mut text = [0u8; 40];
                let len = format_float(self.float_value(obj), &mut text);
                self.emit(sink, &text[..len])
            }
            _ => {
                let mut text = [0u8; 96];
                let (real, imag) = self.complex_value(obj);
                let len = super::complex::format_complex(real, imag, &mut text);
                self.emit(sink, &text[..len])
            }
        }
    }

    /// Prints `obj` as an item of a container at nesting `depth` (for the
    /// print slots of native types).
    pub fn print_nested(&mut self, sink: Sink, obj: Obj, style: Style, depth: u32) -> R<()> {
        self.print_depth(sink, obj, style, depth)
    }

    fn print_depth(&mut self, sink: Sink, obj: Obj, style: Style, depth: u32) -> R<()> {
        if depth > MAX_REPR_DEPTH {
            return Err(self.raise_msg(TypeId::RuntimeError, "maximum recursion depth exceeded"));
        }
        self.check_stack()?;
        if obj.is_ptr()
            && self.is_heap(obj)
            && matches!(self.native_type(obj), TypeId::Tuple | TypeId::Dict)
            && self.print_collection_instance(sink, obj, style)?
        {
            return Ok(());
        }
        if obj.is_small() {
            return self.emit_fmt(sink, format_args!("{}", obj.small_value()));
        }
        match obj {
            Obj::NONE => return self.emit(sink, b"None"),
            Obj::TRUE => return self.emit(sink, b"True"),
            Obj::FALSE => return self.emit(sink, b"False"),
            Obj::ELLIPSIS => return self.emit(sink, b"Ellipsis"),
            Obj::NULL => return self.emit(sink, b"<NULL>"),
            _ => {}
        }
        if obj == Singleton::NotImplemented.obj() {
            return self.emit(sink, b"NotImplemented");
        }
        let type_obj = self.type_of(obj);
        if self.is_class(type_obj) {
            let mut found = None;
            for method in [if style == Style::Str { "__str__" } else { "__repr__" }, "__repr__"] {
                let name = self.intern_bytes(method.as_bytes())?;
                if let Some(function) = self.class_lookup(type_obj, name) {
                    if self.native_type(function) == TypeId::Function {
                        found = Some(function);
                        break;
                    }
                }
            }
            if let Some(function) = found {
                if self.native_type(function) == TypeId::Function {
                    let text = self.call(function, &[obj], &[])?;
                    if !self.is_str(text) {
                        return Err(self.raise_msg(TypeId::TypeError, "__str__ returned non-string"));
                    }
                    return self.emit_str(sink, text);
                }
            }
            if style == Style::Str && self.native_type(obj) != TypeId::Object {
                // Fall through to the builtin base's text (exceptions).
            } else if self.native_type(obj) == TypeId::Object {
                let name = self.type_name(obj);
                self.emit(sink, b"<")?;
                self.emit_str(sink, Obj::qstr(name))?;
                return self.emit_fmt(sink, format_args!(" object at {:x}>", obj.0));
            }
        }
        let type_id = self.native_type(obj);
        match type_id {
            TypeId::Str => {
                if style == Style::Str {
                    self.emit_str(sink, obj)
                } else {
                    self.print_quoted(sink, obj, false)
                }
            }
            TypeId::Bytes | TypeId::ByteArray => {
                if type_id == TypeId::ByteArray {
                    self.emit(sink, b"bytearray(")?;
                }
                self.emit(sink, b"b")?;
                self.print_quoted(sink, obj, true)?;
                if type_id == TypeId::ByteArray {
                    self.emit(sink, b")")?;
                }
                Ok(())
            }
            TypeId::Int | TypeId::Float | TypeId::Complex => self.print_number(sink, obj, type_id),
            TypeId::Tuple | TypeId::List => {
                let (open, close) = if type_id == TypeId::Tuple { (b"(", b")") } else { (b"[", b"]") };
                self.emit(sink, open)?;
                let mut index = 0;
                loop {
                    let Some(items) = self.seq_items(obj) else { break };
                    if index >= items.1 {
                        break;
                    }
                    if index > 0 {
                        self.emit(sink, b", ")?;
                    }
                    let item = self.seq_item_at(items, index);
                    self.print_depth(sink, item, Style::Repr, depth + 1)?;
                    index += 1;
                }
                if type_id == TypeId::Tuple && index == 1 {
                    self.emit(sink, b",")?;
                }
                self.emit(sink, close)
            }
            TypeId::Dict => {
                self.emit(sink, b"{")?;
                let mut index = 0;
                let mut first = true;
                while let Some((entry, key, value)) = self.map_next(obj, index) {
                    if !first {
                        self.emit(sink, b", ")?;
                    }
                    first = false;
                    self.print_depth(sink, key, Style::Repr, depth + 1)?;
                    self.emit(sink, b": ")?;
                    self.print_depth(sink, value, Style::Repr, depth + 1)?;
                    index = entry + 1;
                }
                self.emit(sink, b"}")
            }
            TypeId::Set | TypeId::FrozenSet => {
                let count = self.map_len(obj);
                let frozen = type_id == TypeId::FrozenSet;
                if count == 0 {
                    return self.emit(sink, if frozen { b"frozenset()" } else { b"set()" });
                }
                if frozen {
                    self.emit(sink, b"frozenset(")?;
                }
                self.emit(sink, b"{")?;
                let mut index = 0;
                let mut first = true;
                while let Some((entry, key, _)) = self.map_next(obj, index) {
                    if !first {
                        self.emit(sink, b", ")?;
                    }
                    first = false;
                    self.print_depth(sink, key, Style::Repr, depth + 1)?;
                    index = entry + 1;
                }
                self.emit(sink, b"}")?;
                if frozen {
                    self.emit(sink, b")")?;
                }
                Ok(())
            }
            TypeId::DictView => {
                // `dict_keys([1, 2])`, `dict_values([…])`, `dict_items([(k, v), …])`.
                let dict = self.get(obj, 1);
                let kind = self.get(obj, 2).small_value();
                let name: &[u8] = match kind {
                    0 => b"dict_keys([",
                    1 => b"dict_values([",
                    _ => b"dict_items([",
                };
                self.emit(sink, name)?;
                let mut index = 0;
                let mut first = true;
                while let Some((entry, key, value)) = self.map_next(dict, index) {
                    if !first {
                        self.emit(sink, b", ")?;
                    }
                    first = false;
                    match kind {
                        0 => self.print_depth(sink, key, Style::Repr, depth + 1)?,
                        1 => self.print_depth(sink, value, Style::Repr, depth + 1)?,
                        _ => {
                            self.emit(sink, b"(")?;
                            self.print_depth(sink, key, Style::Repr, depth + 1)?;
                            self.emit(sink, b", ")?;
                            self.print_depth(sink, value, Style::Repr, depth + 1)?;
                            self.emit(sink, b")")?;
                        }
                    }
                    index = entry + 1;
                }
                self.emit(sink, b"])")
            }
            TypeId::Range => {
                let start = self.get(obj, 1).small_value();
                let stop = self.get(obj, 2).small_value();
                let step = self.get(obj, 3).small_value();
                if step == 1 {
                    self.emit_fmt(sink, format_args!("range({start}, {stop})"))
                } else {
                    self.emit_fmt(sink, format_args!("range({start}, {stop}, {step})"))
                }
            }
            TypeId::Super => {
                // MicroPython's `<super: <class 'A'>, <A object at ...>>`.
                self.emit(sink, b"<super: ")?;
                let (class, instance) = (self.get(obj, 1), self.get(obj, 2));
                self.print_depth(sink, class, Style::Str, depth + 1)?;
                self.emit(sink, b", ")?;
                self.print_depth(sink, instance, Style::Str, depth + 1)?;
                self.emit(sink, b">")
            }
            TypeId::Slice => {
                self.emit(sink, b"slice(")?;
                for index in 1..4 {
                    if index > 1 {
                        self.emit(sink, b", ")?;
                    }
                    let part = self.get(obj, index);
                    self.print_depth(sink, part, Style::Repr, depth + 1)?;
                }
                self.emit(sink, b")")
            }
            TypeId::Type => {
                if !self.is_type(obj) {
                    return self.emit(sink, b"<type>");
                }
                let name = self.type_name_of_type(obj);
                self.emit(sink, b"<class '")?;
                self.emit_str(sink, Obj::qstr(name))?;
                self.emit(sink, b"'>")
            }
            TypeId::Function => {
                let name = self.function_name(obj);
                self.emit(sink, b"<function ")?;
                self.emit_str(sink, Obj::qstr(name))?;
                self.emit_fmt(sink, format_args!(" at 0x{:x}>", obj.0))
            }
            TypeId::BuiltinFunction => {
                let name = crate::builtins::builtin_name(self, obj);
                self.emit(sink, b"<built-in function ")?;
                self.emit_str(sink, Obj::qstr(name))?;
                self.emit(sink, b">")
            }
            TypeId::BoundMethod => self.emit_fmt(sink, format_args!("<bound_method {:x}>", obj.0)),
            TypeId::Module => {
                let name = self.module_name(obj);
                self.emit(sink, b"<module '")?;
                self.emit_str(sink, name)?;
                self.emit(sink, b"'>")
            }
            TypeId::Cell => self.emit_fmt(sink, format_args!("<cell {:x}>", obj.0)),
            TypeId::Code => self.emit(sink, b"<code>"),
            _ if type_id.slot(|native| native.print).is_some() => {
                let print = type_id.slot(|native| native.print);
                print.map_or(Ok(()), |print| print(self, sink, obj, depth))
            }
            _ if type_id.is_exception() => self.print_exception_value(sink, obj, style, depth),
            _ => {
                let name = self.type_name(obj);
                self.emit(sink, b"<")?;
                self.emit_str(sink, Obj::qstr(name))?;
                self.emit_fmt(sink, format_args!(" object at {:x}>", obj.0))
            }
        }
    }

    fn print_exception_value(&mut self, sink: Sink, exc: Obj, style: Style, depth: u32) -> R<()> {
        if style == Style::Repr {
            let args = self.exception_args(exc);
            // MicroPython prints the name followed by the argument tuple,
            // so one argument shows as `KeyError('k',)`.
            let name = self.type_name(exc);
            self.emit_str(sink, Obj::qstr(name))?;
            return self.print_depth(sink, args, Style::Repr, depth + 1);
        }
        self.print_exception_args(sink, exc, depth)
    }

    /// What `str(exc)` and a traceback's last line print of an exception's
    /// arguments (not what a class's `__str__` says): nothing, the one
    /// argument's text, or the argument tuple. An `OSError` (or an instance of
    /// a Python subclass of it) whose first argument is a known error number prints as
    /// MicroPython's: `[Errno 2] ENOENT`, then `: ` and the second argument's
    /// text when there is one.
    pub(crate) fn print_exception_args(&mut self, sink: Sink, exc: Obj, depth: u32) -> R<()> {
        let args = self.exception_args(exc);
        let count = self.tuple_len(args);
        if (1..3).contains(&count) && self.native_type(exc) == TypeId::OSError {
            let first = self.tuple_item(args, 0);
            if let Some(name) = first.is_small().then(|| super::errno_names::errno_name(first.small_value())).flatten()
            {
                self.emit_fmt(sink, format_args!("[Errno {}] {name}", first.small_value()))?;
                if count == 2 {
                    self.emit(sink, b": ")?;
                    let second = self.tuple_item(args, 1);
                    self.print_depth(sink, second, Style::Str, depth + 1)?;
                }
                return Ok(());
            }
        }
        match count {
            0 => Ok(()),
            1 => {
                let item = self.tuple_item(args, 0);
                self.print_depth(sink, item, Style::Str, depth + 1)
            }
            _ => self.print_depth(sink, args, Style::Repr, depth + 1),
        }
    }

    fn print_quoted(&mut self, sink: Sink, obj: Obj, is_bytes: bool) -> R<()> {
        let (has_single, has_double) = {
            let bytes = self.str_bytes(obj);
            (bytes.contains(&b'\''), bytes.contains(&b'"'))
        };
        let quote = if has_single && !has_double { b'"' } else { b'\'' };
        self.emit(sink, &[quote])?;
        let len = self.str_len(obj);
        let mut chunk = [0u8; 64];
        let mut used = 0;
        let mut index = 0;
        while index < len {
            let byte = self.str_bytes(obj).get(index).copied().unwrap_or(0);
            let mut piece = [0u8; 10];
            let piece_len = match byte {
                b'\\' => copy_to(&mut piece, b"\\\\"),
                b'\n' => copy_to(&mut piece, b"\\n"),
                b'\r' => copy_to(&mut piece, b"\\r"),
                b'\t' => copy_to(&mut piece, b"\\t"),
                _ if byte == quote => {
                    piece[0] = b'\\';
                    piece[1] = byte;
                    2
                }
                0x20..=0x7e => {
                    piece[0] = byte;
                    1
                }
                0x80..=0xff if !is_bytes => {
                    // Like MicroPython, a str's repr escapes every non-ASCII
                    // character: `\xe9`, `\u20ac`, `\U0001f600`.
                    let (code, width) = decode_utf8(&self.str_bytes(obj)[index..]);
                    index += width - 1;
                    escape_code(code, &mut piece)
                }
                _ => escape_code(u32::from(byte), &mut piece),
            };
            if used + piece_len > chunk.len() {
                self.emit(sink, &chunk[..used])?;
                used = 0;
            }
            chunk[used..used + piece_len].copy_from_slice(&piece[..piece_len]);
            used += piece_len;
            index += 1;
        }
        self.emit(sink, &chunk[..used])?;
        self.emit(sink, &[quote])
    }

    /// `str(obj)` or `repr(obj)` as a new str.
    pub fn to_text(&mut self, obj: Obj, style: Style) -> R<Obj> {
        if style == Style::Str && self.is_str(obj) {
            return Ok(obj);
        }
        let mark = self.root_mark();
        self.push_root(obj)?;
        let buffer = self.new_buffer(TypeId::Buffer, 16)?;
        self.push_root(buffer)?;
        self.print_obj(Sink::Buffer(buffer), obj, style)?;
        self.pop_roots(mark);
        self.buffer_finish(buffer, TypeId::Str)
    }
}

fn copy_to(piece: &mut [u8; 10], text: &[u8]) -> usize {
    piece[..text.len()].copy_from_slice(text);
    text.len()
}

/// A `core::fmt` target of at most `N` bytes on the Rust stack, for text that
/// is formatted before it goes to the heap; writing more fails.
pub(crate) struct FixedText<const N: usize> {
    pub(crate) bytes: [u8; N],
    pub(crate) len: usize,
}

impl<const N: usize> FixedText<N> {
    pub(crate) fn new() -> Self {
        FixedText { bytes: [0; N], len: 0 }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl<const N: usize> core::fmt::Write for FixedText<N> {
    fn write_str(&mut self, text: &str) -> core::fmt::Result {
        let end = self.len + text.len();
        if end > self.bytes.len() {
            return Err(core::fmt::Error);
        }
        self.bytes[self.len..end].copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The first character of UTF-8 `bytes` and its length in bytes (a stray
/// byte stands for itself).
fn decode_utf8(bytes: &[u8]) -> (u32, usize) {
    let first = bytes.first().copied().unwrap_or(0);
    let width = match first {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return (u32::from(first), 1),
    };
    if bytes.len() < width || !bytes[1..width].iter().all(|&byte| byte & 0xc0 == 0x80) {
        return (u32::from(first), 1);
    }
    let mut code = u32::from(first) & (0x7f >> width);
    for &byte in &bytes[1..width] {
        code = (code << 6) | u32::from(byte & 0x3f);
    }
    (code, width)
}

/// Writes `\xNN`, `\uNNNN` or `\UNNNNNNNN` for `code` and returns its length.
fn escape_code(code: u32, piece: &mut [u8; 10]) -> usize {
    let hex = b"0123456789abcdef";
    let (letter, digits) = match code {
        0..=0xff => (b'x', 2),
        0x100..=0xffff => (b'u', 4),
        _ => (b'U', 8),
    };
    piece[0] = b'\\';
    piece[1] = letter;
    for position in 0..digits {
        let shift = 4 * (digits - 1 - position);
        piece[2 + position] = hex[((code >> shift) & 15) as usize];
    }
    2 + digits
}
