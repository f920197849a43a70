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

/// `sys.implementation`: MicroPython's attribute tuple `(name, version,
/// _machine, _mpy)`, a static object whose fields are made when read.
/// `_mpy` is bytecode v6.3 with no native architecture, as the freezer emits.
pub static IMPLEMENTATION_TYPE: NativeType = NativeType {
    load_attr: Some(|vm, _, name| {
        let text = vm.qstr_bytes(name.qstr_id());
        match IMPLEMENTATION_FIELDS.iter().position(|field| field.as_bytes() == text) {
            Some(index) => implementation_field(vm, index).map(Some),
            None => Ok(None),
        }
    }),
    len: Some(|_, _| IMPLEMENTATION_FIELDS.len()),
    subscr_get: Some(|vm, _, index| {
        let position = vm.seq_index(index, IMPLEMENTATION_FIELDS.len() as u32, "tuple")?;
        implementation_field(vm, position as usize)
    }),
    print: Some(print_implementation),
    ..NativeType::EMPTY
};

const IMPLEMENTATION_FIELDS: [&str; 4] = ["name", "version", "_machine", "_mpy"];

/// Field `index` of `sys.implementation`.
fn implementation_field(vm: &mut Vm<'_>, index: usize) -> R<Obj> {
    match index {
        0 => Ok(q!("rime")),
        1 => {
            let mut parts = [Obj::small(0); 3];
            for (slot, text) in parts.iter_mut().zip(crate::VERSION.split('.')) {
                *slot = Obj::small(text.parse().unwrap_or(0));
            }
            let empty = vm.intern_bytes(b"")?;
            vm.new_tuple(&[parts[0], parts[1], parts[2], empty])
        }
        2 => {
            let machine = vm.port.platform();
            vm.intern_bytes(machine.as_bytes())
        }
        _ => Ok(Obj::small(6 | (3 << 8))),
    }
}

/// `(name='rime', version=(0, 1, 0, ''), _machine='…', _mpy=774)`, as MicroPython prints an attribute tuple.
fn print_implementation(vm: &mut Vm<'_>, sink: Sink, _: Obj, depth: u32) -> R<()> {
    vm.emit(sink, b"(")?;
    for (index, field) in IMPLEMENTATION_FIELDS.iter().enumerate() {
        if index > 0 {
            vm.emit(sink, b", ")?;
        }
        vm.emit_fmt(sink, format_args!("{field}="))?;
        let value = implementation_field(vm, index)?;
        vm.with_roots(&[value], |vm| vm.print_nested(sink, value, Style::Repr, depth + 1))?;
    }
    vm.emit(sink, b")")
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
        // With a filesystem mounted, `/lib` is searched after the image
        // (`import_fs.rs`), as on MicroPython's boards.
        let made = if crate::modules::vfs::has_filesystem(vm) {
            vm.intern_bytes(b"/lib").and_then(|lib| vm.with_roots(&[lib], |vm| vm.new_list_from(&[Obj::qstr(1), frozen, lib])))
        } else {
            vm.new_list_from(&[Obj::qstr(1), frozen])
        };
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
