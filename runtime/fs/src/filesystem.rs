//! The mounted filesystem: littlefs's state in one pinned struct, and the
//! safe operations over it.
//!
//! littlefs keeps raw pointers between its structures: the `Lfs` to its
//! `LfsConfig`, the config to the block device (its context) and to the read,
//! program and lookahead buffers, the list of open files to each `LfsFile`,
//! and each file to its `LfsFileConfig` and cache. All of them point into one
//! [`Filesystem`], which is only ever used through `Pin<&mut Self>`, so none of
//! them dangles: the struct cannot move while those pointers exist, and its
//! `Drop` unmounts (closing the open files) before the memory goes away.
//! Directory listings open an `LfsDir` on the stack and close it before the
//! call returns, so littlefs never keeps a pointer to it.

use core::ffi::c_void;
use core::marker::PhantomPinned;
use core::pin::Pin;
use core::ptr::addr_of_mut;

use littlefs_rust_core::lfs_type::lfs_open_flags::{
    LFS_O_APPEND, LFS_O_CREAT, LFS_O_EXCL, LFS_O_RDONLY, LFS_O_RDWR, LFS_O_TRUNC, LFS_O_WRONLY,
};
use littlefs_rust_core::lfs_type::lfs_type::LFS_TYPE_DIR;
use littlefs_rust_core::{Lfs, LfsConfig, LfsDir, LfsFile, LfsFileConfig, LfsInfo};

use crate::device::{BlockDevice, Geometry};
use crate::FsError;

/// The lookahead buffer's size in bytes (MicroPython's default; littlefs
/// tracks 8 blocks per byte of it).
const LOOKAHEAD_CAPACITY: usize = 32;

/// The longest path, in bytes, that littlefs is handed (it needs a
/// NUL-terminated copy).
pub const PATH_CAPACITY: usize = 256;

/// How a file is opened: MicroPython's modes map onto these.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenFlags {
    pub read: bool,
    pub write: bool,
    pub create: bool,
    /// Fail with [`FsError::Exists`] when the file exists (`x`).
    pub exclusive: bool,
    pub truncate: bool,
    /// Every write goes to the end (`a`).
    pub append: bool,
}

impl OpenFlags {
    fn bits(self) -> i32 {
        let mut bits = match (self.read, self.write) {
            (true, true) => LFS_O_RDWR,
            (false, true) => LFS_O_WRONLY,
            _ => LFS_O_RDONLY,
        };
        for (set, bit) in [
            (self.create, LFS_O_CREAT),
            (self.exclusive, LFS_O_EXCL),
            (self.truncate, LFS_O_TRUNC),
            (self.append, LFS_O_APPEND),
        ] {
            if set {
                bits |= bit;
            }
        }
        bits
    }
}

/// Where a seek counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whence {
    Start,
    Current,
    End,
}

/// An open file: a slot of the filesystem and the generation of its opening,
/// so a handle kept after `close` is refused instead of reaching another file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileHandle {
    slot: u16,
    generation: u16,
}

impl FileHandle {
    /// The handle as one number (for a Python object to keep), and back.
    pub fn to_bits(self) -> u32 {
        (self.slot as u32) << 16 | self.generation as u32
    }

    pub fn from_bits(bits: u32) -> FileHandle {
        FileHandle { slot: (bits >> 16) as u16, generation: bits as u16 }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Directory,
}

/// One directory entry, or what `stat` finds at a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DirEntry {
    pub kind: EntryKind,
    /// The file's size in bytes (0 for a directory).
    pub size: u32,
    name: [u8; PATH_CAPACITY],
    name_len: usize,
}

impl DirEntry {
    fn from_info(info: &LfsInfo) -> DirEntry {
        let name_len = info.name.iter().position(|&byte| byte == 0).unwrap_or(info.name.len()).min(PATH_CAPACITY);
        let mut name = [0; PATH_CAPACITY];
        name[..name_len].copy_from_slice(&info.name[..name_len]);
        let kind = if info.type_ as u32 == LFS_TYPE_DIR { EntryKind::Directory } else { EntryKind::File };
        DirEntry { kind, size: info.size, name, name_len }
    }

    /// The entry's name, the bytes littlefs stored (UTF-8 when Python wrote it).
    pub fn name(&self) -> &[u8] {
        &self.name[..self.name_len]
    }
}

/// What `statvfs` reports: the geometry and the blocks in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    pub block_size: u32,
    pub block_count: u32,
    pub blocks_used: u32,
}

/// One open-file slot: littlefs's file, its configuration and its cache.
struct FileSlot<const CACHE: usize> {
    file: LfsFile,
    config: LfsFileConfig,
    cache: [u8; CACHE],
    open: bool,
    generation: u16,
}

/// A littlefs filesystem on the device `D`, with `FILES` file slots and
/// caches of `CACHE` bytes (at least `Geometry::cache_size`). Use it pinned:
/// `Box::pin` on the host, or a `Pin<&'static mut _>` a board makes from a
/// static.
pub struct Filesystem<D: BlockDevice, const FILES: usize = 4, const CACHE: usize = 1024> {
    device: D,
    geometry: Geometry,
    lfs: Lfs,
    config: LfsConfig,
    read_buffer: [u8; CACHE],
    prog_buffer: [u8; CACHE],
    lookahead_buffer: [u32; LOOKAHEAD_CAPACITY / 4],
    files: [FileSlot<CACHE>; FILES],
    mounted: bool,
    _pinned: PhantomPinned,
}

impl<D: BlockDevice, const FILES: usize, const CACHE: usize> Filesystem<D, FILES, CACHE> {
    /// An unmounted filesystem over `device`. Fails with [`FsError::Invalid`]
    /// when the geometry's caches or lookahead do not fit the buffers.
    pub fn new(device: D, geometry: Geometry) -> Result<Self, FsError> {
        let cache_size = geometry.cache_size();
        let valid = geometry.block_size > 0
            && geometry.block_count >= 2
            && geometry.read_size > 0
            && geometry.prog_size > 0
            && cache_size as usize <= CACHE
            && cache_size.is_multiple_of(geometry.read_size)
            && cache_size.is_multiple_of(geometry.prog_size)
            && geometry.block_size.is_multiple_of(cache_size)
            && geometry.lookahead_size > 0
            && geometry.lookahead_size.is_multiple_of(8)
            && geometry.lookahead_size as usize <= LOOKAHEAD_CAPACITY;
        if !valid {
            return Err(FsError::Invalid);
        }
        Ok(Filesystem {
            device,
            geometry,
            // `Lfs`, `LfsConfig`, `LfsFile` and `LfsFileConfig` are plain C
            // structures (the C code starts from zeroed memory too).
            // SAFETY: their fields are integers, booleans, raw pointers and
            // optional function pointers, for all of which zero is valid.
            lfs: unsafe { core::mem::zeroed() },
            // SAFETY: as above; the pointers are filled in by `wire_config`.
            config: unsafe { core::mem::zeroed() },
            read_buffer: [0; CACHE],
            prog_buffer: [0; CACHE],
            lookahead_buffer: [0; LOOKAHEAD_CAPACITY / 4],
            files: core::array::from_fn(|_| FileSlot {
                // SAFETY: as above: zero is a valid closed `LfsFile`.
                file: unsafe { core::mem::zeroed() },
                // SAFETY: as above: a zeroed config has null pointers.
                config: unsafe { core::mem::zeroed() },
                cache: [0; CACHE],
                open: false,
                generation: 0,
            }),
            mounted: false,
            _pinned: PhantomPinned,
        })
    }

    pub fn geometry(&self) -> Geometry {
        self.geometry
    }

    pub fn is_mounted(&self) -> bool {
        self.mounted
    }

    /// The block device (e.g. to save a RAM image).
    pub fn device(&self) -> &D {
        &self.device
    }

    /// The fields of a pinned filesystem. Nothing is moved out of them.
    fn fields(self: Pin<&mut Self>) -> &mut Self {
        // SAFETY: callers only read and write fields in place; no field is
        // moved out or swapped, so the pinning guarantee holds.
        unsafe { self.get_unchecked_mut() }
    }

    /// Points the littlefs configuration at this struct's device and
    /// buffers. Its address is stable from here on (the struct is pinned).
    fn wire_config(&mut self) {
        let geometry = self.geometry;
        let config = &mut self.config;
        config.context = addr_of_mut!(self.device) as *mut c_void;
        config.read = Some(read_callback::<D>);
        config.prog = Some(prog_callback::<D>);
        config.erase = Some(erase_callback::<D>);
        config.sync = Some(sync_callback::<D>);
        config.read_size = geometry.read_size;
        config.prog_size = geometry.prog_size;
        config.block_size = geometry.block_size;
        config.block_count = geometry.block_count;
        config.block_cycles = geometry.block_cycles;
        config.cache_size = geometry.cache_size();
        config.lookahead_size = geometry.lookahead_size;
        config.read_buffer = self.read_buffer.as_mut_ptr() as *mut c_void;
        config.prog_buffer = self.prog_buffer.as_mut_ptr() as *mut c_void;
        config.lookahead_buffer = self.lookahead_buffer.as_mut_ptr() as *mut c_void;
    }

    /// Writes an empty filesystem over the whole device. Only while unmounted.
    pub fn format(self: Pin<&mut Self>) -> Result<(), FsError> {
        let this = self.fields();
        if this.mounted {
            return Err(FsError::Invalid);
        }
        this.wire_config();
        let lfs = addr_of_mut!(this.lfs);
        let config = addr_of_mut!(this.config);
        // littlefs keeps nothing after a format: it leaves it unmounted.
        // SAFETY: `lfs` and `config` point into the pinned struct; the config
        // points at its device and buffers (`wire_config`), which outlive the call.
        check(unsafe { call(|| littlefs_rust_core::lfs_format(lfs, config)) })
    }

    /// Mounts the filesystem on the device.
    pub fn mount(self: Pin<&mut Self>) -> Result<(), FsError> {
        let this = self.fields();
        if this.mounted {
            return Ok(());
        }
        this.wire_config();
        let lfs = addr_of_mut!(this.lfs);
        let config = addr_of_mut!(this.config);
        // SAFETY: as in `format`; after a successful mount littlefs keeps
        // `config` (in `lfs.cfg`) and the buffers, all inside the pinned
        // struct, which unmounts before it is dropped.
        check(unsafe { call(|| littlefs_rust_core::lfs_mount(lfs, config)) })?;
        this.mounted = true;
        Ok(())
    }

    /// Closes every open file (writing what they hold) and unmounts. The
    /// first error is reported; the filesystem is unmounted in any case.
    pub fn unmount(mut self: Pin<&mut Self>) -> Result<(), FsError> {
        if !self.mounted {
            return Ok(());
        }
        let mut result = Ok(());
        for slot in 0..FILES {
            if self.files[slot].open {
                let handle = FileHandle { slot: slot as u16, generation: self.files[slot].generation };
                let closed = self.as_mut().close(handle);
                result = result.and(closed);
            }
        }
        let this = self.fields();
        let lfs = addr_of_mut!(this.lfs);
        // SAFETY: the filesystem is mounted on this struct's config; no file
        // is open any more, so littlefs keeps no pointer after this call.
        let unmounted = check(unsafe { call(|| littlefs_rust_core::lfs_unmount(lfs)) });
        this.mounted = false;
        result.and(unmounted)
    }

    fn mounted_lfs(&mut self) -> Result<*mut Lfs, FsError> {
        if self.mounted {
            Ok(addr_of_mut!(self.lfs))
        } else {
            Err(FsError::NotMounted)
        }
    }

    /// Opens the file at `path` in a free slot.
    pub fn open(self: Pin<&mut Self>, path: &str, flags: OpenFlags) -> Result<FileHandle, FsError> {
        let this = self.fields();
        let lfs = this.mounted_lfs()?;
        let path = CPath::new(path)?;
        let slot = this.files.iter().position(|slot| !slot.open).ok_or(FsError::TooManyOpen)?;
        let file_slot = &mut this.files[slot];
        // SAFETY: zero is a valid `LfsFile` (see `new`); the slot is closed,
        // so littlefs holds no pointer to it.
        file_slot.file = unsafe { core::mem::zeroed() };
        file_slot.config.buffer = file_slot.cache.as_mut_ptr() as *mut c_void;
        file_slot.config.attrs = core::ptr::null_mut();
        file_slot.config.attr_count = 0;
        let file = addr_of_mut!(file_slot.file);
        let file_config = addr_of_mut!(file_slot.config);
        let bits = flags.bits();
        // The file, its config and its cache (of at least `cache_size` bytes)
        // stay in the pinned struct until `close` unlinks the file.
        // SAFETY: the filesystem is mounted, the slot is closed, the path is
        // NUL-terminated and outlives the call.
        check(unsafe { call(|| littlefs_rust_core::lfs_file_opencfg(lfs, file, path.as_ptr(), bits, file_config)) })?;
        file_slot.open = true;
        file_slot.generation = file_slot.generation.wrapping_add(1);
        Ok(FileHandle { slot: slot as u16, generation: file_slot.generation })
    }

    /// littlefs's filesystem and the open file behind `handle`.
    fn file(&mut self, handle: FileHandle) -> Result<(*mut Lfs, *mut LfsFile), FsError> {
        let lfs = self.mounted_lfs()?;
        let slot = self.files.get_mut(handle.slot as usize).ok_or(FsError::BadHandle)?;
        if !slot.open || slot.generation != handle.generation {
            return Err(FsError::BadHandle);
        }
        Ok((lfs, addr_of_mut!(slot.file)))
    }

    /// Reads up to `buffer.len()` bytes; 0 at the end of the file.
    pub fn read(self: Pin<&mut Self>, handle: FileHandle, buffer: &mut [u8]) -> Result<usize, FsError> {
        let (lfs, file) = self.fields().file(handle)?;
        let len = buffer.len().min(i32::MAX as usize) as u32;
        let data = buffer.as_mut_ptr() as *mut c_void;
        // SAFETY: `lfs` and `file` are a mounted filesystem and one of its
        // open files (checked by `file`); `data` is valid for `len` bytes.
        let read = unsafe { call(|| littlefs_rust_core::lfs_file_read(lfs, file, data, len)) };
        check_size(read)
    }

    /// Writes `data` at the position (or the end, in append mode).
    pub fn write(self: Pin<&mut Self>, handle: FileHandle, data: &[u8]) -> Result<usize, FsError> {
        let (lfs, file) = self.fields().file(handle)?;
        let len = data.len().min(i32::MAX as usize) as u32;
        let source = data.as_ptr() as *const c_void;
        // SAFETY: as in `read`; `source` is valid for `len` bytes.
        let written = unsafe { call(|| littlefs_rust_core::lfs_file_write(lfs, file, source, len)) };
        check_size(written)
    }

    /// Moves the position and returns it.
    pub fn seek(self: Pin<&mut Self>, handle: FileHandle, offset: i32, whence: Whence) -> Result<u32, FsError> {
        let (lfs, file) = self.fields().file(handle)?;
        let whence = match whence {
            Whence::Start => 0,
            Whence::Current => 1,
            Whence::End => 2,
        };
        // SAFETY: as in `read`.
        let position = unsafe { call(|| littlefs_rust_core::lfs_file_seek(lfs, file, offset, whence)) };
        check_size(position).map(|position| position as u32)
    }

    pub fn tell(self: Pin<&mut Self>, handle: FileHandle) -> Result<u32, FsError> {
        let (lfs, file) = self.fields().file(handle)?;
        // SAFETY: as in `read`.
        let position = unsafe { call(|| littlefs_rust_core::lfs_file_tell(lfs, file)) };
        check_size(position).map(|position| position as u32)
    }

    /// The file's size, including what is still in its cache.
    pub fn size(self: Pin<&mut Self>, handle: FileHandle) -> Result<u32, FsError> {
        let (lfs, file) = self.fields().file(handle)?;
        // SAFETY: as in `read`.
        let size = unsafe { call(|| littlefs_rust_core::lfs_file_size(lfs, file)) };
        check_size(size).map(|size| size as u32)
    }

    pub fn truncate(self: Pin<&mut Self>, handle: FileHandle, size: u32) -> Result<(), FsError> {
        let (lfs, file) = self.fields().file(handle)?;
        // SAFETY: as in `read`.
        check(unsafe { call(|| littlefs_rust_core::lfs_file_truncate(lfs, file, size)) })
    }

    /// Writes what the file holds to the device (littlefs's atomic commit).
    pub fn sync(self: Pin<&mut Self>, handle: FileHandle) -> Result<(), FsError> {
        let (lfs, file) = self.fields().file(handle)?;
        // SAFETY: as in `read`.
        check(unsafe { call(|| littlefs_rust_core::lfs_file_sync(lfs, file)) })
    }

    /// Writes and closes the file; the slot is free afterwards even when
    /// writing failed.
    pub fn close(self: Pin<&mut Self>, handle: FileHandle) -> Result<(), FsError> {
        let this = self.fields();
        let (lfs, file) = this.file(handle)?;
        // SAFETY: as in `read`; littlefs unlinks the file from its list of
        // open files whatever the result, so it keeps no pointer to the slot.
        let result = check(unsafe { call(|| littlefs_rust_core::lfs_file_close(lfs, file)) });
        this.files[handle.slot as usize].open = false;
        result
    }

    /// How many file slots are free.
    pub fn free_file_slots(&self) -> usize {
        self.files.iter().filter(|slot| !slot.open).count()
    }

    pub fn mkdir(self: Pin<&mut Self>, path: &str) -> Result<(), FsError> {
        let lfs = self.fields().mounted_lfs()?;
        let path = CPath::new(path)?;
        // SAFETY: a mounted filesystem and a NUL-terminated path that
        // outlives the call.
        check(unsafe { call(|| littlefs_rust_core::lfs_mkdir(lfs, path.as_ptr())) })
    }

    /// Removes a file or an empty directory.
    pub fn remove(self: Pin<&mut Self>, path: &str) -> Result<(), FsError> {
        let lfs = self.fields().mounted_lfs()?;
        let path = CPath::new(path)?;
        // SAFETY: as in `mkdir`.
        check(unsafe { call(|| littlefs_rust_core::lfs_remove(lfs, path.as_ptr())) })
    }

    /// Renames `from` to `to`, replacing a file (or an empty directory) there.
    pub fn rename(self: Pin<&mut Self>, from: &str, to: &str) -> Result<(), FsError> {
        let lfs = self.fields().mounted_lfs()?;
        let from = CPath::new(from)?;
        let to = CPath::new(to)?;
        // SAFETY: as in `mkdir`, for both paths.
        check(unsafe { call(|| littlefs_rust_core::lfs_rename(lfs, from.as_ptr(), to.as_ptr())) })
    }

    pub fn stat(self: Pin<&mut Self>, path: &str) -> Result<DirEntry, FsError> {
        let lfs = self.fields().mounted_lfs()?;
        let path = CPath::new(path)?;
        // SAFETY: zero is a valid `LfsInfo` (integers and bytes).
        let mut info: LfsInfo = unsafe { core::mem::zeroed() };
        let info_pointer = addr_of_mut!(info);
        // SAFETY: as in `mkdir`; `info_pointer` is a local that outlives the call.
        check(unsafe { call(|| littlefs_rust_core::lfs_stat(lfs, path.as_ptr(), info_pointer)) })?;
        Ok(DirEntry::from_info(&info))
    }

    /// The geometry and how many blocks are in use.
    pub fn usage(self: Pin<&mut Self>) -> Result<Usage, FsError> {
        let this = self.fields();
        let lfs = this.mounted_lfs()?;
        // SAFETY: a mounted filesystem.
        let used = unsafe { call(|| littlefs_rust_core::lfs_fs_size(lfs)) };
        let used = check_size(used)? as u32;
        Ok(Usage { block_size: this.geometry.block_size, block_count: this.geometry.block_count, blocks_used: used })
    }

    /// Calls `visit` with each entry of the directory at `path`, without `.`
    /// and `..`, in littlefs's order (sorted by name).
    pub fn read_dir(self: Pin<&mut Self>, path: &str, mut visit: impl FnMut(&DirEntry)) -> Result<(), FsError> {
        let lfs = self.fields().mounted_lfs()?;
        let path = CPath::new(path)?;
        // SAFETY: zero is a valid closed `LfsDir` and a valid `LfsInfo`.
        let (mut dir, mut info): (LfsDir, LfsInfo) = unsafe { (core::mem::zeroed(), core::mem::zeroed()) };
        let dir_pointer = addr_of_mut!(dir);
        let info_pointer = addr_of_mut!(info);
        // littlefs links the directory (a local that does not move) into its
        // list until `lfs_dir_close` below, which runs after every success.
        // SAFETY: as in `mkdir`; `dir_pointer` outlives its use by littlefs.
        check(unsafe { call(|| littlefs_rust_core::lfs_dir_open(lfs, dir_pointer, path.as_ptr())) })?;
        let result = loop {
            // SAFETY: the directory is open; `info_pointer` is a local.
            let found = unsafe { call(|| littlefs_rust_core::lfs_dir_read(lfs, dir_pointer, info_pointer)) };
            match found {
                0 => break Ok(()),
                found if found < 0 => break Err(FsError::from_code(found)),
                _ => {
                    let entry = DirEntry::from_info(&info);
                    if entry.name() != b"." && entry.name() != b".." {
                        visit(&entry);
                    }
                }
            }
        };
        // SAFETY: the directory was opened above and is closed once here.
        let closed = check(unsafe { call(|| littlefs_rust_core::lfs_dir_close(lfs, dir_pointer)) });
        result.and(closed)
    }
}

impl<D: BlockDevice, const FILES: usize, const CACHE: usize> Drop for Filesystem<D, FILES, CACHE> {
    fn drop(&mut self) {
        // SAFETY: `drop` runs on the value in place, where it was pinned; it
        // is not moved before it is gone, and the pin is not leaked.
        let pinned = unsafe { Pin::new_unchecked(self) };
        // A failure to write the last data on the way out has nowhere to go.
        let _ = pinned.unmount();
    }
}

/// Runs one call into littlefs. It exists so each `unsafe` block above
/// names the one call it covers: littlefs-rust-core declares its functions
/// safe although they dereference the raw pointers they are given.
///
/// # Safety
/// Every pointer `body` passes to littlefs must be valid for what that
/// function does with it, as the C documentation of the function says.
unsafe fn call<T>(body: impl FnOnce() -> T) -> T {
    body()
}

fn check(code: i32) -> Result<(), FsError> {
    if code < 0 {
        Err(FsError::from_code(code))
    } else {
        Ok(())
    }
}

fn check_size(value: i32) -> Result<usize, FsError> {
    if value < 0 {
        Err(FsError::from_code(value))
    } else {
        Ok(value as usize)
    }
}

/// A path copied into a NUL-terminated buffer for littlefs.
struct CPath {
    bytes: [u8; PATH_CAPACITY + 1],
}

impl CPath {
    fn new(path: &str) -> Result<CPath, FsError> {
        if path.len() > PATH_CAPACITY {
            return Err(FsError::NameTooLong);
        }
        if path.as_bytes().contains(&0) {
            return Err(FsError::Invalid);
        }
        let mut bytes = [0; PATH_CAPACITY + 1];
        bytes[..path.len()].copy_from_slice(path.as_bytes());
        Ok(CPath { bytes })
    }

    fn as_ptr(&self) -> *const u8 {
        self.bytes.as_ptr()
    }
}

/// The device behind a config that littlefs hands back to a callback.
///
/// # Safety
/// `config` must be the `config` field of a pinned `Filesystem<D, ..>`
/// wired by `wire_config`, and no other reference to its device may be live.
unsafe fn device_of<'a, D: BlockDevice>(config: *const LfsConfig) -> &'a mut D {
    // SAFETY: the caller's contract: `context` points at the device.
    unsafe { &mut *((*config).context as *mut D) }
}

unsafe extern "C" fn read_callback<D: BlockDevice>(
    config: *const LfsConfig,
    block: u32,
    offset: u32,
    buffer: *mut u8,
    size: u32,
) -> i32 {
    // SAFETY: littlefs passes the config it was mounted with (see
    // `device_of`) and a buffer valid for `size` bytes, one of our caches
    // or the caller's data, which does not overlap the device.
    let (device, buffer) = unsafe { (device_of::<D>(config), core::slice::from_raw_parts_mut(buffer, size as usize)) };
    result_code(device.read(block, offset, buffer))
}

unsafe extern "C" fn prog_callback<D: BlockDevice>(
    config: *const LfsConfig,
    block: u32,
    offset: u32,
    data: *const u8,
    size: u32,
) -> i32 {
    // SAFETY: as in `read_callback`; `data` is valid for `size` bytes.
    let (device, data) = unsafe { (device_of::<D>(config), core::slice::from_raw_parts(data, size as usize)) };
    result_code(device.prog(block, offset, data))
}

unsafe extern "C" fn erase_callback<D: BlockDevice>(config: *const LfsConfig, block: u32) -> i32 {
    // SAFETY: as in `read_callback`.
    let device = unsafe { device_of::<D>(config) };
    result_code(device.erase(block))
}

unsafe extern "C" fn sync_callback<D: BlockDevice>(config: *const LfsConfig) -> i32 {
    // SAFETY: as in `read_callback`.
    let device = unsafe { device_of::<D>(config) };
    result_code(device.sync())
}

fn result_code(result: Result<(), FsError>) -> i32 {
    match result {
        Ok(()) => 0,
        Err(error) => error.code(),
    }
}
