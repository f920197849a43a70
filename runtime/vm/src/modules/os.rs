//! The `os` module for machines without a filesystem: `uname`, `urandom`
//! (from the port's entropy source, [`Port::random_u32`]), `sep`, and the
//! filesystem functions of MicroPython's `os` behaving as MicroPython's
//! virtual filesystem does when nothing is mounted: the root `/` exists, is
//! the current directory and is empty; every other path raises
//! `OSError(ENODEV)`.
//!
//! `uname()` returns a plain 5-tuple `(sysname, nodename, release, version,
//! machine)`; MicroPython's result also has attribute names. `dupterm`,
//! `mount` and the VFS classes are not provided.
//!
//! [`Port::random_u32`]: crate::Port::random_u32

use crate::builtins::{check_args, Handler};
use crate::native::NativeModule;
use crate::obj::{Obj, Singleton, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

/// `ENODEV`: no filesystem is mounted at the path.
const ENODEV: i32 = 19;
/// The mode of a directory in `stat` results.
const MODE_DIRECTORY: i32 = 0x4000;

pub static MODULE: NativeModule = NativeModule {
    name: "os",
    functions: FUNCTIONS,
    constants: &[("sep", Obj::qstr(qstr_id("/") as u32))],
    attr: None,
};

static FUNCTIONS: &[(&str, Handler)] = &[
    ("chdir", os_chdir),
    ("getcwd", os_getcwd),
    ("ilistdir", os_ilistdir),
    ("listdir", os_listdir),
    ("mkdir", os_path_error),
    ("remove", os_path_error),
    ("rename", os_rename),
    ("rmdir", os_path_error),
    ("stat", os_stat),
    ("sync", os_sync),
    ("uname", os_uname),
    ("unlink", os_path_error),
    ("urandom", os_urandom),
];

/// Raises `OSError(errno)` as MicroPython does (the number is the only argument).
fn raise_errno(vm: &mut Vm<'_>, errno: i32) -> crate::vm::Raised {
    match vm.new_exception(TypeId::OSError.obj(), &[Obj::small(errno)]) {
        Ok(exc) => vm.raise(exc),
        Err(raised) => raised,
    }
}

/// Whether a path argument names the root: `/`, `` or `.` (the current
/// directory, which is always the root).
fn is_root(vm: &mut Vm<'_>, path: Obj) -> R<bool> {
    vm.expect_str(path, "path")?;
    Ok(matches!(vm.str_bytes(path), b"/" | b"" | b"." | b"./"))
}

fn os_getcwd(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 0)?;
    Ok(Obj::qstr(u32::from(qstr_id("/"))))
}

fn os_chdir(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    if is_root(vm, args[0])? {
        return Ok(Obj::NONE);
    }
    Err(raise_errno(vm, ENODEV))
}

/// Checks the optional directory argument of `listdir` and `ilistdir`.
fn check_directory(vm: &mut Vm<'_>, args: &[Obj]) -> R<()> {
    check_args(vm, args, 0, 1)?;
    match args.first() {
        Some(&path) if !is_root(vm, path)? => Err(raise_errno(vm, ENODEV)),
        _ => Ok(()),
    }
}

fn os_listdir(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_directory(vm, args)?;
    vm.new_list(0)
}

fn os_ilistdir(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_directory(vm, args)?;
    vm.get_iter(Singleton::EmptyTuple.obj())
}

/// `stat("/")` is a directory's 10-tuple; every other path has no filesystem.
fn os_stat(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    if !is_root(vm, args[0])? {
        return Err(raise_errno(vm, ENODEV));
    }
    let mut fields = [Obj::small(0); 10];
    fields[0] = Obj::small(MODE_DIRECTORY);
    vm.new_tuple(&fields)
}

/// `mkdir`, `remove`, `unlink` and `rmdir`: nothing can be written.
fn os_path_error(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    vm.expect_str(args[0], "path")?;
    Err(raise_errno(vm, ENODEV))
}

fn os_rename(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    vm.expect_str(args[0], "path")?;
    vm.expect_str(args[1], "path")?;
    Err(raise_errno(vm, ENODEV))
}

fn os_sync(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 0)?;
    Ok(Obj::NONE)
}

/// `(sysname, nodename, release, version, machine)`.
fn os_uname(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 0)?;
    let platform = vm.port.platform();
    let mark = vm.root_mark();
    let sysname = vm.intern_bytes(platform.as_bytes())?;
    vm.push_root(sysname)?;
    let release = vm.intern_bytes(crate::VERSION.as_bytes())?;
    vm.push_root(release)?;
    let version = vm.format_to_str(format_args!("rime {}", crate::VERSION))?;
    vm.push_root(version)?;
    let machine = vm.format_to_str(format_args!("rime on {platform}"))?;
    vm.push_root(machine)?;
    let tuple = vm.new_tuple(&[sysname, sysname, release, version, machine]);
    vm.pop_roots(mark);
    tuple
}

/// `urandom(n)`: `n` bytes from the port's entropy source.
fn os_urandom(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let count = vm.to_i64(args[0])?;
    if count < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "negative count"));
    }
    let count = count as usize;
    let mark = vm.root_mark();
    let buffer = vm.new_buffer(TypeId::Buffer, count)?;
    vm.push_root(buffer)?;
    let mut made = 0;
    while made < count {
        let word = vm.port.random_u32().to_le_bytes();
        let len = (count - made).min(4);
        vm.buffer_push(buffer, &word[..len])?;
        made += len;
    }
    let bytes = vm.buffer_finish(buffer, TypeId::Bytes);
    vm.pop_roots(mark);
    bytes
}
