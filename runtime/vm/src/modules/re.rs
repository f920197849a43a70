//! The `re` module, following MicroPython's: `compile`, `match`, `search`
//! and `sub`; compiled regex objects (type `re`) with `match`, `search`,
//! `split` and `sub`; match objects (type `match`) with `group`, `groups`,
//! `span`, `start` and `end`. The engine is in [`super::re_engine`].
//!
//! A regex object is three words: its type, the compiled program (a bytes
//! object on the heap) and the group count. A match object is its type, the
//! subject string, the group count and two small ints per group (start and
//! end, `-1` when the group did not take part). Subjects may be str or bytes
//! whatever the pattern was; the results have the subject's type. As in
//! MicroPython, `sub` and `split` stop at the first empty match, `split`
//! refuses patterns with groups, and the functions take no keyword arguments.

use super::re_engine::{self, Captures, CompileError, MAX_GROUPS};
use crate::builtins::{check_args, Handler};
use crate::native::{NativeModule, NativeType};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

/// Word indices of a regex object.
const REGEX_PROGRAM: u32 = 1;
const REGEX_GROUPS: u32 = 2;
/// Word indices of a match object.
const MATCH_SUBJECT: u32 = 1;
const MATCH_GROUPS: u32 = 2;
const MATCH_SPANS: u32 = 3;

pub static MODULE: NativeModule = NativeModule::new("re", FUNCTIONS);

static FUNCTIONS: &[(&str, Handler)] =
    &[("compile", re_compile), ("match", re_match), ("search", re_search), ("sub", re_sub)];

/// A compiled regular expression.
pub static REGEX_TYPE: NativeType = NativeType {
    methods: REGEX_METHODS,
    print: Some(|vm, sink, regex, _| vm.emit_fmt(sink, format_args!("<re {:x}>", regex.0))),
    ..NativeType::EMPTY
};

/// A match object.
pub static MATCH_TYPE: NativeType = NativeType {
    methods: MATCH_METHODS,
    print: Some(|vm, sink, found, _| vm.emit_fmt(sink, format_args!("<match num={}>", vm.get(found, 2).small_value()))),
    ..NativeType::EMPTY
};

static REGEX_METHODS: &[(u16, Handler)] = &[
    (qstr_id("match"), regex_match),
    (qstr_id("search"), regex_search),
    (qstr_id("split"), regex_split),
    (qstr_id("sub"), regex_sub),
];

static MATCH_METHODS: &[(u16, Handler)] = &[
    (qstr_id("end"), match_end),
    (qstr_id("group"), match_group),
    (qstr_id("groups"), match_groups),
    (qstr_id("span"), match_span),
    (qstr_id("start"), match_start),
];

fn no_keywords(vm: &mut Vm<'_>, kw: &[Obj]) -> R<()> {
    if !kw.is_empty() {
        return Err(vm.raise_msg(TypeId::TypeError, "function doesn't take keyword arguments"));
    }
    Ok(())
}

/// Raises MicroPython's TypeError unless `text` is a str, bytes or bytearray.
fn expect_text(vm: &mut Vm<'_>, text: Obj) -> R<()> {
    if vm.is_str(text) || vm.is_bytes_like(text) {
        return Ok(());
    }
    Err(vm.type_error_for_implicit_str(text))
}

/// Compiles a pattern into a regex object.
fn compile_pattern(vm: &mut Vm<'_>, pattern: Obj) -> R<Obj> {
    expect_text(vm, pattern)?;
    let compiled = re_engine::compile(vm.str_bytes(pattern));
    let program = match compiled {
        Ok(program) => program,
        Err(CompileError::Unbalanced) => return Err(vm.raise_msg(TypeId::ValueError, "error in regex")),
        Err(CompileError::TooComplex) => return Err(vm.raise_msg(TypeId::ValueError, "regex too complex")),
    };
    let groups = re_engine::group_count(program.as_bytes());
    let code = vm.new_bytes(program.as_bytes())?;
    let mark = vm.root_mark();
    vm.push_root(code)?;
    let regex = vm.alloc_typed(TypeId::Regex, 3)?;
    vm.pop_roots(mark);
    vm.set(regex, REGEX_PROGRAM, code);
    vm.set(regex, REGEX_GROUPS, Obj::small(groups as i32));
    Ok(regex)
}

fn expect_regex(vm: &mut Vm<'_>, regex: Obj) -> R<()> {
    if vm.native_type(regex) != TypeId::Regex {
        return Err(vm.type_error_for("expected a regex, not", regex));
    }
    Ok(())
}

/// Runs a regex over `subject[start..end]`; `Ok(None)` when nothing matches.
fn run(vm: &mut Vm<'_>, regex: Obj, subject: Obj, start: usize, end: usize, anchored: bool) -> R<Option<Captures>> {
    let program = vm.get(regex, REGEX_PROGRAM);
    let mut captures = [-1; 2 * MAX_GROUPS];
    let found = {
        let code = vm.str_bytes(program);
        let text = vm.str_bytes(subject);
        re_engine::search(code, text, start, start, end, anchored, &mut captures)
    };
    match found {
        Ok(true) => Ok(Some(captures)),
        Ok(false) => Ok(None),
        Err(_) => Err(vm.raise_msg(TypeId::RuntimeError, "maximum recursion depth exceeded")),
    }
}

/// Makes the match object for `captures`.
fn new_match(vm: &mut Vm<'_>, regex: Obj, subject: Obj, captures: &Captures) -> R<Obj> {
    let groups = vm.get(regex, REGEX_GROUPS).small_value().max(1) as usize;
    let mark = vm.root_mark();
    vm.push_root(subject)?;
    let found = vm.alloc_typed(TypeId::Match, 3 + 2 * groups)?;
    vm.pop_roots(mark);
    vm.set(found, MATCH_SUBJECT, subject);
    vm.set(found, MATCH_GROUPS, Obj::small(groups as i32));
    for (index, bound) in captures[..2 * groups].iter().enumerate() {
        vm.set(found, MATCH_SPANS + index as u32, Obj::small(*bound));
    }
    Ok(found)
}

/// `regex.match(string[, pos[, endpos]])` and `regex.search(…)`.
fn match_or_search(vm: &mut Vm<'_>, regex: Obj, args: &[Obj], anchored: bool) -> R<Obj> {
    let subject = args[0];
    expect_text(vm, subject)?;
    let len = vm.str_len(subject);
    let mut bounds = [0usize, len];
    for (slot, value) in bounds.iter_mut().zip(&args[1..]) {
        *slot = vm.to_i64(*value)?.clamp(0, len as i64) as usize;
    }
    match run(vm, regex, subject, bounds[0], bounds[1], anchored)? {
        Some(captures) => new_match(vm, regex, subject, &captures),
        None => Ok(Obj::NONE),
    }
}

fn re_compile(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    no_keywords(vm, kw)?;
    check_args(vm, args, 1, 2)?;
    compile_pattern(vm, args[0])
}

/// The module-level functions compile their pattern, then call the method.
fn with_compiled(vm: &mut Vm<'_>, args: &[Obj], method: Handler) -> R<Obj> {
    let regex = compile_pattern(vm, args[0])?;
    let mark = vm.root_mark();
    vm.push_root(regex)?;
    let mut method_args = [Obj::NULL; 4];
    method_args[0] = regex;
    method_args[1..args.len()].copy_from_slice(&args[1..]);
    let result = method(vm, &method_args[..args.len()], &[]);
    vm.pop_roots(mark);
    result
}

fn re_match(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    no_keywords(vm, kw)?;
    check_args(vm, args, 2, 3)?;
    with_compiled(vm, &args[..2], regex_match)
}

fn re_search(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    no_keywords(vm, kw)?;
    check_args(vm, args, 2, 3)?;
    with_compiled(vm, &args[..2], regex_search)
}

fn re_sub(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    no_keywords(vm, kw)?;
    check_args(vm, args, 3, 5)?;
    with_compiled(vm, &args[..args.len().min(4)], regex_sub)
}

fn regex_match(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    no_keywords(vm, kw)?;
    check_args(vm, args, 2, 4)?;
    expect_regex(vm, args[0])?;
    match_or_search(vm, args[0], &args[1..], true)
}

fn regex_search(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    no_keywords(vm, kw)?;
    check_args(vm, args, 2, 4)?;
    expect_regex(vm, args[0])?;
    match_or_search(vm, args[0], &args[1..], false)
}

/// The type (str or bytes) of results cut from `subject`.
fn text_type(vm: &Vm<'_>, subject: Obj) -> TypeId {
    if vm.is_str(subject) {
        TypeId::Str
    } else {
        TypeId::Bytes
    }
}

/// Appends `source[start..end]` to a buffer, a piece at a time.
fn push_range(vm: &mut Vm<'_>, buffer: Obj, source: Obj, start: usize, end: usize) -> R<()> {
    let mut at = start;
    let mut piece = [0u8; 64];
    while at < end {
        let len = (end - at).min(piece.len());
        piece[..len].copy_from_slice(&vm.str_bytes(source)[at..at + len]);
        vm.buffer_push(buffer, &piece[..len])?;
        at += len;
    }
    Ok(())
}

/// A new str or bytes holding `source[start..end]`; a str that would cut a
/// character in two raises UnicodeError, as in MicroPython.
fn slice_text(vm: &mut Vm<'_>, source: Obj, start: usize, end: usize) -> R<Obj> {
    let type_id = text_type(vm, source);
    if type_id == TypeId::Str && core::str::from_utf8(&vm.str_bytes(source)[start..end]).is_err() {
        return Err(vm.raise_type(TypeId::UnicodeError));
    }
    let mark = vm.root_mark();
    vm.push_root(source)?;
    let buffer = vm.new_buffer(TypeId::Buffer, end - start)?;
    vm.push_root(buffer)?;
    push_range(vm, buffer, source, start, end)?;
    let made = vm.buffer_finish(buffer, type_id);
    vm.pop_roots(mark);
    made
}

/// `regex.split(string, maxsplit=0)`.
fn regex_split(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    no_keywords(vm, kw)?;
    check_args(vm, args, 2, 3)?;
    let (regex, subject) = (args[0], args[1]);
    expect_regex(vm, regex)?;
    expect_text(vm, subject)?;
    let limit = match args.get(2) {
        Some(&value) => vm.to_i64(value)?,
        None => 0,
    };
    if vm.get(regex, REGEX_GROUPS).small_value() > 1 {
        return Err(vm.raise_msg(TypeId::NotImplementedError, "splitting with sub-captures"));
    }
    let len = vm.str_len(subject);
    let mark = vm.root_mark();
    let list = vm.new_list(4)?;
    vm.push_root(list)?;
    let mut at = 0;
    let mut splits = 0;
    while limit <= 0 || splits < limit {
        let Some(captures) = run(vm, regex, subject, at, len, false)? else { break };
        let (start, end) = (captures[0] as usize, captures[1] as usize);
        if start == end {
            break;
        }
        let piece = slice_text(vm, subject, at, start)?;
        vm.list_append(list, piece)?;
        at = end;
        splits += 1;
    }
    let rest = slice_text(vm, subject, at, len)?;
    vm.list_append(list, rest)?;
    vm.pop_roots(mark);
    Ok(list)
}

/// `regex.sub(replace, string, count=0)`: `replace` is a function of the
/// match object or a template with `\N` and `\g<N>` group references.
fn regex_sub(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    no_keywords(vm, kw)?;
    check_args(vm, args, 3, 4)?;
    let (regex, replace, subject) = (args[0], args[1], args[2]);
    expect_regex(vm, regex)?;
    expect_text(vm, subject)?;
    let count = match args.get(3) {
        Some(&value) => vm.to_i64(value)?,
        None => 0,
    };
    let is_template = !is_callable(vm, replace)?;
    if is_template {
        expect_text(vm, replace)?;
    }
    let len = vm.str_len(subject);
    let mark = vm.root_mark();
    let buffer = vm.new_buffer(TypeId::Buffer, len)?;
    vm.push_root(buffer)?;
    let mut at = 0;
    let mut done = 0;
    while count <= 0 || done < count {
        let Some(captures) = run(vm, regex, subject, at, len, false)? else { break };
        let (start, end) = (captures[0] as usize, captures[1] as usize);
        if start == end {
            break;
        }
        push_range(vm, buffer, subject, at, start)?;
        if is_template {
            expand_template(vm, buffer, replace, subject, regex, &captures)?;
        } else {
            let inner = vm.root_mark();
            let found = new_match(vm, regex, subject, &captures)?;
            vm.push_root(found)?;
            let replacement = vm.call(replace, &[found], &[])?;
            expect_text(vm, replacement)?;
            vm.push_root(replacement)?;
            let replacement_len = vm.str_len(replacement);
            push_range(vm, buffer, replacement, 0, replacement_len)?;
            vm.pop_roots(inner);
        }
        at = end;
        done += 1;
    }
    push_range(vm, buffer, subject, at, len)?;
    let type_id = text_type(vm, subject);
    let result = vm.buffer_finish(buffer, type_id);
    vm.pop_roots(mark);
    result
}

/// Whether `replace` is to be called with each match rather than expanded.
fn is_callable(vm: &mut Vm<'_>, replace: Obj) -> R<bool> {
    let native = vm.native_type(replace);
    if matches!(native, TypeId::Function | TypeId::BuiltinFunction | TypeId::BoundMethod) || vm.is_type(replace) {
        return Ok(true);
    }
    Ok(vm.lookup_special(replace, q!("__call__"))?.is_some())
}

/// Appends a template with its group references (`\1`, `\g<1>`) filled in;
/// a backslash before any other character stands for that character.
fn expand_template(
    vm: &mut Vm<'_>,
    buffer: Obj,
    template: Obj,
    subject: Obj,
    regex: Obj,
    captures: &Captures,
) -> R<()> {
    let groups = vm.get(regex, REGEX_GROUPS).small_value() as i64;
    let len = vm.str_len(template);
    let mut at = 0;
    while at < len {
        let byte = vm.str_bytes(template)[at];
        if byte != b'\\' || at + 1 == len {
            push_range(vm, buffer, template, at, at + 1)?;
            at += 1;
            continue;
        }
        let bytes = vm.str_bytes(template);
        let mut number = None;
        let mut next = at + 1;
        if bytes[next].is_ascii_digit() {
            let mut value = 0i64;
            while next < len && bytes[next].is_ascii_digit() {
                value = (value * 10 + i64::from(bytes[next] - b'0')).min(1 << 20);
                next += 1;
            }
            number = Some(value);
        } else if bytes[next] == b'g' && bytes.get(next + 1) == Some(&b'<') {
            if let Some(close) = bytes[next + 2..].iter().position(|&each| each == b'>') {
                let digits = &bytes[next + 2..next + 2 + close];
                if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) {
                    let value =
                        digits.iter().fold(0i64, |sum, digit| (sum * 10 + i64::from(digit - b'0')).min(1 << 20));
                    number = Some(value);
                    next += 3 + close;
                }
            }
        }
        match number {
            Some(group) => {
                if group >= groups {
                    let index = Obj::small(group as i32);
                    let exc = vm.new_exception(TypeId::IndexError.obj(), &[index])?;
                    return Err(vm.raise(exc));
                }
                let (start, end) = (captures[2 * group as usize], captures[2 * group as usize + 1]);
                if start >= 0 && end >= start {
                    push_range(vm, buffer, subject, start as usize, end as usize)?;
                }
                at = next;
            }
            None => {
                push_range(vm, buffer, template, at + 1, at + 2)?;
                at += 2;
            }
        }
    }
    Ok(())
}

fn expect_match(vm: &mut Vm<'_>, found: Obj) -> R<()> {
    if vm.native_type(found) != TypeId::Match {
        return Err(vm.type_error_for("expected a match, not", found));
    }
    Ok(())
}

/// The bounds of group `index` (an int argument) of a match object.
fn group_bounds(vm: &mut Vm<'_>, found: Obj, index: Option<Obj>) -> R<(i32, i32)> {
    expect_match(vm, found)?;
    let number = match index {
        Some(value) => vm.to_i64(value)?,
        None => 0,
    };
    let groups = i64::from(vm.get(found, MATCH_GROUPS).small_value());
    if number < 0 || number >= groups {
        let index = vm.new_int(number)?;
        let exc = vm.new_exception(TypeId::IndexError.obj(), &[index])?;
        return Err(vm.raise(exc));
    }
    let start = vm.get(found, MATCH_SPANS + 2 * number as u32).small_value();
    let end = vm.get(found, MATCH_SPANS + 2 * number as u32 + 1).small_value();
    Ok((start, end))
}

/// The text of group `index`, or None when it did not take part.
fn group_text(vm: &mut Vm<'_>, found: Obj, index: Option<Obj>) -> R<Obj> {
    let (start, end) = group_bounds(vm, found, index)?;
    if start < 0 || end < start {
        return Ok(Obj::NONE);
    }
    let subject = vm.get(found, MATCH_SUBJECT);
    slice_text(vm, subject, start as usize, end as usize)
}

fn match_group(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    group_text(vm, args[0], Some(args[1]))
}

fn match_groups(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let found = args[0];
    expect_match(vm, found)?;
    let groups = vm.get(found, MATCH_GROUPS).small_value().max(1) as usize;
    let mark = vm.root_mark();
    let mut items = [Obj::NONE; MAX_GROUPS];
    for index in 1..groups {
        let text = group_text(vm, found, Some(Obj::small(index as i32)))?;
        vm.push_root(text)?;
        items[index - 1] = text;
    }
    let tuple = vm.new_tuple(&items[..groups - 1]);
    vm.pop_roots(mark);
    tuple
}

fn match_span(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let (start, end) = group_bounds(vm, args[0], args.get(1).copied())?;
    let (start, end) = if start < 0 { (-1, -1) } else { (start, end) };
    vm.new_tuple(&[Obj::small(start), Obj::small(end)])
}

fn match_start(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let (start, _) = group_bounds(vm, args[0], args.get(1).copied())?;
    Ok(Obj::small(start.max(-1)))
}

fn match_end(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let (start, end) = group_bounds(vm, args[0], args.get(1).copied())?;
    Ok(Obj::small(if start < 0 { -1 } else { end }))
}
