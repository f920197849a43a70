//! The `json` module: `dumps`/`loads` and the streaming `dump`/`load`,
//! formatted as MicroPython does (`{"a": 1, "b": [1, 2]}` by default, or
//! with the given `separators`). Strings are written as UTF-8, not escaped
//! to `\u` sequences, as in MicroPython.

use crate::builtins::{check_args, keyword, Handler};
use crate::native::NativeModule;
use crate::obj::repr::Style;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

pub static MODULE: NativeModule = NativeModule::new("json", FUNCTIONS);

static FUNCTIONS: &[(&str, Handler)] = &[("dump", dump), ("dumps", dumps), ("load", load), ("loads", loads)];

/// The deepest nesting `dumps` and `loads` accept.
const MAX_DEPTH: u32 = 32;

/// The item and key separators, copied out of the Python strings.
struct Separators {
    item: [u8; 8],
    item_len: usize,
    key: [u8; 8],
    key_len: usize,
}

fn separators(vm: &mut Vm<'_>, kw: &[Obj]) -> R<Separators> {
    let mut made = Separators { item: [0; 8], item_len: 2, key: [0; 8], key_len: 2 };
    made.item[..2].copy_from_slice(b", ");
    made.key[..2].copy_from_slice(b": ");
    if let Some(given) = keyword(vm, kw, "separators").filter(|value| !value.is_none()) {
        let mut pair = [Obj::NULL; 2];
        vm.unpack_into(given, &mut pair)?;
        let item = vm.str_bytes(pair[0]);
        made.item_len = item.len().min(8);
        made.item[..made.item_len].copy_from_slice(&item[..made.item_len]);
        let key = vm.str_bytes(pair[1]);
        made.key_len = key.len().min(8);
        made.key[..made.key_len].copy_from_slice(&key[..made.key_len]);
    }
    Ok(made)
}

fn write_string(vm: &mut Vm<'_>, buffer: Obj, text: Obj) -> R<()> {
    vm.buffer_push(buffer, b"\"")?;
    let len = vm.str_len(text);
    for index in 0..len {
        let byte = vm.str_bytes(text)[index];
        match byte {
            b'"' => vm.buffer_push(buffer, b"\\\"")?,
            b'\\' => vm.buffer_push(buffer, b"\\\\")?,
            b'\n' => vm.buffer_push(buffer, b"\\n")?,
            b'\r' => vm.buffer_push(buffer, b"\\r")?,
            b'\t' => vm.buffer_push(buffer, b"\\t")?,
            0..=0x1f => {
                let digits = b"0123456789abcdef";
                vm.buffer_push(
                    buffer,
                    &[b'\\', b'u', b'0', b'0', digits[usize::from(byte >> 4)], digits[usize::from(byte & 15)]],
                )?
            }
            _ => vm.buffer_push(buffer, &[byte])?,
        }
    }
    vm.buffer_push(buffer, b"\"")
}

fn write_value(vm: &mut Vm<'_>, buffer: Obj, value: Obj, seps: &Separators, depth: u32) -> R<()> {
    if depth > MAX_DEPTH {
        return Err(vm.raise_msg(TypeId::RuntimeError, "maximum recursion depth exceeded"));
    }
    match value {
        Obj::NONE => return vm.buffer_push(buffer, b"null"),
        Obj::TRUE => return vm.buffer_push(buffer, b"true"),
        Obj::FALSE => return vm.buffer_push(buffer, b"false"),
        _ => {}
    }
    if vm.is_str(value) {
        return write_string(vm, buffer, value);
    }
    let type_id = vm.native_type(value);
    match type_id {
        TypeId::Int | TypeId::Float => {
            let text = vm.to_text(value, Style::Repr)?;
            vm.buffer_push_obj(buffer, text)
        }
        TypeId::List | TypeId::Tuple => {
            vm.buffer_push(buffer, b"[")?;
            let len = vm.len_of(value)? as u32;
            for index in 0..len {
                if index > 0 {
                    vm.buffer_push(buffer, &seps.item[..seps.item_len])?;
                }
                let Some(items) = vm.seq_items(value) else { break };
                if index >= items.1 {
                    break;
                }
                let item = vm.seq_item_at(items, index);
                write_value(vm, buffer, item, seps, depth + 1)?;
            }
            vm.buffer_push(buffer, b"]")
        }
        TypeId::Dict => {
            vm.buffer_push(buffer, b"{")?;
            let mut position = 0;
            let mut first = true;
            while let Some((next, key, item)) = vm.map_next(value, position) {
                position = next + 1;
                if !first {
                    vm.buffer_push(buffer, &seps.item[..seps.item_len])?;
                }
                first = false;
                if !vm.is_str(key) {
                    return Err(vm.raise_msg(TypeId::TypeError, "keys must be str"));
                }
                write_string(vm, buffer, key)?;
                vm.buffer_push(buffer, &seps.key[..seps.key_len])?;
                write_value(vm, buffer, item, seps, depth + 1)?;
            }
            vm.buffer_push(buffer, b"}")
        }
        _ => Err(vm.type_error_for("can't convert to JSON:", value)),
    }
}

fn to_json(vm: &mut Vm<'_>, value: Obj, kw: &[Obj]) -> R<Obj> {
    let seps = separators(vm, kw)?;
    let buffer = vm.new_buffer(TypeId::Buffer, 32)?;
    let mark = vm.root_mark();
    vm.push_root(buffer)?;
    vm.push_root(value)?;
    write_value(vm, buffer, value, &seps, 0)?;
    vm.pop_roots(mark);
    vm.buffer_finish(buffer, TypeId::Str)
}

fn dumps(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    to_json(vm, args[0], kw)
}

/// Calls `obj.name(args…)`.
pub fn call_method(vm: &mut Vm<'_>, obj: Obj, name: &str, args: &[Obj]) -> R<Obj> {
    let Some(key) = vm.find_qstr(name.as_bytes()) else {
        return Err(vm.raise_msg(TypeId::AttributeError, "no such method"));
    };
    let method = vm.load_attr(obj, Obj::qstr(key))?;
    let mark = vm.root_mark();
    vm.push_root(method)?;
    let result = vm.call(method, args, &[]);
    vm.pop_roots(mark);
    result
}

fn dump(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let text = to_json(vm, args[0], kw)?;
    let mark = vm.root_mark();
    vm.push_root(text)?;
    call_method(vm, args[1], "write", &[text])?;
    vm.pop_roots(mark);
    Ok(Obj::NONE)
}

/// A JSON parser over a rooted str or bytes object.
struct Parser {
    text: Obj,
    position: usize,
    len: usize,
}

impl Parser {
    fn peek(&self, vm: &Vm<'_>) -> Option<u8> {
        vm.str_bytes(self.text).get(self.position).copied()
    }

    fn skip_space(&mut self, vm: &Vm<'_>) {
        while matches!(self.peek(vm), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.position += 1;
        }
    }

    fn error(&self, vm: &mut Vm<'_>) -> crate::vm::Raised {
        vm.raise_msg(TypeId::ValueError, "syntax error in JSON")
    }

    fn expect_word(&mut self, vm: &mut Vm<'_>, word: &[u8], value: Obj) -> R<Obj> {
        if vm.str_bytes(self.text).get(self.position..self.position + word.len()) == Some(word) {
            self.position += word.len();
            return Ok(value);
        }
        Err(self.error(vm))
    }

    fn value(&mut self, vm: &mut Vm<'_>, depth: u32) -> R<Obj> {
        if depth > MAX_DEPTH {
            return Err(vm.raise_msg(TypeId::RuntimeError, "maximum recursion depth exceeded"));
        }
        self.skip_space(vm);
        match self.peek(vm) {
            Some(b'n') => self.expect_word(vm, b"null", Obj::NONE),
            Some(b't') => self.expect_word(vm, b"true", Obj::TRUE),
            Some(b'f') => self.expect_word(vm, b"false", Obj::FALSE),
            Some(b'"') => self.string(vm),
            Some(b'[') => {
                self.position += 1;
                let list = vm.new_list(4)?;
                let mark = vm.root_mark();
                vm.push_root(list)?;
                self.skip_space(vm);
                if self.peek(vm) == Some(b']') {
                    self.position += 1;
                } else {
                    loop {
                        let item = self.value(vm, depth + 1)?;
                        vm.list_append(list, item)?;
                        self.skip_space(vm);
                        match self.peek(vm) {
                            Some(b',') => self.position += 1,
                            Some(b']') => {
                                self.position += 1;
                                break;
                            }
                            _ => return Err(self.error(vm)),
                        }
                    }
                }
                vm.pop_roots(mark);
                Ok(list)
            }
            Some(b'{') => {
                self.position += 1;
                let dict = vm.new_dict(4)?;
                let mark = vm.root_mark();
                vm.push_root(dict)?;
                self.skip_space(vm);
                if self.peek(vm) == Some(b'}') {
                    self.position += 1;
                } else {
                    loop {
                        self.skip_space(vm);
                        if self.peek(vm) != Some(b'"') {
                            return Err(self.error(vm));
                        }
                        let key = self.string(vm)?;
                        vm.push_root(key)?;
                        self.skip_space(vm);
                        if self.peek(vm) != Some(b':') {
                            return Err(self.error(vm));
                        }
                        self.position += 1;
                        let item = self.value(vm, depth + 1)?;
                        vm.map_set(dict, key, item)?;
                        self.skip_space(vm);
                        match self.peek(vm) {
                            Some(b',') => self.position += 1,
                            Some(b'}') => {
                                self.position += 1;
                                break;
                            }
                            _ => return Err(self.error(vm)),
                        }
                    }
                }
                vm.pop_roots(mark);
                Ok(dict)
            }
            Some(b'-' | b'0'..=b'9') => self.number(vm),
            _ => Err(self.error(vm)),
        }
    }

    fn number(&mut self, vm: &mut Vm<'_>) -> R<Obj> {
        let start = self.position;
        let mut is_float = false;
        while let Some(byte) = self.peek(vm) {
            match byte {
                b'0'..=b'9' | b'-' | b'+' => {}
                b'.' | b'e' | b'E' => is_float = true,
                _ => break,
            }
            self.position += 1;
        }
        let text = vm.str_slice(TypeId::Str, self.text, start, self.position)?;
        if is_float {
            crate::builtins::parse_float(vm, text)
        } else {
            crate::builtins::parse_int(vm, text, 10)
        }
    }

    fn string(&mut self, vm: &mut Vm<'_>) -> R<Obj> {
        self.position += 1;
        let buffer = vm.new_buffer(TypeId::Buffer, 16)?;
        let mark = vm.root_mark();
        vm.push_root(buffer)?;
        loop {
            let Some(byte) = self.peek(vm) else { return Err(self.error(vm)) };
            self.position += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    let Some(escape) = self.peek(vm) else { return Err(self.error(vm)) };
                    self.position += 1;
                    let plain = match escape {
                        b'n' => b'\n',
                        b't' => b'\t',
                        b'r' => b'\r',
                        b'b' => 8,
                        b'f' => 12,
                        b'u' => {
                            let mut code = 0u32;
                            for _ in 0..4 {
                                let digit = self.peek(vm).and_then(|each| (each as char).to_digit(16));
                                let Some(digit) = digit else { return Err(self.error(vm)) };
                                code = code * 16 + digit;
                                self.position += 1;
                            }
                            let mut utf8 = [0u8; 4];
                            let encoded = char::from_u32(code).unwrap_or('\u{fffd}').encode_utf8(&mut utf8);
                            let len = encoded.len();
                            vm.buffer_push(buffer, &utf8[..len])?;
                            continue;
                        }
                        other => other,
                    };
                    vm.buffer_push(buffer, &[plain])?;
                }
                other => vm.buffer_push(buffer, &[other])?,
            }
        }
        vm.pop_roots(mark);
        vm.buffer_finish(buffer, TypeId::Str)
    }
}

fn parse(vm: &mut Vm<'_>, text: Obj) -> R<Obj> {
    if !vm.is_str(text) && !vm.is_bytes_like(text) {
        return Err(vm.type_error_for("can't convert to str implicitly:", text));
    }
    let mark = vm.root_mark();
    vm.push_root(text)?;
    let len = vm.str_len(text);
    let mut parser = Parser { text, position: 0, len };
    let value = parser.value(vm, 0)?;
    parser.skip_space(vm);
    if parser.position < parser.len {
        return Err(parser.error(vm));
    }
    vm.pop_roots(mark);
    Ok(value)
}

fn loads(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    parse(vm, args[0])
}

fn load(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let text = call_method(vm, args[0], "read", &[])?;
    parse(vm, text)
}
