//! The builtins that build modules and classes at run time: `__import__`
//! and the three-argument form of `type`.
//!
//! `__import__(name, globals=None, locals=None, fromlist=(), level=0)` runs
//! the same import as the `import` statement. As in MicroPython, a relative
//! import (level above 0) is resolved against the globals of the running
//! function's module, whatever `globals` says. `type(name, bases, dict)`
//! makes a class like a `class` statement would, using `dict` itself as the
//! class's namespace (as MicroPython does).

use super::{check_args, keyword};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 5)?;
    vm.expect_str(args[0], "module name")?;
    let fromlist = args.get(3).copied().or_else(|| keyword(vm, kw, "fromlist")).unwrap_or(Obj::NONE);
    let level = match args.get(4).copied().or_else(|| keyword(vm, kw, "level")) {
        Some(value) => vm.to_i64(value)?,
        None => 0,
    };
    if level < 0 {
        return Err(vm.raise_type(TypeId::ValueError));
    }
    // An empty fromlist behaves as None: the top package is returned.
    let fromlist = if fromlist.is_none() || vm.truthy(fromlist)? { fromlist } else { Obj::NONE };
    let name = vm.intern(args[0])?;
    let mark = vm.root_mark();
    vm.push_root(name)?;
    let globals = super::funcs::globals_dict(vm)?;
    vm.push_root(globals)?;
    let imported = vm.import_name(name, fromlist, Obj::small(level.min(1 << 20) as i32), globals);
    vm.pop_roots(mark);
    imported
}

/// `type(name, bases, dict)`: a new class.
pub fn new_type(vm: &mut Vm<'_>, args: &[Obj]) -> R<Obj> {
    let (name, bases, namespace) = (args[0], args[1], args[2]);
    if !vm.is_str(name) || vm.native_type(bases) != TypeId::Tuple || vm.native_type(namespace) != TypeId::Dict {
        return Err(vm.raise_type(TypeId::TypeError));
    }
    // The caller keeps `namespace` and may add a property to it later.
    vm.classes_may_intercept_stores = true;
    let class = vm.new_class(name, bases, namespace)?;
    vm.call_set_names(class, namespace)?;
    Ok(class)
}
