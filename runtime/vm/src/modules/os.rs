//! The `os` module: `uname`, `urandom` (from the port's entropy source,
//! [`Port::random_u32`]), `sep`, and the filesystem functions of
//! MicroPython's `os` over the port's filesystem (`modules/vfs.rs` resolves
//! the paths): `listdir`, `ilistdir`, `mkdir`, `rmdir`, `remove`, `rename`,
//! `stat`, `statvfs`, `getcwd`, `chdir`, `sync`. A port without a filesystem
//! behaves as MicroPython's virtual filesystem does when nothing is mounted:
//! the root `/` exists, is the current directory and is empty; every other
//! path raises `OSError(ENODEV)`.
//!
//! As on MicroPython's littlefs, `remove` and `rmdir` both remove a file or
//! an empty directory, `stat` gives `(mode, 0, 0, 0, 0, 0, size, 0, 0, 0)`
//! and `ilistdir` yields `(name, type, 0, size)`.
//!
//! Paths under `/rom`, the image's resources, go to `vfs_rom.rs`, and a
//! listing of `/` names `rom` first, as MicroPython lists its mount points.
//!
//! `uname()` returns a plain 5-tuple `(sysname, nodename, release, version,
//! machine)`; MicroPython's result also has attribute names. `dupterm`,
//! `mount` and the VFS classes are not provided.
//!
//! [`Port::random_u32`]: crate::Port::random_u32

use crate::builtins::{check_args, Handler};
use crate::modules::vfs::{has_filesystem, raise_errno, resolve, with_fs};
use crate::modules::vfs_rom;
use crate::native::NativeModule;
use crate::port::filesystem::{DirEntry, EntryKind, FsError};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

/// `ENODEV`: no filesystem is mounted at the path.
const ENODEV: i32 = 19;
/// The mode of a directory in `stat` results.
const MODE_DIRECTORY: i32 = 0x4000;
/// The mode of a regular file in `stat` results.
const MODE_FILE: i32 = 0x8000;
/// littlefs's longest name, `statvfs`'s last field.
const NAME_MAX: i32 = 255;

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
    ("mkdir", os_mkdir),
    ("remove", os_remove),
    ("rename", os_rename),
    ("rmdir", os_remove),
    ("stat", os_stat),
    ("statvfs", os_statvfs),
    ("sync", os_sync),
    ("uname", os_uname),
    ("unlink", os_remove),
    ("urandom", os_urandom),
];


/// Whether a path argument names the root: `/`, `` or `.` (the current
/// directory, which is always the root).
fn is_root(vm: &mut Vm<'_>, path: Obj) -> R<bool> {
    vm.expect_str(path, "path")?;
    Ok(matches!(vm.str_bytes(path), b"/" | b"" | b"." | b"./"))
}

fn os_getcwd(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 0)?;
    let mut cwd = [0u8; crate::port::filesystem::CWD_CAPACITY];
    let len = match vm.port.filesystem() {
        Some(vfs) => {
            let current = vfs.state.cwd();
            cwd[..current.len()].copy_from_slice(current);
            current.len()
        }
        None => return Ok(Obj::qstr(u32::from(qstr_id("/")))),
    };
    vm.new_str(&cwd[..len])
}

fn os_chdir(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    if vfs_rom::chdir(vm, args[0])? {
        return Ok(Obj::NONE);
    }
    if has_filesystem(vm) {
        let path = resolve(vm, args[0])?;
        with_fs(vm, |vfs| {
            if path.as_bytes() != b"/" && vfs.volume.stat(path.as_str())?.kind != EntryKind::Directory {
                return Err(FsError::NotDirectory);
            }
            if vfs.state.set_cwd(path.as_bytes()) {
                Ok(())
            } else {
                Err(FsError::NameTooLong)
            }
        })?;
        return Ok(Obj::NONE);
    }
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

/// The `index`th entry of a directory (littlefs lists in name order), or
/// `None` past the last. Listing one entry per call keeps the VM's heap out
/// of the filesystem's callback; directories on a board are small.
fn nth_entry(vm: &mut Vm<'_>, directory: &str, index: usize) -> R<Option<DirEntry>> {
    with_fs(vm, |vfs| {
        let mut seen = 0;
        let mut found = None;
        vfs.volume.read_dir(directory, &mut |entry| {
            if seen == index {
                found = Some(*entry);
            }
            seen += 1;
        })?;
        Ok(found)
    })
}

/// A list of the entries of the directory argument (the current directory
/// by default): names only, or `ilistdir`'s tuples.
fn list_directory(vm: &mut Vm<'_>, args: &[Obj], tuples: bool) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    // The empty str (qstr 1) names the current directory.
    let path = resolve(vm, args.first().copied().unwrap_or(Obj::qstr(1)))?;
    let list = vm.new_list(4)?;
    vm.with_roots(&[list], |vm| {
        let mut index = 0;
        while let Some(entry) = nth_entry(vm, path.as_str(), index)? {
            let name = vm.new_str(entry.name())?;
            let item = if tuples {
                vm.with_roots(&[name], |vm| {
                    let kind = if entry.kind == EntryKind::Directory { MODE_DIRECTORY } else { MODE_FILE };
                    let size = vm.new_int(i64::from(entry.size))?;
                    vm.new_tuple(&[name, Obj::small(kind), Obj::small(0), size])
                })?
            } else {
                name
            };
            vm.list_append(list, item)?;
            index += 1;
        }
        Ok(list)
    })
}

/// `listdir` (names) or `ilistdir` (tuples) as a list: under `/rom`, of
/// the port's volume, or of the empty root when it has none; a listing of
/// `/` starts with the mount point `rom` when the image has resources.
fn list_any(vm: &mut Vm<'_>, args: &[Obj], tuples: bool) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    // The empty str (qstr 1) names the current directory.
    if let Some(list) = vfs_rom::list(vm, args.first().copied().unwrap_or(Obj::qstr(1)), tuples)? {
        return Ok(list);
    }
    let has_root = has_filesystem(vm);
    let list = if has_root {
        list_directory(vm, args, tuples)?
    } else {
        check_directory(vm, args)?;
        vm.new_list(0)?
    };
    vfs_rom::add_mount_point(vm, args.first().copied(), list, tuples, has_root)?;
    Ok(list)
}

fn os_listdir(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    list_any(vm, args, false)
}

fn os_ilistdir(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let list = list_any(vm, args, true)?;
    vm.get_iter(list)
}

/// `stat("/")` is a directory's 10-tuple; every other path has no filesystem.
fn os_stat(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    if let Some(result) = vfs_rom::stat(vm, args[0])? {
        return Ok(result);
    }
    if has_filesystem(vm) {
        let path = resolve(vm, args[0])?;
        let (kind, size) = with_fs(vm, |vfs| {
            if path.as_bytes() == b"/" {
                // littlefs's root has no entry of its own.
                return Ok((EntryKind::Directory, 0));
            }
            vfs.volume.stat(path.as_str()).map(|entry| (entry.kind, entry.size))
        })?;
        let mut fields = [Obj::small(0); 10];
        fields[0] = Obj::small(if kind == EntryKind::Directory { MODE_DIRECTORY } else { MODE_FILE });
        fields[6] = vm.new_int(i64::from(size))?;
        return vm.new_tuple(&fields);
    }
    if !is_root(vm, args[0])? {
        return Err(raise_errno(vm, ENODEV));
    }
    let mut fields = [Obj::small(0); 10];
    fields[0] = Obj::small(MODE_DIRECTORY);
    vm.new_tuple(&fields)
}

fn os_mkdir(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    vfs_rom::refuse_change(vm, args[0], true)?;
    let path = resolve(vm, args[0])?;
    with_fs(vm, |vfs| vfs.volume.mkdir(path.as_str()))?;
    Ok(Obj::NONE)
}

/// `remove`, `rmdir` and `unlink`: a file or an empty directory.
fn os_remove(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    vfs_rom::refuse_change(vm, args[0], false)?;
    let path = resolve(vm, args[0])?;
    with_fs(vm, |vfs| vfs.volume.remove(path.as_str()))?;
    Ok(Obj::NONE)
}

fn os_rename(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    vfs_rom::refuse_rename(vm, args[0], args[1])?;
    let from = resolve(vm, args[0])?;
    let to = resolve(vm, args[1])?;
    with_fs(vm, |vfs| vfs.volume.rename(from.as_str(), to.as_str()))?;
    Ok(Obj::NONE)
}

/// `statvfs(path)`: `(bsize, frsize, blocks, bfree, bavail, files, ffree,
/// favail, flag, namemax)`, as MicroPython's littlefs reports it.
fn os_statvfs(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    if let Some(result) = vfs_rom::statvfs(vm, args[0])? {
        return Ok(result);
    }
    resolve(vm, args[0])?;
    let usage = with_fs(vm, |vfs| vfs.volume.usage())?;
    let free = usage.block_count.saturating_sub(usage.blocks_used);
    let mut fields = [Obj::small(0); 10];
    for (index, value) in [(0, usage.block_size), (1, usage.block_size), (2, usage.block_count), (3, free), (4, free)] {
        fields[index] = vm.new_int(i64::from(value))?;
    }
    fields[9] = Obj::small(NAME_MAX);
    vm.new_tuple(&fields)
}

/// `sync()`: littlefs writes through, and open files commit on `flush`.
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
