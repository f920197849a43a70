//! The `sys` module: `exit`, `print_exception`, `modules`, `platform` (from
//! the port), `stdin`/`stdout`/`stderr` (whose methods live here too, with
//! the binary streams under them, `sys.stdout.buffer`), `implementation`,
//! `path`, `argv` and the version values.
//!
//! The text streams write program output (`write_stdout`, where a terminal
//! port writes `\n` as `\r\n`); the binary ones write bytes as they are
//! (`write_console`), as MicroPython's do. Reading `sys.stdin` waits for the
//! console's bytes, and Ctrl-C while it waits raises `KeyboardInterrupt`.

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
        ("stdin", Singleton::SysStdin.obj()),
        ("stdout", Singleton::SysStdout.obj()),
        ("stderr", Singleton::SysStderr.obj()),
        // Computed by `sys_value`: the largest 32-bit signed int, a big int here.
        ("maxsize", Obj::NULL),
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
/// `_mpy` is what MicroPython 1.27 reports on the port's architecture:
/// bytecode v6.3 and the native architecture (`Port::mpy_arch`) in bits 10
/// and up, which `mip` reads to choose `.mpy` files.
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
    get_iter: Some(|vm, _| {
        let mut fields = [Obj::NONE; IMPLEMENTATION_FIELDS.len()];
        let tuple = vm.root_scope(|vm| {
            for (index, field) in fields.iter_mut().enumerate() {
                *field = implementation_field(vm, index)?;
                vm.push_root(*field)?;
            }
            vm.new_tuple(&fields)
        })?;
        vm.with_roots(&[tuple], |vm| vm.get_iter(tuple))
    }),
    print: Some(print_implementation),
    ..NativeType::EMPTY
};

const IMPLEMENTATION_FIELDS: [&str; 4] = ["name", "version", "_machine", "_mpy"];

/// The `.mpy` version and sub-version the freezer and the compiler emit (6.3).
const MPY_VERSION: i32 = 6;
const MPY_SUB_VERSION: i32 = 3;

/// Field `index` of `sys.implementation`.
fn implementation_field(vm: &mut Vm<'_>, index: usize) -> R<Obj> {
    match index {
        // Code written for MicroPython branches on this name (its tests,
        // micropython-lib): rime runs that code as MicroPython does, and
        // `_machine` and `version` tell rime apart.
        0 => Ok(q!("micropython")),
        1 => {
            let mut parts = [Obj::small(0); 3];
            for (slot, text) in parts.iter_mut().zip(crate::VERSION.split('.')) {
                *slot = Obj::small(text.parse().unwrap_or(0));
            }
            let empty = vm.intern_bytes(b"")?;
            vm.new_tuple(&[parts[0], parts[1], parts[2], empty])
        }
        2 => {
            let machine = vm.port.machine_name();
            vm.new_str(machine.as_bytes())
        }
        _ => {
            let arch = i32::from(vm.port.mpy_arch());
            Ok(Obj::small(MPY_VERSION | ((MPY_SUB_VERSION | (arch << 2)) << 8)))
        }
    }
}

/// `(name='micropython', version=(0, 1, 0, ''), _machine='…', _mpy=774)`, as MicroPython prints an attribute tuple.
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
        // One list for the VM's life (`vfs_user.rs`), so programs may change it.
        return crate::modules::vfs_user::sys_path(vm).map(Some);
    }
    if name == q!("maxsize") {
        // As on MicroPython's 32-bit ports (rp2 among them).
        return Ok(Some(vm.new_int(i64::from(i32::MAX))?));
    }
    if name == q!("version") {
        return Ok(Some(vm.format_to_str(format_args!("3.4.0; rime {}", crate::VERSION))?));
    }
    if name == q!("version_info") {
        return Ok(Some(vm.new_tuple(&[Obj::small(3), Obj::small(4), Obj::small(0)])?));
    }
    Ok(None)
}

/// `sys.stdin`, `sys.stdout`, `sys.stderr` and their `buffer` streams.
pub static STDIO_TYPE: NativeType = NativeType {
    methods: STDIO_METHODS,
    load_attr: Some(|vm, stream, name| {
        if vm.qstr_bytes(name.qstr_id()) != b"buffer" {
            return Ok(None);
        }
        Ok(match Singleton::from_obj(stream) {
            Some(Singleton::SysStdin) => Some(Singleton::SysStdinBuffer.obj()),
            Some(Singleton::SysStdout) => Some(Singleton::SysStdoutBuffer.obj()),
            Some(Singleton::SysStderr) => Some(Singleton::SysStderrBuffer.obj()),
            _ => None,
        })
    }),
    print: Some(print_stdio),
    ..NativeType::EMPTY
};

/// MicroPython's `<io.TextIOWrapper 1>`, and `<io.FileIO 1>` for a `buffer`
/// stream, with the stream's file descriptor.
fn print_stdio(vm: &mut Vm<'_>, sink: Sink, stream: Obj, _depth: u32) -> R<()> {
    let descriptor = match Singleton::from_obj(stream) {
        Some(Singleton::SysStdin | Singleton::SysStdinBuffer) => 0,
        Some(Singleton::SysStderr | Singleton::SysStderrBuffer) => 2,
        _ => 1,
    };
    let kind = if is_binary(stream) { "FileIO" } else { "TextIOWrapper" };
    vm.emit_fmt(sink, format_args!("<io.{kind} {descriptor}>"))
}

static STDIO_METHODS: &[(u16, Handler)] = &[
    (qstr_id("write"), stdio_write),
    (qstr_id("flush"), stdio_flush),
    (qstr_id("read"), stdio_read),
    (qstr_id("readline"), stdio_readline),
];

/// Whether a stream is one of the binary `buffer` streams.
fn is_binary(stream: Obj) -> bool {
    matches!(
        Singleton::from_obj(stream),
        Some(Singleton::SysStdinBuffer | Singleton::SysStdoutBuffer | Singleton::SysStderrBuffer)
    )
}

/// Whether a stream reads the console.
fn is_input(stream: Obj) -> bool {
    matches!(Singleton::from_obj(stream), Some(Singleton::SysStdin | Singleton::SysStdinBuffer))
}

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
    if is_input(args[0]) {
        return Err(vm.raise_msg(TypeId::OSError, "stream not writable"));
    }
    if is_binary(args[0]) {
        // Bytes as they are, a piece at a time (the port cannot borrow the heap).
        let len = vm.str_len(args[1]);
        let mut chunk = [0u8; 64];
        let mut done = 0;
        while done < len {
            let count = (len - done).min(chunk.len());
            chunk[..count].copy_from_slice(&vm.str_bytes(args[1])[done..done + count]);
            vm.port.write_console(&chunk[..count]);
            done += count;
        }
        return vm.new_int(len as i64);
    }
    let sink = if args[0] == Singleton::SysStderr.obj() { Sink::Stderr } else { Sink::Stdout };
    vm.print_obj(sink, args[1], Style::Str)?;
    let count = vm.len_of(args[1])?;
    vm.new_int(count as i64)
}

fn stdio_flush(_vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    Ok(Obj::NONE)
}

/// `stream.read(n)`: waits for `n` bytes of the console.
fn stdio_read(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    if !is_input(args[0]) {
        return Err(vm.raise_msg(TypeId::OSError, "stream not readable"));
    }
    let wanted = vm.to_i64(args[1])?.max(0) as usize;
    read_console(vm, args[0], |len, _| len >= wanted)
}

/// `stream.readline()`: waits for the console's bytes up to a newline, included.
fn stdio_readline(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    if !is_input(args[0]) {
        return Err(vm.raise_msg(TypeId::OSError, "stream not readable"));
    }
    read_console(vm, args[0], |_, last| last == Some(b'\n'))
}

/// Reads console bytes until `done(count, last byte)`; a str for the text
/// stream, bytes for the binary one. Ctrl-C while waiting raises
/// `KeyboardInterrupt`.
fn read_console(vm: &mut Vm<'_>, stream: Obj, done: impl Fn(usize, Option<u8>) -> bool) -> R<Obj> {
    let buffer = vm.new_buffer(TypeId::Buffer, 16)?;
    vm.with_roots(&[buffer], |vm| {
        let mut last = None;
        let mut count = 0;
        while !done(count, last) {
            if vm.port.take_interrupt() {
                return Err(vm.raise_type(TypeId::KeyboardInterrupt));
            }
            match vm.read_stdin_byte() {
                Some(byte) => {
                    vm.buffer_push(buffer, &[byte])?;
                    last = Some(byte);
                    count += 1;
                }
                None => vm.port.sleep_us(500),
            }
        }
        vm.buffer_finish(buffer, if is_binary(stream) { TypeId::Bytes } else { TypeId::Str })
    })
}

impl Vm<'_> {
    /// The next console byte, or `None` when none is waiting: a byte
    /// [`Vm::stdin_waiting`] took first, then the port's.
    pub fn read_stdin_byte(&mut self) -> Option<u8> {
        self.stdin_peeked.take().or_else(|| self.port.read_stdin_byte())
    }

    /// Whether a console byte is waiting (`select.poll` on `sys.stdin`):
    /// the port's next byte, if any, is kept for the next read.
    pub fn stdin_waiting(&mut self) -> bool {
        if self.stdin_peeked.is_none() {
            self.stdin_peeked = self.port.read_stdin_byte();
        }
        self.stdin_peeked.is_some()
    }
}
