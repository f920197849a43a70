//! Filesystems written in Python, as MicroPython mounts them: any object
//! with `mount`, `stat` and `open` methods passed to `vfs.mount(obj,
//! "/point")`, the persistent `sys.path` list whose entries the import
//! searches in them, and `io.IOBase`, the class whose subclasses such a
//! filesystem's `open` returns (the import reads them with `readinto`).
//!
//! What the VM keeps for them lives in one rooted list, `Vm::vfs_objects`,
//! made on first use: `[sys.path, the IOBase class, the mounts]`, the
//! mounts a list of `(mount point, object)` tuples. A soft reset (a new VM)
//! starts without them, as MicroPython's does.
//!
//! The import asks a mounted object as MicroPython's `mp_vfs_import_stat`
//! does: for each `sys.path` entry inside a mount, `stat(PATH)` of
//! `ENTRY/NAME.py`, then `.mpy`, with the path relative to the mount point
//! (`/NAME.mpy` for an entry that is the mount point); an exception means
//! no such file and a mode with the directory bit a directory. The file is
//! then `open(PATH, "rb")` and read with `readinto` into 256-byte
//! bytearrays until one comes back short.

use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

/// The slots of `Vm::vfs_objects`.
const SYS_PATH: u32 = 0;
const IO_BASE: u32 = 1;
const MOUNTS: u32 = 2;

/// How much one `readinto` call asks for.
const READ_CHUNK: usize = 256;

/// The mode bit of a directory in a `stat` result.
const S_IFDIR: i64 = 0x4000;

/// The list of slots, made on first use.
fn slots(vm: &mut Vm<'_>) -> R<Obj> {
    if vm.vfs_objects.is_null() {
        let mounts = vm.new_list(0)?;
        let list = vm.with_roots(&[mounts], |vm| vm.new_list_from(&[Obj::NONE, Obj::NONE, mounts]))?;
        vm.vfs_objects = list;
    }
    Ok(vm.vfs_objects)
}

/// `sys.path`: one list for the VM's life, `['', '.frozen']` and, with a
/// filesystem, `'/lib'` (searched after the image, `import_fs.rs`).
pub fn sys_path(vm: &mut Vm<'_>) -> R<Obj> {
    let slots = slots(vm)?;
    let cached = vm.list_item(slots, SYS_PATH);
    if !cached.is_none() {
        return Ok(cached);
    }
    let frozen = vm.intern_bytes(b".frozen")?;
    let made = vm.with_roots(&[frozen], |vm| {
        if crate::modules::vfs::has_filesystem(vm) {
            let lib = vm.intern_bytes(b"/lib")?;
            vm.with_roots(&[lib], |vm| vm.new_list_from(&[Obj::qstr(1), frozen, lib]))
        } else {
            vm.new_list_from(&[Obj::qstr(1), frozen])
        }
    })?;
    vm.list_set_item(slots, SYS_PATH, made);
    Ok(made)
}

/// Whether `obj` is an instance of a class derived from `io.IOBase` (made
/// only once a program asks for `io.IOBase`, so nothing is made here).
pub fn is_python_stream(vm: &Vm<'_>, obj: Obj) -> bool {
    if vm.vfs_objects.is_null() {
        return false;
    }
    let base = vm.list_item(vm.vfs_objects, IO_BASE);
    !base.is_none() && vm.is_class(vm.type_of(obj)) && vm.is_instance(obj, base)
}

/// `io.IOBase`: a plain class (over `object`) for Python streams to derive from.
pub fn io_base_class(vm: &mut Vm<'_>) -> R<Obj> {
    let slots = slots(vm)?;
    let cached = vm.list_item(slots, IO_BASE);
    if !cached.is_none() {
        return Ok(cached);
    }
    let class = vm.root_scope(|vm| {
        let namespace = vm.new_dict(1)?;
        vm.push_root(namespace)?;
        let bases = vm.new_tuple(&[])?;
        vm.push_root(bases)?;
        let name = vm.intern_bytes(b"IOBase")?;
        vm.new_class(name, bases, namespace)
    })?;
    vm.list_set_item(slots, IO_BASE, class);
    Ok(class)
}

/// `vfs.mount(obj, point)` of a Python filesystem: `obj.mount(False,
/// False)`, then remembered at `point` (EPERM when something is mounted
/// there already).
pub fn mount(vm: &mut Vm<'_>, object: Obj, point: &[u8]) -> R<()> {
    let slots = slots(vm)?;
    let mounts = vm.list_item(slots, MOUNTS);
    for index in 0..vm.list_len(mounts) {
        let entry = vm.list_item(mounts, index);
        if vm.str_bytes(vm.tuple_item(entry, 0)) == point {
            return Err(crate::modules::vfs::raise_errno(vm, crate::modules::vfs::EPERM));
        }
    }
    crate::modules::json::call_method(vm, object, "mount", &[Obj::FALSE, Obj::FALSE])?;
    let point = vm.new_str(point)?;
    let entry = vm.with_roots(&[point], |vm| vm.new_tuple(&[point, object]))?;
    vm.with_roots(&[entry], |vm| vm.list_append(mounts, entry))
}

/// `vfs.umount(point)` of a Python filesystem: false when none is there.
pub fn umount(vm: &mut Vm<'_>, point: &[u8]) -> R<bool> {
    if vm.vfs_objects.is_null() {
        return Ok(false);
    }
    let mounts = vm.list_item(vm.vfs_objects, MOUNTS);
    for index in 0..vm.list_len(mounts) {
        let entry = vm.list_item(mounts, index);
        if vm.str_bytes(vm.tuple_item(entry, 0)) == point {
            let object = vm.tuple_item(entry, 1);
            vm.list_remove_at(mounts, index);
            // MicroPython calls the filesystem's `umount` when it has one.
            let has_umount = match vm.find_qstr(b"umount") {
                Some(id) => vm.with_roots(&[object], |vm| Ok(vm.load_attr(object, Obj::qstr(id)).is_ok()))?,
                None => false,
            };
            vm.exc = Obj::NULL;
            if has_umount {
                vm.with_roots(&[object], |vm| crate::modules::json::call_method(vm, object, "umount", &[]))?;
            }
            return Ok(true);
        }
    }
    Ok(false)
}

/// The mounted object whose point holds the absolute path `path`, and the
/// path inside it (`/…`, or `/` for the point itself).
fn mount_of(vm: &mut Vm<'_>, path: &[u8]) -> Option<(Obj, usize)> {
    if vm.vfs_objects.is_null() {
        return None;
    }
    let mounts = vm.list_item(vm.vfs_objects, MOUNTS);
    for index in 0..vm.list_len(mounts) {
        let entry = vm.list_item(mounts, index);
        let point = vm.str_bytes(vm.tuple_item(entry, 0));
        let inside = path.starts_with(point) && (path.len() == point.len() || path.get(point.len()) == Some(&b'/'));
        if inside {
            return Some((vm.tuple_item(entry, 1), point.len()));
        }
    }
    None
}

/// A module file found in a Python filesystem: the object, the path to
/// open in it, the name for `__file__` and whether it is a `.mpy` file.
pub struct Found {
    pub filesystem: Obj,
    pub inner: Obj,
    pub file: Obj,
    pub compiled: bool,
}

/// Searches the `sys.path` entries inside Python filesystems for `dotted`
/// (`NAME.py`, then `NAME.mpy`). Every object of the answer is in the
/// `sys.path` list or a new str that the caller roots at once.
pub fn find_module(vm: &mut Vm<'_>, dotted: &[u8]) -> R<Option<Found>> {
    if vm.vfs_objects.is_null() || vm.list_len(vm.list_item(vm.vfs_objects, MOUNTS)) == 0 {
        return Ok(None);
    }
    let path_list = sys_path(vm)?;
    let mut index = 0;
    while index < vm.list_len(path_list) {
        let entry = vm.list_item(path_list, index);
        index += 1;
        if !vm.is_str(entry) {
            continue;
        }
        let mut full = [0u8; crate::port::filesystem::PATH_CAPACITY];
        let entry_bytes = vm.str_bytes(entry);
        let (entry_len, name_len) = (entry_bytes.len(), dotted.len());
        if entry_len + name_len + 5 > full.len() || !entry_bytes.starts_with(b"/") {
            continue;
        }
        full[..entry_len].copy_from_slice(entry_bytes);
        let Some((filesystem, point_len)) = mount_of(vm, &full[..entry_len]) else { continue };
        full[entry_len] = b'/';
        for (slot, &byte) in full[entry_len + 1..].iter_mut().zip(dotted) {
            *slot = if byte == b'.' { b'/' } else { byte };
        }
        for extension in [&b".py"[..], b".mpy"] {
            let end = entry_len + 1 + name_len + extension.len();
            full[entry_len + 1 + name_len..end].copy_from_slice(extension);
            // The path inside the mount always starts with `/`.
            let inner_start = if point_len == entry_len { entry_len } else { point_len };
            let inner = vm.new_str(&full[inner_start..end])?;
            let is_file = vm.with_roots(&[filesystem, inner], |vm| stat_is_file(vm, filesystem, inner))?;
            if is_file {
                let file = vm.with_roots(&[inner], |vm| vm.new_str(&full[..end]))?;
                return Ok(Some(Found { filesystem, inner, file, compiled: extension == b".mpy" }));
            }
        }
    }
    Ok(None)
}

/// Whether `filesystem.stat(inner)` names a file: an exception means no.
fn stat_is_file(vm: &mut Vm<'_>, filesystem: Obj, inner: Obj) -> R<bool> {
    let result = crate::modules::json::call_method(vm, filesystem, "stat", &[inner]);
    let Ok(stat) = result else {
        vm.exc = Obj::NULL;
        return Ok(false);
    };
    let mode = vm.with_roots(&[stat], |vm| {
        let first = vm.subscr_get(stat, Obj::small(0))?;
        vm.to_i64(first)
    });
    match mode {
        Ok(mode) => Ok(mode & S_IFDIR == 0),
        Err(_) => {
            vm.exc = Obj::NULL;
            Ok(false)
        }
    }
}

/// The whole file `inner` of `filesystem`, read through the stream its
/// `open(inner, "rb")` returns, as a bytes object.
pub fn read_file(vm: &mut Vm<'_>, filesystem: Obj, inner: Obj) -> R<Obj> {
    let mode = vm.new_str(b"rb")?;
    let stream =
        vm.with_roots(&[mode, inner], |vm| crate::modules::json::call_method(vm, filesystem, "open", &[inner, mode]))?;
    vm.root_scope(|vm| {
        vm.push_root(stream)?;
        let contents = vm.new_buffer(TypeId::Buffer, READ_CHUNK)?;
        vm.push_root(contents)?;
        loop {
            let mark = vm.root_mark();
            let chunk = vm.new_buffer(TypeId::ByteArray, READ_CHUNK)?;
            vm.push_root(chunk)?;
            vm.set_u(chunk, 1, READ_CHUNK as u32);
            let got = crate::modules::json::call_method(vm, stream, "readinto", &[chunk])?;
            let got = if got.is_none() { 0 } else { usize::try_from(vm.to_i64(got)?).unwrap_or(0) };
            let got = got.min(vm.str_len(chunk));
            let mut copy = [0u8; READ_CHUNK];
            copy[..got].copy_from_slice(&vm.str_bytes(chunk)[..got]);
            vm.buffer_push(contents, &copy[..got])?;
            vm.pop_roots(mark);
            if got < READ_CHUNK {
                break;
            }
        }
        vm.buffer_finish(contents, TypeId::Bytes)
    })
}
