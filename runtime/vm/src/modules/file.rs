//! Files on the port's filesystem: the builtin `open` and the file types
//! `io.TextIOWrapper` (text mode) and `io.FileIO` (binary mode), as
//! MicroPython's littlefs files behave. Paths under `/rom` open the
//! image's resources instead (`vfs_rom.rs`).
//!
//! Layout (words): `type, handle, mode`. The handle is the filesystem's
//! `FileHandle` as a small int, -1 once closed; the mode holds the bits
//! below. The open file itself (littlefs's state and cache) lives in one of
//! the port's few file slots (`OSError(EMFILE)` when all are in use). The
//! VM has no finalisers, so a file object dropped without `close` keeps its
//! slot until an `open` finds none free: that `open` collects, closes the
//! slots whose objects the collector freed (their data is written as by
//! `close`), and tries again.
//!
//! Text mode reads whole characters (`read(n)` reads n of them) and returns
//! str; binary mode returns bytes. `write` takes str or any bytes-like
//! object in both modes, as MicroPython's does. An operation on a closed
//! file raises `ValueError`; filesystem errors raise `OSError(errno)`.

use crate::builtins::{check_args, Handler};
use crate::modules::vfs::{raise_fs, resolve, with_fs};
use crate::native::NativeType;
use crate::obj::{Obj, TypeId};
use crate::port::filesystem::{FileHandle, FsError, OpenFlags, Whence};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

/// Mode bits (word 2).
const READABLE: i32 = 1;
const WRITABLE: i32 = 2;

/// Bytes moved through the stack per filesystem call.
const CHUNK: usize = 256;

pub static FILE_TYPE: NativeType =
    NativeType { methods: FILE_METHODS, iter_next: Some(next_line), ..NativeType::EMPTY };

static FILE_METHODS: &[(u16, Handler)] = &[
    (qstr_id("__enter__"), crate::modules::io::stream_enter),
    (qstr_id("__exit__"), exit),
    (qstr_id("close"), close),
    (qstr_id("flush"), flush),
    (qstr_id("read"), read),
    (qstr_id("readinto"), readinto),
    (qstr_id("readline"), readline),
    (qstr_id("readlines"), readlines),
    (qstr_id("seek"), seek),
    (qstr_id("tell"), tell),
    (qstr_id("write"), write),
];

/// The flags and the text flag of a mode string such as `"r"`, `"wb"`,
/// `"a+"`, read as MicroPython's littlefs reads it: other characters are
/// ignored, and a second `r`, `w`, `x` or `a` (or one after `+`) is an error.
fn parse_mode(mode: &[u8]) -> Option<(OpenFlags, bool)> {
    let mut flags: Option<OpenFlags> = None;
    let mut text = true;
    for &byte in mode {
        let kind = match byte {
            b'r' => OpenFlags { read: true, ..OpenFlags::default() },
            b'w' => OpenFlags { write: true, create: true, truncate: true, ..OpenFlags::default() },
            b'x' => OpenFlags { write: true, create: true, exclusive: true, ..OpenFlags::default() },
            b'a' => OpenFlags { write: true, create: true, append: true, ..OpenFlags::default() },
            b'+' => {
                flags = Some(OpenFlags { read: true, write: true, ..flags.unwrap_or_default() });
                continue;
            }
            b'b' => {
                text = false;
                continue;
            }
            b't' => {
                text = true;
                continue;
            }
            _ => continue,
        };
        if flags.is_some() {
            return None;
        }
        flags = Some(kind);
    }
    Some((flags.unwrap_or(OpenFlags { read: true, ..OpenFlags::default() }), text))
}

/// `open(file, mode='r', ...)`; further arguments (buffering, encoding) are ignored.
pub fn open(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 8)?;
    let mode = args.get(1).copied().or_else(|| crate::builtins::keyword(vm, kw, "mode"));
    if let Some(file) = crate::modules::vfs_rom::open(vm, args[0], mode)? {
        return Ok(file);
    }
    let (flags, text) = match mode {
        Some(mode) => {
            vm.expect_str(mode, "mode")?;
            match parse_mode(vm.str_bytes(mode)) {
                Some(parsed) => parsed,
                None => {
                    let exc = vm.new_exception(TypeId::ValueError.obj(), &[])?;
                    return Err(vm.raise(exc));
                }
            }
        }
        None => (OpenFlags { read: true, ..OpenFlags::default() }, true),
    };
    let path = resolve(vm, args[0])?;
    // The object first, so a MemoryError cannot leave a file open.
    let file = vm.alloc_typed(if text { TypeId::TextIOWrapper } else { TypeId::FileIO }, 3)?;
    vm.set(file, 1, Obj::small(-1));
    let opened = with_fs(vm, |vfs| Ok(vfs.volume.open(path.as_str(), flags)))?;
    let handle = match opened {
        Err(FsError::TooManyOpen) => vm.with_roots(&[file], |vm| {
            vm.collect();
            close_unreachable_files(vm);
            with_fs(vm, |vfs| vfs.volume.open(path.as_str(), flags))
        })?,
        other => other.map_err(|error| raise_fs(vm, error))?,
    };
    if let Some(vfs) = vm.port.filesystem() {
        vfs.state.remember_file(handle, file.0);
    }
    let mut mode_bits = 0;
    if flags.read {
        mode_bits |= READABLE;
    }
    if flags.write {
        mode_bits |= WRITABLE;
    }
    vm.set(file, 1, Obj::small(handle.to_bits() as i32));
    vm.set(file, 2, Obj::small(mode_bits));
    Ok(file)
}

/// Closes the file slots whose file objects the last collection freed: an
/// object is alive when its address still starts an allocation holding a
/// file object with the same handle (a handle's slot is not handed out
/// again while it is open, so a new object there cannot hold it).
fn close_unreachable_files(vm: &mut Vm<'_>) {
    let mut remembered = [(0u32, FileHandle::from_bits(0)); crate::port::filesystem::REMEMBERED_FILES];
    let mut count = 0;
    if let Some(vfs) = vm.port.filesystem() {
        for entry in vfs.state.remembered_files() {
            remembered[count] = entry;
            count += 1;
        }
    }
    for &(address, handle) in &remembered[..count] {
        let object = Obj(address);
        let alive = vm.heap.is_head(address)
            && matches!(vm.native_type(object), TypeId::TextIOWrapper | TypeId::FileIO)
            && vm.get(object, 1).small_value() == handle.to_bits() as i32;
        if !alive {
            if let Some(vfs) = vm.port.filesystem() {
                // Its data goes to the device as on `close`; an error has no one to go to.
                let _ = vfs.volume.close(handle);
                vfs.state.forget_file(handle);
            }
        }
    }
}

/// The file `self` and its handle; ValueError once it is closed.
fn open_file(vm: &mut Vm<'_>, args: &[Obj]) -> R<(Obj, FileHandle)> {
    let this = match args.first() {
        Some(&this) if matches!(vm.native_type(this), TypeId::TextIOWrapper | TypeId::FileIO) => this,
        Some(&other) => return Err(vm.type_error_for("expected a file, not", other)),
        None => return Err(vm.raise_msg(TypeId::TypeError, "missing self")),
    };
    let handle = vm.get(this, 1).small_value();
    if handle < 0 {
        let exc = vm.new_exception(TypeId::ValueError.obj(), &[])?;
        return Err(vm.raise(exc));
    }
    Ok((this, FileHandle::from_bits(handle as u32)))
}

fn is_text(vm: &Vm<'_>, file: Obj) -> bool {
    vm.native_type(file) == TypeId::TextIOWrapper
}

/// Whether `byte` starts a UTF-8 character (is not a continuation byte).
fn starts_char(byte: u8) -> bool {
    byte & 0xc0 != 0x80
}

/// Reads into a new str or bytes: everything to the end when `limit` is
/// `None`, else `limit` bytes (binary) or characters (text).
fn read_to_object(vm: &mut Vm<'_>, file: Obj, handle: FileHandle, limit: Option<usize>) -> R<Obj> {
    let text = is_text(vm, file);
    let buffer = vm.new_buffer(TypeId::Buffer, limit.unwrap_or(CHUNK).min(4096))?;
    vm.with_roots(&[buffer], |vm| {
        let mut left = limit.unwrap_or(usize::MAX);
        let mut chunk = [0u8; CHUNK];
        let mut last = 0u8;
        while left > 0 {
            let want = left.min(CHUNK);
            let got = with_fs(vm, |vfs| vfs.volume.read(handle, &mut chunk[..want]))?;
            if got == 0 {
                break;
            }
            vm.buffer_push(buffer, &chunk[..got])?;
            last = chunk[got - 1];
            let counted = if text { chunk[..got].iter().filter(|&&byte| starts_char(byte)).count() } else { got };
            left = left.saturating_sub(counted);
        }
        // A character cut at the end of the last piece: read its remaining bytes.
        if text && limit.is_some() && !last.is_ascii() {
            loop {
                let mut next = [0u8; 1];
                let got = with_fs(vm, |vfs| vfs.volume.read(handle, &mut next))?;
                if got == 0 {
                    break;
                }
                if starts_char(next[0]) {
                    with_fs(vm, |vfs| vfs.volume.seek(handle, -1, Whence::Current))?;
                    break;
                }
                vm.buffer_push(buffer, &next)?;
            }
        }
        vm.buffer_finish(buffer, if text { TypeId::Str } else { TypeId::Bytes })
    })
}

/// `read(size=-1)`.
fn read(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let (file, handle) = open_file(vm, args)?;
    let limit = crate::modules::io::read_size(vm, args, 1)?;
    read_to_object(vm, file, handle, limit)
}

/// `readline(size=-1)`: up to and including the next newline.
pub fn readline(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let (file, handle) = open_file(vm, args)?;
    let limit = match args.get(1) {
        Some(&size) if !size.is_none() => usize::try_from(vm.to_i64(size)?).unwrap_or(usize::MAX),
        _ => usize::MAX,
    };
    let buffer = vm.new_buffer(TypeId::Buffer, 64)?;
    vm.with_roots(&[buffer], |vm| {
        let mut chunk = [0u8; 64];
        let mut taken = 0usize;
        while taken < limit {
            let want = (limit - taken).min(chunk.len());
            let got = with_fs(vm, |vfs| vfs.volume.read(handle, &mut chunk[..want]))?;
            if got == 0 {
                break;
            }
            let line_end = chunk[..got].iter().position(|&byte| byte == b'\n').map(|at| at + 1);
            let keep = line_end.unwrap_or(got);
            vm.buffer_push(buffer, &chunk[..keep])?;
            taken += keep;
            if keep < got {
                let back = -((got - keep) as i32);
                with_fs(vm, |vfs| vfs.volume.seek(handle, back, Whence::Current))?;
            }
            if line_end.is_some() {
                break;
            }
        }
        vm.buffer_finish(buffer, if is_text(vm, file) { TypeId::Str } else { TypeId::Bytes })
    })
}

/// Iteration yields lines until one comes back empty.
fn next_line(vm: &mut Vm<'_>, file: Obj) -> R<Option<Obj>> {
    let line = readline(vm, &[file], &[])?;
    Ok((vm.str_len(line) != 0).then_some(line))
}

fn readlines(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let (file, _) = open_file(vm, args)?;
    let lines = vm.new_list(4)?;
    vm.with_roots(&[lines], |vm| {
        while let Some(line) = next_line(vm, file)? {
            vm.list_append(lines, line)?;
        }
        Ok(lines)
    })
}

/// `readinto(buf[, nbytes])`: fills a bytearray, array or writable
/// memoryview in place and returns how many bytes were read.
fn readinto(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    let (_, handle) = open_file(vm, args)?;
    let target = args[1];
    let (address, len) = match vm.native_type(target) {
        TypeId::ByteArray | TypeId::Array if target.is_ptr() => (vm.get_u(target, 3), vm.get_u(target, 1) as usize),
        TypeId::MemoryView if matches!(vm.native_type(vm.get(target, 1)), TypeId::ByteArray | TypeId::Array) => {
            vm.memoryview_data(target)
        }
        _ => return Err(vm.type_error_for("object with buffer protocol required, not", target)),
    };
    let len = match args.get(2) {
        Some(&count) => len.min(usize::try_from(vm.to_i64(count)?).unwrap_or(0)),
        None => len,
    };
    let mut done = 0;
    while done < len {
        let into = vm.heap.bytes_mut(address + done as u32, len - done);
        let result = match vm.port.filesystem() {
            Some(vfs) if vfs.volume.is_mounted() => vfs.volume.read(handle, into),
            _ => Err(FsError::NotMounted),
        };
        let got = result.map_err(|error| raise_fs(vm, error))?;
        if got == 0 {
            break;
        }
        done += got;
    }
    vm.new_int(done as i64)
}

/// `write(data)`: str or bytes-like, in either mode; returns the byte count.
fn write(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let (_, handle) = open_file(vm, args)?;
    let data = args[1];
    let (address, len) = if vm.native_type(data) == TypeId::MemoryView {
        vm.memoryview_data(data)
    } else if vm.is_str(data) || vm.is_bytes_like(data) || vm.native_type(data) == TypeId::Array {
        (0, vm.str_len(data))
    } else {
        return Err(vm.type_error_for("object with buffer protocol required, not", data));
    };
    let mut chunk = [0u8; CHUNK];
    let mut done = 0;
    while done < len {
        let take = (len - done).min(CHUNK);
        if vm.native_type(data) == TypeId::MemoryView {
            chunk[..take].copy_from_slice(vm.heap.bytes_mut(address + done as u32, take));
        } else {
            chunk[..take].copy_from_slice(&vm.str_bytes(data)[done..done + take]);
        }
        let written = with_fs(vm, |vfs| vfs.volume.write(handle, &chunk[..take]))?;
        done += written;
        if written < take {
            break;
        }
    }
    vm.new_int(done as i64)
}

/// `seek(offset, whence=0)`: returns the new position.
fn seek(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    let (_, handle) = open_file(vm, args)?;
    let offset = vm.to_i64(args[1])?;
    let whence = match args.get(2) {
        Some(&value) => vm.to_i64(value)?,
        None => 0,
    };
    let whence = match whence {
        0 => Whence::Start,
        1 => Whence::Current,
        2 => Whence::End,
        _ => return Err(raise_fs(vm, FsError::Invalid)),
    };
    let offset = i32::try_from(offset).map_err(|_| raise_fs(vm, FsError::Invalid))?;
    let position = with_fs(vm, |vfs| vfs.volume.seek(handle, offset, whence))?;
    vm.new_int(i64::from(position))
}

fn tell(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let (_, handle) = open_file(vm, args)?;
    let position = with_fs(vm, |vfs| vfs.volume.tell(handle))?;
    vm.new_int(i64::from(position))
}

/// `flush()`: littlefs's sync, which commits what the file holds.
fn flush(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let (_, handle) = open_file(vm, args)?;
    with_fs(vm, |vfs| vfs.volume.sync(handle))?;
    Ok(Obj::NONE)
}

/// `close()`: a second close does nothing.
fn close(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let Some(&this) = args.first() else { return Ok(Obj::NONE) };
    if !matches!(vm.native_type(this), TypeId::TextIOWrapper | TypeId::FileIO) || vm.get(this, 1).small_value() < 0 {
        return Ok(Obj::NONE);
    }
    let (_, handle) = open_file(vm, args)?;
    vm.set(this, 1, Obj::small(-1));
    let result = match vm.port.filesystem() {
        // Unmounting closed it already.
        Some(vfs) if !vfs.volume.is_mounted() => Ok(()),
        Some(vfs) => {
            vfs.state.forget_file(handle);
            match vfs.volume.close(handle) {
                Err(FsError::BadHandle) => Ok(()),
                other => other,
            }
        }
        None => Ok(()),
    };
    result.map_err(|error| raise_fs(vm, error))?;
    Ok(Obj::NONE)
}

fn exit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 4)?;
    close(vm, &args[..1], &[])
}
