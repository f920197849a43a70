//! The builtin `help`: with no argument a page about the REPL's control
//! keys; `help('modules')` every importable module (native and frozen),
//! sorted and printed column by column as MicroPython prints them (four
//! columns of 18 characters); `help(obj)` the object's type and, for a
//! module, its names and values.

use crate::builtins::check_args;
use crate::obj::repr::{Sink, Style};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

/// The columns of `help('modules')`, and their width.
const MODULE_COLUMNS: usize = 4;
const MODULE_COLUMN_WIDTH: usize = 18;

const HELP_TEXT: &str = "Welcome to rime, frozen Python for the Raspberry Pi Pico!

Programs run from flash; the REPL compiles what you type.

Keys on an empty line:
  CTRL-A        -- raw REPL (for tools such as mpremote)
  CTRL-B        -- back to this REPL, with its banner
  CTRL-C        -- stop a running program
  CTRL-D        -- soft reset: fresh heap and globals
  CTRL-E        -- paste mode

help('modules') lists the modules; help(obj) describes an object.
";

/// `help(obj=None)`.
pub fn help(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    let Some(&target) = args.first() else {
        vm.emit(Sink::Stdout, HELP_TEXT.as_bytes())?;
        return Ok(Obj::NONE);
    };
    if target == q!("modules") {
        print_modules(vm)?;
        return Ok(Obj::NONE);
    }
    vm.emit(Sink::Stdout, b"object ")?;
    vm.print_obj(Sink::Stdout, target, Style::Str)?;
    let type_name = vm.type_name(target);
    let name = Obj::qstr(type_name);
    vm.emit(Sink::Stdout, b" is of type ")?;
    vm.print_obj(Sink::Stdout, name, Style::Str)?;
    vm.emit(Sink::Stdout, b"\n")?;
    if vm.is_heap(target) && vm.native_type(target) == TypeId::Module {
        let globals = vm.get(target, 1);
        vm.with_roots(&[globals], |vm| print_names(vm, globals))?;
    }
    Ok(Obj::NONE)
}

/// `  name -- value` for each entry of a dict.
fn print_names(vm: &mut Vm<'_>, dict: Obj) -> R<()> {
    let mut index = 0;
    while let Some((entry, key, value)) = vm.map_next(dict, index) {
        vm.emit(Sink::Stdout, b"  ")?;
        vm.print_obj(Sink::Stdout, key, Style::Str)?;
        vm.emit(Sink::Stdout, b" -- ")?;
        vm.with_roots(&[value], |vm| vm.print_obj(Sink::Stdout, value, Style::Str))?;
        vm.emit(Sink::Stdout, b"\n")?;
        index = entry + 1;
    }
    Ok(())
}

/// The sorted module names in columns, filled column by column.
fn print_modules(vm: &mut Vm<'_>) -> R<()> {
    let names = vm.new_list(32)?;
    vm.with_roots(&[names], |vm| {
        let native_count = crate::modules::MODULES.len() + vm.config.port_modules.len();
        for number in 0..native_count as u32 {
            if let Some(module) = vm.native_module(number) {
                let name = vm.intern_bytes(module.name.as_bytes())?;
                vm.list_append(names, name)?;
            }
        }
        for index in 0..vm.image.module_count() {
            let (path, _) = vm.image.module_entry(index);
            let mut copy = [0u8; 64];
            let bytes = vm.qstr_bytes(path);
            let len = bytes.len().min(copy.len());
            copy[..len].copy_from_slice(&bytes[..len]);
            let stem = copy[..len].strip_suffix(b".py").unwrap_or(&copy[..len]);
            let name = vm.new_str(stem)?;
            vm.list_append(names, name)?;
        }
        crate::builtins::sort_list(vm, names, &[])?;
        let count = vm.list_len(names) as usize;
        let rows = count.div_ceil(MODULE_COLUMNS);
        for row in 0..rows {
            let mut index = row;
            loop {
                let name = vm.list_item(names, index as u32);
                let width = vm.str_len(name);
                vm.print_obj(Sink::Stdout, name, Style::Str)?;
                index += rows;
                if index >= count {
                    break;
                }
                let mut gap = MODULE_COLUMN_WIDTH as isize - width as isize;
                while gap < 1 {
                    gap += MODULE_COLUMN_WIDTH as isize;
                }
                for _ in 0..gap {
                    vm.emit(Sink::Stdout, b" ")?;
                }
            }
            vm.emit(Sink::Stdout, b"\n")?;
        }
        Ok(())
    })
}
