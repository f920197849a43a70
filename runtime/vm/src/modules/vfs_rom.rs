//! The read-only volume at `/rom`: the files a manifest's `[[resources]]`
//! froze into the image, read in place, as MicroPython's ROMFS is mounted
//! at `/rom`. It is there whenever the image holds resources, with nothing
//! to mount; `open`, `os` and `vfs.mount` ask [`inside`] first and hand the
//! paths under `/rom` to this file, every other path to the port's volume.
//!
//! A resource's name is its path below `/rom` (`www/index.html`); the
//! directories are the names' leading parts, so `os.listdir('/rom/www')`
//! lists what lies one level below, sorted by the entries' own names as
//! MicroPython's ROMFS writer (mpremote) stores them. A listing of `/`
//! names `rom` first, as MicroPython lists its mount points; `chdir` goes
//! to `/rom` itself only, as MicroPython's VfsRom allows.
//!
//! The files are MicroPython's `vfs_rom_file.c`: binary mode gives a
//! `FileIO`, text mode a `TextIOWrapper`, with `read`, `readinto`,
//! `readline`, `readlines`, iteration, `seek`, `tell`, `close` and `with`;
//! a mode with `w`, `a` or `+` raises `OSError(EROFS)` (30), and there is no
//! `write`. A `FileIO` has the buffer protocol: `memoryview(f)` is a view of
//! the resource's bytes object in the image, so it copies nothing. `close`
//! does nothing (the file holds no resource), so a closed file still reads,
//! as on MicroPython. Seeking past the end stops at the end; a negative
//! position raises `OSError(EINVAL)` and, unlike MicroPython's, leaves the
//! position where it was.
//!
//! Changing the volume (`mkdir`, `remove`, `rmdir`, `rename`) raises the
//! errors a read-only littlefs mount on MicroPython raises, `OSError(EROFS)`
//! for what exists, where MicroPython's VfsRom has no such methods at all
//! (AttributeError); a rename between `/rom` and another volume raises
//! `EPERM`, as MicroPython's VFS layer does. `stat` and `ilistdir` give a
//! directory the size 0 (MicroPython gives its ROMFS record's length);
//! `statvfs` gives the resources' total size as its block count of 1-byte
//! blocks.
//!
//! Layout of a file (words): `type, resource index, position`.

use crate::builtins::{check_args, Handler};
use crate::image::ImageView;
use crate::modules::vfs::{raise_errno, resolve, Path};
use crate::native::NativeType;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::{any_static_qstr, qstr_id, END_STATIC_QSTRS};

/// Where the volume is mounted.
pub const MOUNT_POINT: &[u8] = b"/rom";

const EPERM: i32 = 1;
const ENOENT: i32 = 2;
const EEXIST: i32 = 17;
const EISDIR: i32 = 21;
const EROFS: i32 = 30;
const EOPNOTSUPP: i32 = 95;

/// The mode of a directory in `stat` results.
const MODE_DIRECTORY: i32 = 0x4000;
/// The mode of a regular file in `stat` results.
const MODE_FILE: i32 = 0x8000;
/// `statvfs`'s last field, MicroPython's VfsRom's.
const NAME_MAX: i32 = 32767;

/// A binary file: the stream methods and the buffer protocol.
pub static ROM_FILE_TYPE: NativeType =
    NativeType { methods: FILE_METHODS, iter_next: Some(next_line), buffer: Some(buffer), ..NativeType::EMPTY };

/// A text file: the same methods, reading str, without the buffer protocol.
pub static ROM_TEXT_TYPE: NativeType =
    NativeType { methods: FILE_METHODS, iter_next: Some(next_line), ..NativeType::EMPTY };

static FILE_METHODS: &[(u16, Handler)] = &[
    (qstr_id("__enter__"), crate::modules::io::stream_enter),
    (qstr_id("__exit__"), exit),
    (qstr_id("close"), close),
    (qstr_id("read"), read),
    (qstr_id("readinto"), readinto),
    (qstr_id("readline"), readline),
    (qstr_id("readlines"), readlines),
    (qstr_id("seek"), seek),
    (qstr_id("tell"), tell),
];

/// Whether the image holds resources, so `/rom` is mounted.
pub fn is_mounted(vm: &Vm<'_>) -> bool {
    vm.image.resource_count() > 0
}

/// The part of `path` below `/rom` (empty for `/rom` itself), or `None`
/// when the path is elsewhere or the volume is not mounted.
pub fn inside<'p>(vm: &Vm<'_>, path: &'p Path) -> Option<&'p [u8]> {
    if !is_mounted(vm) {
        return None;
    }
    let bytes = path.as_bytes();
    if bytes == MOUNT_POINT {
        return Some(b"");
    }
    bytes.strip_prefix(MOUNT_POINT)?.strip_prefix(b"/")
}

/// The path a str argument names, when it lies under the mounted `/rom`.
fn resolve_inside(vm: &mut Vm<'_>, path: Obj) -> R<Option<Path>> {
    if !is_mounted(vm) {
        return Ok(None);
    }
    let path = resolve(vm, path)?;
    Ok(inside(vm, &path).is_some().then_some(path))
}

/// The name of resource `index` (empty for a broken entry).
fn resource_name<'a>(image: &ImageView<'a>, index: u32) -> &'a [u8] {
    let (id, _) = image.resource_entry(index);
    if id < u32::from(END_STATIC_QSTRS) {
        return u16::try_from(id).ok().and_then(any_static_qstr).map(str::as_bytes).unwrap_or(&[]);
    }
    match id.checked_sub(image.first_qstr) {
        Some(pool_index) if pool_index < image.qstr_count => image.qstr_bytes(pool_index),
        _ => &[],
    }
}

/// What a name below `/rom` is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Found {
    File(u32),
    Directory,
    Missing,
}

/// Looks `name` up: a resource of that name, or the leading part of one.
fn lookup(image: &ImageView<'_>, name: &[u8]) -> Found {
    if name.is_empty() {
        return Found::Directory;
    }
    let mut found = Found::Missing;
    for index in 0..image.resource_count() {
        let resource = resource_name(image, index);
        if resource == name {
            return Found::File(index);
        }
        if resource.len() > name.len() && resource.starts_with(name) && resource[name.len()] == b'/' {
            found = Found::Directory;
        }
    }
    found
}

/// One entry of a directory listing.
struct Entry<'a> {
    name: &'a [u8],
    directory: bool,
    size: usize,
}

/// The entry of resource `index` directly inside the directory `dir`
/// (empty: the root), if the resource lies below it.
fn child_of<'a>(image: &ImageView<'a>, dir: &[u8], index: u32) -> Option<Entry<'a>> {
    let name = resource_name(image, index);
    let rest = if dir.is_empty() { name } else { name.strip_prefix(dir)?.strip_prefix(b"/")? };
    let (child, directory) = match rest.iter().position(|&byte| byte == b'/') {
        Some(slash) => (&rest[..slash], true),
        None => (rest, false),
    };
    let size = if directory { 0 } else { image.resource_data(index).len() };
    (!child.is_empty()).then_some(Entry { name: child, directory, size })
}

/// The entries directly inside the directory `dir`, each once, sorted by
/// their own names as MicroPython's ROMFS writer stores them (the table's
/// order by whole names differs: `img.txt` comes before `img/a.svg`). Each
/// step looks for the least name after the last one, so a listing takes no
/// memory; a board's resources are few.
fn children<'a, 'd>(image: ImageView<'a>, dir: &'d [u8]) -> impl Iterator<Item = Entry<'a>> + 'd
where
    'a: 'd,
{
    let mut previous: Option<&'a [u8]> = None;
    core::iter::from_fn(move || {
        let mut least: Option<Entry<'a>> = None;
        for index in 0..image.resource_count() {
            let Some(entry) = child_of(&image, dir, index) else { continue };
            if previous.is_some_and(|previous| entry.name <= previous) {
                continue;
            }
            if least.as_ref().is_none_or(|least| entry.name < least.name) {
                least = Some(entry);
            }
        }
        previous = least.as_ref().map(|entry| entry.name);
        least
    })
}

/// `stat` of a path under `/rom`; `None` for a path elsewhere.
pub fn stat(vm: &mut Vm<'_>, path: Obj) -> R<Option<Obj>> {
    let Some(path) = resolve_inside(vm, path)? else { return Ok(None) };
    let name = inside(vm, &path).unwrap_or_default();
    let image = vm.image;
    let (mode, size) = match lookup(&image, name) {
        Found::File(index) => (MODE_FILE, image.resource_data(index).len()),
        Found::Directory => (MODE_DIRECTORY, 0),
        Found::Missing => return Err(raise_errno(vm, ENOENT)),
    };
    let mut fields = [Obj::small(0); 10];
    fields[0] = Obj::small(mode);
    fields[6] = vm.new_int(size as i64)?;
    vm.new_tuple(&fields).map(Some)
}

/// `statvfs` of a path under `/rom`: 1-byte blocks, all in use.
pub fn statvfs(vm: &mut Vm<'_>, path: Obj) -> R<Option<Obj>> {
    if resolve_inside(vm, path)?.is_none() {
        return Ok(None);
    }
    let image = vm.image;
    let total: usize = (0..image.resource_count()).map(|index| image.resource_data(index).len()).sum();
    let mut fields = [Obj::small(0); 10];
    fields[0] = Obj::small(1);
    fields[2] = vm.new_int(total as i64)?;
    fields[9] = Obj::small(NAME_MAX);
    vm.new_tuple(&fields).map(Some)
}

/// `listdir` (names) or `ilistdir` (tuples `(name, type, 0, size)`) of a
/// directory under `/rom`, as a list; `None` for a path elsewhere.
pub fn list(vm: &mut Vm<'_>, path: Obj, tuples: bool) -> R<Option<Obj>> {
    let Some(path) = resolve_inside(vm, path)? else { return Ok(None) };
    let dir = inside(vm, &path).unwrap_or_default();
    let image = vm.image;
    if lookup(&image, dir) != Found::Directory {
        return Err(raise_errno(vm, ENOENT));
    }
    let list = vm.new_list(4)?;
    vm.with_roots(&[list], |vm| {
        for entry in children(image, dir) {
            let name = vm.new_str(entry.name)?;
            let item = if tuples {
                vm.with_roots(&[name], |vm| {
                    let kind = if entry.directory { MODE_DIRECTORY } else { MODE_FILE };
                    let size = vm.new_int(entry.size as i64)?;
                    vm.new_tuple(&[name, Obj::small(kind), Obj::small(0), size])
                })?
            } else {
                name
            };
            vm.list_append(list, item)?;
        }
        Ok(())
    })?;
    Ok(Some(list))
}

/// Puts the mount point first in a listing of `/`, as MicroPython's VFS
/// lists its mount points before the volume mounted at `/`: for an
/// absolute path, or any path when no volume is mounted at `/` (MicroPython
/// takes a relative path to the current volume instead).
pub fn add_mount_point(vm: &mut Vm<'_>, path: Option<Obj>, list: Obj, tuples: bool, has_root: bool) -> R<()> {
    if !is_mounted(vm) {
        return Ok(());
    }
    let absolute = match path {
        Some(path) => {
            vm.expect_str(path, "path")?;
            vm.str_bytes(path).first() == Some(&b'/')
        }
        None => false,
    };
    if has_root && !absolute {
        return Ok(());
    }
    let resolved = resolve(vm, path.unwrap_or(Obj::qstr(1)))?;
    if resolved.as_bytes() != b"/" {
        return Ok(());
    }
    vm.with_roots(&[list], |vm| {
        let name = vm.new_str(&MOUNT_POINT[1..])?;
        // MicroPython lists a mount point as a 3-tuple.
        let item = if tuples {
            vm.with_roots(&[name], |vm| vm.new_tuple(&[name, Obj::small(MODE_DIRECTORY), Obj::small(0)]))?
        } else {
            name
        };
        vm.list_insert(list, 0, item)
    })
}

/// `mkdir`, `remove` and `rmdir` of a path under `/rom`: always an error,
/// the one a read-only littlefs mount gives (it looks the path up before
/// it refuses to write): EEXIST for a directory over an existing name,
/// ENOENT for removing a missing one or a directory in a missing one, else
/// EROFS.
pub fn refuse_change(vm: &mut Vm<'_>, path: Obj, making_directory: bool) -> R<()> {
    let Some(path) = resolve_inside(vm, path)? else { return Ok(()) };
    let name = inside(vm, &path).unwrap_or_default();
    let parent = &name[..name.iter().rposition(|&byte| byte == b'/').unwrap_or(0)];
    let errno = match (making_directory, lookup(&vm.image, name)) {
        (true, Found::Missing) if lookup(&vm.image, parent) != Found::Directory => ENOENT,
        (true, Found::Missing) => EROFS,
        (true, _) => EEXIST,
        (false, Found::Missing) => ENOENT,
        (false, _) => EROFS,
    };
    Err(raise_errno(vm, errno))
}

/// `rename` with either path under `/rom`: EPERM across volumes, as
/// MicroPython's VFS layer says; inside the volume ENOENT for a missing
/// source, else EROFS.
pub fn refuse_rename(vm: &mut Vm<'_>, from: Obj, to: Obj) -> R<()> {
    let from = resolve_inside(vm, from)?;
    let to_inside = resolve_inside(vm, to)?.is_some();
    let errno = match (&from, to_inside) {
        (None, false) => return Ok(()),
        (Some(from), true) => match lookup(&vm.image, inside(vm, from).unwrap_or_default()) {
            Found::Missing => ENOENT,
            _ => EROFS,
        },
        _ => EPERM,
    };
    Err(raise_errno(vm, errno))
}

/// `chdir` to a path under `/rom`: its root only, as MicroPython's VfsRom
/// allows; the current directory is kept with the port's volume, so a port
/// without one cannot go there. `false` for a path elsewhere.
pub fn chdir(vm: &mut Vm<'_>, path: Obj) -> R<bool> {
    let Some(path) = resolve_inside(vm, path)? else { return Ok(false) };
    if path.as_bytes() != MOUNT_POINT {
        return Err(raise_errno(vm, EOPNOTSUPP));
    }
    match vm.port.filesystem() {
        Some(vfs) => {
            vfs.state.set_cwd(MOUNT_POINT);
            Ok(true)
        }
        None => Err(raise_errno(vm, EOPNOTSUPP)),
    }
}

/// `vfs.mount(obj, '/rom')` while the volume is there: EPERM, as for any
/// mount point in use.
pub fn refuse_mount(vm: &mut Vm<'_>, point: &Path) -> R<()> {
    if is_mounted(vm) && point.as_bytes() == MOUNT_POINT {
        return Err(raise_errno(vm, EPERM));
    }
    Ok(())
}

/// `open(path, mode)` of a path under `/rom`; `None` for a path elsewhere.
/// The mode is read as MicroPython's VfsRom reads it: `w`, `a` and `+`
/// raise EROFS, `b` and `t` choose the type, anything else is ignored.
pub fn open(vm: &mut Vm<'_>, path: Obj, mode: Option<Obj>) -> R<Option<Obj>> {
    let Some(path) = resolve_inside(vm, path)? else { return Ok(None) };
    let mut type_id = TypeId::RomTextIOWrapper;
    if let Some(mode) = mode {
        vm.expect_str(mode, "mode")?;
        for index in 0..vm.str_len(mode) {
            match vm.str_bytes(mode)[index] {
                b'w' | b'a' | b'+' => return Err(raise_errno(vm, EROFS)),
                b'b' => type_id = TypeId::RomFileIO,
                b't' => type_id = TypeId::RomTextIOWrapper,
                _ => {}
            }
        }
    }
    let name = inside(vm, &path).unwrap_or_default();
    let index = match lookup(&vm.image, name) {
        Found::File(index) => index,
        Found::Directory => return Err(raise_errno(vm, EISDIR)),
        Found::Missing => return Err(raise_errno(vm, ENOENT)),
    };
    let file = vm.alloc_typed(type_id, 3)?;
    vm.set(file, 1, Obj::small(index as i32));
    vm.set(file, 2, Obj::small(0));
    Ok(Some(file))
}

/// A `/rom` file argument: the file, its contents and its position.
fn file_arg<'a>(vm: &mut Vm<'a>, args: &[Obj]) -> R<(Obj, &'a [u8], usize)> {
    let file = match args.first() {
        Some(&file) if matches!(vm.native_type(file), TypeId::RomFileIO | TypeId::RomTextIOWrapper) => file,
        Some(&other) => return Err(vm.type_error_for("expected a file, not", other)),
        None => return Err(vm.raise_msg(TypeId::TypeError, "missing self")),
    };
    let data = vm.image.resource_data(vm.get(file, 1).small_value() as u32);
    let position = (vm.get(file, 2).small_value().max(0) as usize).min(data.len());
    Ok((file, data, position))
}

fn set_position(vm: &mut Vm<'_>, file: Obj, position: usize) {
    vm.set(file, 2, Obj::small(position as i32));
}

/// A str (text mode) or bytes of `bytes`.
fn new_text_or_bytes(vm: &mut Vm<'_>, file: Obj, bytes: &[u8]) -> R<Obj> {
    if vm.native_type(file) == TypeId::RomTextIOWrapper {
        vm.new_str(bytes)
    } else {
        vm.new_bytes(bytes)
    }
}

/// The length in bytes of the UTF-8 character whose first byte is `lead`,
/// as MicroPython's text streams count it (5 for a byte no character starts with).
fn char_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        _ if lead & 0xe0 == 0xc0 => 2,
        _ if lead & 0xf0 == 0xe0 => 3,
        _ if lead & 0xf8 == 0xf0 => 4,
        _ => 5,
    }
}

/// `read(size=-1)`: all that is left, or `size` bytes (binary) or characters (text).
fn read(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let (file, data, position) = file_arg(vm, args)?;
    let left = &data[position..];
    let take = match args.get(1) {
        Some(&size) => match usize::try_from(vm.to_i64(size)?) {
            Ok(count) if vm.native_type(file) == TypeId::RomTextIOWrapper => {
                let mut end = 0;
                for _ in 0..count {
                    if end >= left.len() {
                        break;
                    }
                    end = (end + char_len(left[end])).min(left.len());
                }
                end
            }
            Ok(count) => count.min(left.len()),
            Err(_) => left.len(),
        },
        None => left.len(),
    };
    let result = new_text_or_bytes(vm, file, &left[..take])?;
    set_position(vm, file, position + take);
    Ok(result)
}

/// `readinto(buf[, nbytes])`: fills a bytearray, an array or a writable
/// memoryview in place and returns how many bytes it read.
fn readinto(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    let (file, data, position) = file_arg(vm, args)?;
    let target = args[1];
    vm.require_writable_buffer(target)?;
    let (address, len) = if vm.native_type(target) == TypeId::MemoryView {
        vm.memoryview_data(target)
    } else {
        (vm.get_u(target, 3), vm.get_u(target, 1) as usize)
    };
    // A negative count is huge, as MicroPython truncates it to `size_t`.
    let limit = match args.get(2) {
        Some(&count) => usize::try_from(vm.to_i64(count)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let take = len.min(limit).min(data.len() - position);
    vm.heap.bytes_mut(address, take).copy_from_slice(&data[position..position + take]);
    set_position(vm, file, position + take);
    vm.new_int(take as i64)
}

/// `readline(size=-1)`: up to and including the next newline, at most
/// `size` bytes when it is not negative.
fn readline(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let (file, data, position) = file_arg(vm, args)?;
    let left = &data[position..];
    let limit = match args.get(1) {
        Some(&size) => usize::try_from(vm.to_i64(size)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let line_end = left.iter().position(|&byte| byte == b'\n').map_or(left.len(), |at| at + 1);
    let take = line_end.min(limit);
    let line = new_text_or_bytes(vm, file, &left[..take])?;
    set_position(vm, file, position + take);
    Ok(line)
}

/// Iteration yields lines until one comes back empty.
fn next_line(vm: &mut Vm<'_>, file: Obj) -> R<Option<Obj>> {
    let line = readline(vm, &[file], &[])?;
    Ok((vm.str_len(line) != 0).then_some(line))
}

fn readlines(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let (file, _, _) = file_arg(vm, args)?;
    let lines = vm.new_list(4)?;
    vm.with_roots(&[lines], |vm| {
        while let Some(line) = next_line(vm, file)? {
            vm.list_append(lines, line)?;
        }
        Ok(lines)
    })
}

/// `seek(offset, whence=0)`: returns the new position. Past the end stops
/// at the end; before the start raises EINVAL and does not move.
fn seek(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    let (file, data, position) = file_arg(vm, args)?;
    // MicroPython's VfsRom takes any whence but 0 and 1 as from the end.
    let target = crate::modules::io::seek_target(vm, args, position, data.len())?;
    let target = (target as u64).min(data.len() as u64) as usize;
    set_position(vm, file, target);
    vm.new_int(target as i64)
}

fn tell(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let (_, _, position) = file_arg(vm, args)?;
    vm.new_int(position as i64)
}

/// `close()`: nothing to release, as on MicroPython.
fn close(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    file_arg(vm, args)?;
    Ok(Obj::NONE)
}

fn exit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 4)?;
    close(vm, &args[..1], &[])
}

/// The buffer protocol of a binary file: the resource's bytes object in the image.
fn buffer(vm: &Vm<'_>, file: Obj) -> (Obj, u32) {
    let index = vm.get(file, 1).small_value() as u32;
    let (_, object) = vm.image.resource_entry(index);
    (Obj(object), vm.image.resource_data(index).len() as u32)
}
