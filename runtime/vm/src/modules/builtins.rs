//! The `builtins` module: every builtin function, type and constant, as
//! the names a program finds without importing anything. A program may
//! store into it (`builtins.abs = …`, `builtins.__import__ = …`), as
//! MicroPython allows: what it stores is kept in `Vm::builtins_override`
//! and found before the builtin of that name by name lookups, imports
//! (`__import__`) and class statements (`__build_class__`), though not by
//! reading the module's attributes.

use crate::native::NativeModule;
use crate::obj::Obj;
use crate::vm::{Vm, R};

pub static MODULE: NativeModule = NativeModule { name: "builtins", functions: &[], constants: &[], attr: Some(attr) };

/// An attribute of the module: always the builtin itself (as in
/// MicroPython, `builtins.abs` is the original even after `builtins.abs = …`).
fn attr(_vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
    Ok(crate::builtins::lookup_builtin(name))
}

impl Vm<'_> {
    /// What the program stored into `builtins` as `name`, if anything.
    pub fn builtin_override(&mut self, name: Obj) -> Option<Obj> {
        if self.builtins_override.is_null() {
            return None;
        }
        self.map_get_qstr(self.builtins_override, name)
    }

    /// `builtins.name = value`: found before the builtin from now on (the
    /// caches of builtin lookups and the global site cache are emptied).
    pub fn store_builtin_override(&mut self, name: Obj, value: Obj) -> R<()> {
        if self.builtins_override.is_null() {
            let dict = self.with_roots(&[value], |vm| vm.new_dict(4))?;
            self.builtins_override = dict;
        }
        self.map_set(self.builtins_override, name, value)?;
        for entry in self.builtin_cache.iter().chain(self.builtin_miss_cache.iter()) {
            entry.set((0, 0));
        }
        // A `LOAD_GLOBAL` site may remember the builtin itself.
        self.forget_global_sites();
        Ok(())
    }
}
