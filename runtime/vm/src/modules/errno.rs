//! The `errno` module: MicroPython's error numbers and the `errorcode` dict
//! that maps each number back to its name.

use crate::native::NativeModule;
use crate::obj::errno_names::ERRNO;
use crate::obj::Obj;
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static MODULE: NativeModule =
    NativeModule { name: "errno", functions: &[], constants: &[], attr: Some(errno_attr) };

/// An attribute of the `errno` module.
fn errno_attr(vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
    if name == u32::from(qstr_id("errorcode")) {
        let dict = vm.new_dict(ERRNO.len())?;
        let mark = vm.root_mark();
        vm.push_root(dict)?;
        for (text, number) in ERRNO {
            let key = Obj::small(*number);
            let value = vm.intern_bytes(text.as_bytes())?;
            vm.map_set(dict, key, value)?;
        }
        vm.pop_roots(mark);
        return Ok(Some(dict));
    }
    let text = vm.qstr_bytes(name);
    Ok(ERRNO.iter().find(|(each, _)| each.as_bytes() == text).map(|(_, number)| Obj::small(*number)))
}
