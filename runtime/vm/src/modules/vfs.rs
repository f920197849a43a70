//! The `vfs` module and the path handling that `open` and `os` share.
//!
//! The port mounts its filesystem at `/` ([`Port::filesystem`]); a path is
//! made absolute against the current directory, which the port keeps in its
//! [`VfsState`], and normalised (`.` and `..` resolved) before littlefs sees
//! it. A filesystem error becomes `OSError(errno)` with MicroPython's number;
//! a path when nothing is mounted raises `OSError(ENODEV)`, as MicroPython
//! does.
//!
//! `vfs.umount('/')` unmounts the port's filesystem (closing its open files)
//! and `vfs.mount(vfs.VfsLfs2(None), '/')` mounts it again, formatting it
//! first when asked with `VfsLfs2.mkfs(None)`; rime has one volume per
//! port, so the block device argument must be `None`, and mount points
//! other than `/` raise `OSError(EPERM)`. The image's resources are a
//! read-only volume at `/rom` (`vfs_rom.rs`), which `open` and `os` ask
//! about a path first.
//!
//! [`Port::filesystem`]: crate::Port::filesystem

use crate::builtins::{check_args, Handler};
use crate::native::{NativeModule, NativeType};
use crate::obj::{Obj, TypeId};
use crate::port::filesystem::{FsError, Vfs, VfsState, PATH_CAPACITY};
use crate::vm::{Raised, Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

/// `EPERM`: what MicroPython raises for a mount point already in use.
pub const EPERM: i32 = 1;

pub static MODULE: NativeModule = NativeModule {
    name: "vfs",
    functions: FUNCTIONS,
    constants: &[("VfsLfs2", TypeId::VfsLfs2.obj())],
    attr: None,
};

static FUNCTIONS: &[(&str, Handler)] = &[("mount", vfs_mount), ("umount", vfs_umount)];

/// `vfs.VfsLfs2(bdev)`: a handle on the port's littlefs volume.
pub static VFS_LFS2_TYPE: NativeType =
    NativeType { methods: VFS_LFS2_METHODS, make_new: Some(construct_lfs2), ..NativeType::EMPTY };

static VFS_LFS2_METHODS: &[(u16, Handler)] = &[(qstr_id("mkfs"), lfs2_mkfs)];

/// Raises `OSError(errno)` with MicroPython's errno for `error`.
pub fn raise_fs(vm: &mut Vm<'_>, error: FsError) -> Raised {
    raise_errno(vm, error.errno())
}

/// Raises `OSError(errno)` (the number is the only argument, as MicroPython's).
pub fn raise_errno(vm: &mut Vm<'_>, errno: i32) -> Raised {
    match vm.new_exception(TypeId::OSError.obj(), &[Obj::small(errno)]) {
        Ok(exc) => vm.raise(exc),
        Err(raised) => raised,
    }
}

/// Whether the port's filesystem is mounted; when it is not (or the port
/// has none), `os` behaves as MicroPython's with nothing mounted.
pub fn has_filesystem(vm: &mut Vm<'_>) -> bool {
    vm.port.filesystem().is_some_and(|vfs| vfs.volume.is_mounted())
}

/// Runs `body` on the mounted filesystem; `FsError::NotMounted` when the
/// port has none or it is unmounted. Errors become `OSError`.
pub fn with_fs<T>(vm: &mut Vm<'_>, body: impl FnOnce(Vfs<'_>) -> Result<T, FsError>) -> R<T> {
    let result = match vm.port.filesystem() {
        Some(vfs) if vfs.volume.is_mounted() => body(vfs),
        _ => Err(FsError::NotMounted),
    };
    result.map_err(|error| raise_fs(vm, error))
}

/// An absolute, normalised path: `/` or `/a/b`, no `.`, `..` or `//`.
pub struct Path {
    bytes: [u8; PATH_CAPACITY],
    len: usize,
}

impl Path {
    pub fn as_str(&self) -> &str {
        // Built only from the bytes of str objects and of earlier paths,
        // split at `/`, so it is UTF-8; the fallback is never taken.
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or("/")
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// The path of `relative` taken from `base` (an absolute path).
    pub fn join(base: &[u8], relative: &[u8]) -> Result<Path, FsError> {
        let mut path = Path { bytes: [0; PATH_CAPACITY], len: 0 };
        let start: &[u8] = if relative.first() == Some(&b'/') { b"" } else { base };
        for component in start.split(|&byte| byte == b'/').chain(relative.split(|&byte| byte == b'/')) {
            match component {
                b"" | b"." => {}
                b".." => {
                    let parent = path.bytes[..path.len].iter().rposition(|&byte| byte == b'/').unwrap_or(0);
                    path.len = parent;
                }
                name => {
                    let end = path.len + 1 + name.len();
                    if end > PATH_CAPACITY {
                        return Err(FsError::NameTooLong);
                    }
                    path.bytes[path.len] = b'/';
                    path.bytes[path.len + 1..end].copy_from_slice(name);
                    path.len = end;
                }
            }
        }
        if path.len == 0 {
            path.bytes[0] = b'/';
            path.len = 1;
        }
        Ok(path)
    }
}

/// The absolute path a str argument names (TypeError for a non-str).
pub fn resolve(vm: &mut Vm<'_>, path: Obj) -> R<Path> {
    vm.expect_str(path, "path")?;
    let mut relative = [0u8; PATH_CAPACITY];
    let given = vm.str_bytes(path);
    if given.len() > PATH_CAPACITY {
        return Err(raise_fs(vm, FsError::NameTooLong));
    }
    let len = given.len();
    relative[..len].copy_from_slice(given);
    let default_state = VfsState::default();
    let joined = match vm.port.filesystem() {
        Some(vfs) => Path::join(vfs.state.cwd(), &relative[..len]),
        None => Path::join(default_state.cwd(), &relative[..len]),
    };
    joined.map_err(|error| raise_fs(vm, error))
}

/// `vfs.mount(fs, mount_point)`: the port's volume, only at `/`, or a
/// filesystem written in Python anywhere else (`vfs_user.rs`).
fn vfs_mount(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    if vm.native_type(args[0]) != TypeId::VfsLfs2 {
        let point = resolve(vm, args[1])?;
        crate::modules::vfs_rom::refuse_mount(vm, &point)?;
        if point.as_bytes() == b"/" {
            return Err(raise_errno(vm, EPERM));
        }
        crate::modules::vfs_user::mount(vm, args[0], point.as_bytes())?;
        return Ok(Obj::NONE);
    }
    let point = resolve(vm, args[1])?;
    if point.as_bytes() != b"/" {
        return Err(raise_errno(vm, EPERM));
    }
    let result = match vm.port.filesystem() {
        Some(vfs) if vfs.volume.is_mounted() => Err(FsError::Invalid),
        Some(vfs) => vfs.volume.mount(),
        None => Err(FsError::NotMounted),
    };
    match result {
        Ok(()) => Ok(Obj::NONE),
        // MicroPython: mounting over a mount point in use is EPERM.
        Err(FsError::Invalid) => Err(raise_errno(vm, EPERM)),
        Err(error) => Err(raise_fs(vm, error)),
    }
}

/// `vfs.umount(mount_point)`: unmounts the port's volume from `/`.
fn vfs_umount(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let point = resolve(vm, args[0])?;
    if point.as_bytes() != b"/" {
        if crate::modules::vfs_user::umount(vm, point.as_bytes())? {
            return Ok(Obj::NONE);
        }
        return Err(raise_fs(vm, FsError::Invalid));
    }
    with_fs(vm, |vfs| {
        vfs.state.set_cwd(b"/");
        vfs.state.forget_all_files();
        vfs.volume.unmount()
    })?;
    Ok(Obj::NONE)
}

/// The block device argument: rime has one volume per port, named `None`.
fn check_device(vm: &mut Vm<'_>, args: &[Obj]) -> R<()> {
    match args.first() {
        Some(device) if device.is_none() => Ok(()),
        Some(&device) => Err(vm.type_error_for("rime mounts the port's own flash; expected None, not", device)),
        None => Err(vm.raise_msg(TypeId::TypeError, "function missing required positional argument #1")),
    }
}

fn construct_lfs2(vm: &mut Vm<'_>, type_id: TypeId, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    check_device(vm, args)?;
    vm.alloc_typed(type_id, 1)
}

/// `VfsLfs2.mkfs(None)`: formats the port's volume (it must be unmounted).
fn lfs2_mkfs(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    // Called on the class or on an instance: the device is the last argument.
    let device = &args[args.len().saturating_sub(1)..];
    check_device(vm, device)?;
    let result = match vm.port.filesystem() {
        Some(vfs) if vfs.volume.is_mounted() => Err(FsError::Invalid),
        Some(vfs) => vfs.volume.format(),
        None => Err(FsError::NotMounted),
    };
    match result {
        Ok(()) => Ok(Obj::NONE),
        Err(FsError::Invalid) => Err(raise_errno(vm, EPERM)),
        Err(error) => Err(raise_fs(vm, error)),
    }
}
