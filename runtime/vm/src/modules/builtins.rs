//! The `builtins` module: every builtin function, type and constant, as
//! the names a program finds without importing anything.

use crate::native::NativeModule;
use crate::obj::Obj;
use crate::vm::{Vm, R};

pub static MODULE: NativeModule = NativeModule { name: "builtins", functions: &[], constants: &[], attr: Some(attr) };

fn attr(_vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
    Ok(crate::builtins::lookup_builtin(name))
}
