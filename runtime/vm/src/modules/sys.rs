//! The `sys` module: `exit`, `print_exception`, `modules`, `platform` (from
//! the port), `stdout`/`stderr` (whose `write` and `flush` methods live here
//! too), `implementation`, `path`, `argv` and the version values.

use crate::builtins::{check_args, Handler};
use crate::native::{NativeModule, NativeType};
use crate::obj::repr::{Sink, Style};
use crate::obj::{Obj, Singleton, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static MODULE: NativeModule = NativeModule {
    name: "sys",
    functions: FUNCTIONS,
    constants: &[
        ("stdout", Singleton::SysStdout.obj()),
        ("stderr", Singleton::SysStderr.obj()),
        ("maxsize", Obj::small(0x3fff_ffff)),
        ("byteorder", Obj::qstr(qstr_id("little") as u32)),
        ("implementation", Singleton::SysImplementation.obj()),
    ],
    attr: Some(sys_attr),
};

/// The attributes of `sys` that depend on the VM: `modules`, `platform` and
/// the plain values made on each lookup.
fn sys_attr(vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
    let name = Obj::qstr(name);
    if name == q!("modules") {
        return Ok(Some(vm.modules));
    }
    if name == q!("platform") {
        let platform = vm.port.platform();
        return Ok(Some(vm.intern_bytes(platform.as_bytes())?));
    }
    sys_value(vm, name)
}

static FUNCTIONS: &[(&str, Handler)] = &[("exit", sys_exit), ("print_exception", sys_print_exception)];

/// An attribute of `sys.implementation`: `name`, `version` and `_mpy`
/// (bytecode v6.3 with no native architecture, as the freezer emits).
pub fn implementation_attr(vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
    let name = Obj::qstr(name);
    if name == q!("name") {
        return Ok(Some(q!("rime")));
    }
    if name == q!("version") {
        let mut parts = [Obj::small(0); 3];
        for (slot, text) in parts.iter_mut().zip(crate::VERSION.split('.')) {
            *slot = Obj::small(text.parse().unwrap_or(0));
        }
        return Ok(Some(vm.new_tuple(&parts)?));
    }
    if name == q!("_mpy") {
        return Ok(Some(Obj::small(6 | (3 << 8))));
    }
    Ok(None)
}

/// The parts of `sys` that are plain values: argv, path, version, version_info.
fn sys_value(vm: &mut Vm<'_>, name: Obj) -> R<Option<Obj>> {
    if name == q!("argv") {
        return Ok(Some(vm.new_list(0)?));
    }
    if name == q!("path") {
        let frozen = vm.intern_bytes(b".frozen")?;
        let mark = vm.root_mark();
        vm.push_root(frozen)?;
        let made = vm.new_list_from(&[Obj::qstr(1), frozen]);
        vm.pop_roots(mark);
        return Ok(Some(made?));
    }
    if name == q!("version") {
        return Ok(Some(vm.format_to_str(format_args!("3.4.0; rime {}", crate::VERSION))?));
    }
    if name == q!("version_info") {
        return Ok(Some(vm.new_tuple(&[Obj::small(3), Obj::small(4), Obj::small(0)])?));
    }
    Ok(None)
}

/// `sys.stdout` and `sys.stderr`.
pub static STDIO_TYPE: NativeType = NativeType { methods: STDIO_METHODS, ..NativeType::EMPTY };

static STDIO_METHODS: &[(u16, Handler)] = &[(qstr_id("write"), stdio_write), (qstr_id("flush"), stdio_flush)];

fn sys_exit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let exc = vm.new_exception(TypeId::SystemExit.obj(), args)?;
    Err(vm.raise(exc))
}

fn sys_print_exception(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let mark = vm.root_mark();
    let file = args.get(1).copied();
    let sink = crate::builtins::file_sink(vm, file)?;
    vm.print_traceback(sink, args[0])?;
    crate::builtins::finish_file_sink(vm, sink, file)?;
    vm.pop_roots(mark);
    Ok(Obj::NONE)
}

fn stdio_write(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let sink = if args[0] == Singleton::SysStderr.obj() { Sink::Stderr } else { Sink::Stdout };
    vm.print_obj(sink, args[1], Style::Str)?;
    let count = vm.len_of(args[1])?;
    vm.new_int(count as i64)
}

fn stdio_flush(_vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    Ok(Obj::NONE)
}
