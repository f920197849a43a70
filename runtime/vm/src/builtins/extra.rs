//! Builtins that need more than a table lookup: `dir` (which, as in
//! MicroPython, tries every known qstr as an attribute name, unless an
//! instance's class defines `__dir__`), `slice.indices`,
//! `format(value, spec)`, which shares the format-spec code of
//! `str.format`, and `print`, whose `file` may be any object with `write`.

use super::{check_args, keyword};
use crate::obj::repr::{Sink, Style};
use crate::obj::{Obj, Singleton, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

/// `dir()` lists the names of the calling module; `dir(obj)` lists every
/// name that `obj.name` would find, its instance attributes included.
pub fn dir(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    let names = vm.new_list(8)?;
    let mark = vm.root_mark();
    vm.push_root(names)?;
    let Some(&target) = args.first() else {
        let globals = super::funcs::globals_dict(vm)?;
        vm.push_root(globals)?;
        let mut index = 0;
        while let Some((next, key, _)) = vm.map_next(globals, index) {
            vm.list_append(names, key)?;
            index = next + 1;
        }
        vm.pop_roots(mark);
        return Ok(names);
    };
    // An instance whose class defines `__dir__` answers itself (the class
    // itself is listed as usual).
    if vm.is_class_instance(target) {
        if let Some(listed) = vm.call_special_unary(target, q!("__dir__"))? {
            vm.pop_roots(mark);
            return Ok(listed);
        }
    }
    for id in 1..vm.qstr_end() {
        if vm.qstr_bytes(id).is_empty() {
            continue;
        }
        let name = Obj::qstr(id);
        if vm.try_load_method(target, name)?.is_some() {
            vm.list_append(names, name)?;
        }
    }
    vm.pop_roots(mark);
    Ok(names)
}

/// `format(value, spec="")`.
pub fn format(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let spec = match args.get(1) {
        Some(&spec) if vm.is_str(spec) => spec,
        Some(_) => return Err(vm.raise_msg(TypeId::TypeError, "format() argument 2 must be str")),
        None => Obj::qstr(1),
    };
    let mut copy = [0u8; 64];
    let bytes = vm.str_bytes(spec);
    if bytes.len() > copy.len() {
        return Err(vm.raise_msg(TypeId::ValueError, "format spec too long"));
    }
    let len = bytes.len();
    copy[..len].copy_from_slice(bytes);
    super::format::format_to_str(vm, args[0], &copy[..len])
}

pub fn print(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let sep = keyword(vm, kw, "sep").filter(|value| !value.is_none());
    let end = keyword(vm, kw, "end").filter(|value| !value.is_none());
    let file = keyword(vm, kw, "file").filter(|value| !value.is_none());
    // As in MicroPython, a file gets one `write` per value, separator and
    // end (the console takes them all the same).
    let piece = |vm: &mut Vm<'_>, emit: &mut dyn FnMut(&mut Vm<'_>, Sink) -> R<()>| -> R<()> {
        let mark = vm.root_mark();
        let sink = file_sink(vm, file)?;
        emit(vm, sink)?;
        finish_file_sink(vm, sink, file)?;
        vm.pop_roots(mark);
        Ok(())
    };
    for (index, &arg) in args.iter().enumerate() {
        if index > 0 {
            piece(vm, &mut |vm, sink| match sep {
                Some(sep) => vm.emit_str(sink, sep),
                None => vm.emit(sink, b" "),
            })?;
        }
        piece(vm, &mut |vm, sink| vm.print_obj(sink, arg, Style::Str))?;
    }
    piece(vm, &mut |vm, sink| match end {
        Some(end) => vm.emit_str(sink, end),
        None => vm.emit(sink, b"\n"),
    })?;
    Ok(Obj::NONE)
}

/// Where text for `file` goes: the port for sys.stdout/stderr (or no file),
/// otherwise a new rooted heap buffer that `finish_file_sink` hands to
/// `file.write`.
pub(crate) fn file_sink(vm: &mut Vm<'_>, file: Option<Obj>) -> R<Sink> {
    match file {
        None => Ok(Sink::Stdout),
        Some(file) if file == Singleton::SysStdout.obj() => Ok(Sink::Stdout),
        Some(file) if file == Singleton::SysStderr.obj() => Ok(Sink::Stderr),
        Some(_) => {
            let buffer = vm.new_buffer(TypeId::Buffer, 32)?;
            vm.push_root(buffer)?;
            Ok(Sink::Buffer(buffer))
        }
    }
}

/// Calls `file.write(text)` with what was written to a buffer sink: a
/// stream written in Python (derived from `io.IOBase`) gets the text as a
/// bytearray, as MicroPython hands it; any other object with `write`, a str.
pub(crate) fn finish_file_sink(vm: &mut Vm<'_>, sink: Sink, file: Option<Obj>) -> R<()> {
    let (Sink::Buffer(buffer), Some(file)) = (sink, file) else { return Ok(()) };
    let kind = if crate::modules::vfs_user::is_python_stream(vm, file) { TypeId::ByteArray } else { TypeId::Str };
    let text = vm.buffer_finish(buffer, kind)?;
    let mark = vm.root_mark();
    vm.push_root(text)?;
    let name = Obj::qstr(u32::from(qstr_id("write")));
    let (method, self_obj) = vm.load_method(file, name)?;
    vm.push_root(method)?;
    if self_obj.is_null() {
        vm.call(method, &[text], &[])?;
    } else {
        vm.push_root(self_obj)?;
        vm.call(method, &[self_obj, text], &[])?;
    }
    vm.pop_roots(mark);
    Ok(())
}

/// `slice.indices(length)`: the `(start, stop, step)` that the slice
/// selects from a sequence of `length` items, as Python resolves them.
pub fn slice_indices(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let slice = args[0];
    if vm.native_type(slice) != TypeId::Slice {
        return Err(vm.type_error_for("indices() needs a slice, not", slice));
    }
    let length = vm.to_i64(args[1])?;
    let part = |vm: &mut Vm<'_>, index: u32| -> R<Option<i64>> {
        let value = vm.get(slice, index);
        if value.is_none() {
            Ok(None)
        } else {
            vm.to_i64(value).map(Some)
        }
    };
    let step = part(vm, 3)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "slice step can't be zero"));
    }
    let (lower, upper) = if step < 0 { (-1, length - 1) } else { (0, length) };
    let resolve = |value: Option<i64>, default: i64| match value {
        None => default,
        Some(value) if value < 0 => (value + length).max(lower),
        Some(value) => value.min(upper),
    };
    let start = resolve(part(vm, 1)?, if step < 0 { upper } else { lower });
    let stop = resolve(part(vm, 2)?, if step < 0 { lower } else { upper });
    let mark = vm.root_mark();
    let mut items = [Obj::NONE; 3];
    for (item, value) in items.iter_mut().zip([start, stop, step]) {
        *item = vm.new_int(value)?;
        vm.push_root(*item)?;
    }
    let tuple = vm.new_tuple(&items)?;
    vm.pop_roots(mark);
    Ok(tuple)
}
