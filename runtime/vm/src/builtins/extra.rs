//! Builtins that need more than a table lookup: `dir` (which, as in
//! MicroPython, tries every known qstr as an attribute name), the
//! three-argument `type(name, bases, dict)` that makes a class at run time,
//! and `format(value, spec)`, which shares the format-spec code of
//! `str.format`.

use super::check_args;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

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

/// `type(name, bases, dict)`: a new class with a copy of `dict` as its
/// namespace, built like a `class` statement without a body to run.
pub fn new_class(vm: &mut Vm<'_>, args: &[Obj]) -> R<Obj> {
    let (name, bases, namespace) = (args[0], args[1], args[2]);
    if !vm.is_str(name) || vm.native_type(bases) != TypeId::Tuple || vm.native_type(namespace) != TypeId::Dict {
        return Err(vm.raise_msg(TypeId::TypeError, "type() takes a str, a tuple and a dict"));
    }
    let mut native = TypeId::Object;
    for index in 0..vm.tuple_len(bases) {
        let base = vm.tuple_item(bases, index);
        if !vm.is_type(base) {
            return Err(vm.raise_msg(TypeId::TypeError, "bases must be types"));
        }
        let base_native = vm.native_type_of_type(base);
        if base_native != TypeId::Object && !base_native.is_exception() {
            return Err(vm.raise_msg(TypeId::NotImplementedError, "subclassing this builtin type"));
        }
        if native == TypeId::Object {
            native = base_native;
        }
    }
    let mark = vm.root_mark();
    let locals = vm.new_dict(8)?;
    vm.push_root(locals)?;
    let mut index = 0;
    while let Some((next, key, value)) = vm.map_next(namespace, index) {
        let key = vm.intern(key)?;
        vm.map_set(locals, key, value)?;
        index = next + 1;
    }
    let name = vm.intern(name)?;
    vm.push_root(name)?;
    let class = vm.alloc_typed(TypeId::Type, 5)?;
    vm.pop_roots(mark);
    vm.set(class, 1, name);
    vm.set(class, 2, bases);
    vm.set(class, 3, locals);
    vm.set_u(class, 4, native.addr());
    Ok(class)
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
