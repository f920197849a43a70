//! `--fs` on QEMU: a littlefs image file of the host as the board's
//! filesystem, read and written in place through semihosting (`SYS_SEEK`,
//! `SYS_READ`, `SYS_WRITE` on the file `rime-fs.img` in QEMU's working
//! directory). `cargo xtask run --board qemu-… --fs FILE` creates and
//! formats FILE when missing, runs QEMU on a copy of it in a directory of
//! its own, and renames the copy over FILE afterwards, so the file changes
//! atomically. The runtime asks for the filesystem only when its semihosting
//! command line holds `--fs`.
//!
//! The mounted filesystem lives in one static that is pinned for good (it is
//! never moved or dropped); [`unmount`] closes the files a program left
//! open before the runtime exits.

use core::mem::MaybeUninit;
use core::pin::Pin;

use cortex_m_semihosting::nr;
use rime_fs::{BlockDevice, Filesystem, FsError, Geometry};
use rime_vm::port::filesystem::VfsState;

/// The file QEMU's working directory holds when the run has `--fs`.
const IMAGE_FILE: &[u8] = b"rime-fs.img\0";
const BLOCK_SIZE: u32 = 4096;

/// A block device over an open semihosting file.
pub struct SemihostingFile {
    handle: usize,
}

impl SemihostingFile {
    fn seek(&self, block: u32, offset: u32) -> Result<(), FsError> {
        let block_args = [self.handle, (block * BLOCK_SIZE + offset) as usize];
        // SAFETY: SYS_SEEK reads its two-word parameter block, which lives
        // on the stack for the call; the handle came from SYS_OPEN.
        let result = unsafe { cortex_m_semihosting::syscall(nr::SEEK, &block_args) };
        if result == 0 {
            Ok(())
        } else {
            Err(FsError::Io)
        }
    }

    fn write_all(&self, data: &[u8]) -> Result<(), FsError> {
        let block_args = [self.handle, data.as_ptr() as usize, data.len()];
        // SAFETY: SYS_WRITE reads `data.len()` bytes at `data`, which are
        // borrowed for the call; it returns how many were not written.
        let left = unsafe { cortex_m_semihosting::syscall(nr::WRITE, &block_args) };
        if left == 0 {
            Ok(())
        } else {
            Err(FsError::Io)
        }
    }
}

impl BlockDevice for SemihostingFile {
    fn read(&mut self, block: u32, offset: u32, buffer: &mut [u8]) -> Result<(), FsError> {
        self.seek(block, offset)?;
        let block_args = [self.handle, buffer.as_mut_ptr() as usize, buffer.len()];
        // SAFETY: SYS_READ writes at most `buffer.len()` bytes into the
        // buffer, borrowed mutably for the call; it returns how many it did not read.
        let left = unsafe { cortex_m_semihosting::syscall(nr::READ, &block_args) };
        if left == 0 {
            Ok(())
        } else {
            Err(FsError::Io)
        }
    }

    fn prog(&mut self, block: u32, offset: u32, data: &[u8]) -> Result<(), FsError> {
        self.seek(block, offset)?;
        self.write_all(data)
    }

    fn erase(&mut self, block: u32) -> Result<(), FsError> {
        self.seek(block, 0)?;
        let erased = [0xffu8; 256];
        for _ in 0..BLOCK_SIZE as usize / erased.len() {
            self.write_all(&erased)?;
        }
        Ok(())
    }
}

/// The board's filesystem: four file slots with 1 KiB caches.
pub type QemuFilesystem = Filesystem<SemihostingFile, 4, 1024>;

static mut FILESYSTEM: MaybeUninit<QemuFilesystem> = MaybeUninit::uninit();

/// Whether the semihosting command line asks for the filesystem (`--fs`).
fn requested() -> bool {
    let mut line = [0u8; 128];
    let mut block_args = [line.as_mut_ptr() as usize, line.len()];
    // SAFETY: SYS_GET_CMDLINE writes at most `line.len()` bytes into `line`
    // and the length it wrote into the block's second word; both are locals.
    let failed = unsafe { cortex_m_semihosting::syscall(nr::GET_CMDLINE, &mut block_args) };
    let len = block_args[1].min(line.len());
    failed == 0 && line[..len].windows(4).any(|window| window == b"--fs")
}

/// Opens `rime-fs.img` and mounts it, when the run asked for it. Called
/// once, at boot.
pub fn mount() -> Option<(Pin<&'static mut QemuFilesystem>, VfsState)> {
    if !requested() {
        return None;
    }
    let open_args = [IMAGE_FILE.as_ptr() as usize, nr::open::RW_BINARY, IMAGE_FILE.len() - 1];
    // SAFETY: SYS_OPEN reads the NUL-terminated name (a static) and its length.
    let handle = unsafe { cortex_m_semihosting::syscall(nr::OPEN, &open_args) };
    if handle == usize::MAX {
        return None;
    }
    let length_args = [handle];
    // SAFETY: SYS_FLEN reads the one-word block holding an open handle.
    let length = unsafe { cortex_m_semihosting::syscall(nr::FLEN, &length_args) };
    let blocks = (length / BLOCK_SIZE as usize) as u32;
    let filesystem = Filesystem::new(SemihostingFile { handle }, Geometry::micropython_rp2(blocks)).ok()?;
    // `mount` runs once, at boot, before anything else touches FILESYSTEM.
    // SAFETY: the `&'static mut` made here is the only reference ever made
    // to the static, and its value is never moved out, so pinning is sound.
    let mut pinned = unsafe {
        let slot = &mut *core::ptr::addr_of_mut!(FILESYSTEM);
        Pin::new_unchecked(slot.write(filesystem))
    };
    pinned.as_mut().mount().ok()?;
    Some((pinned, VfsState::default()))
}

/// Unmounts, writing what open files hold; the runtime calls it before exiting.
pub fn unmount(filesystem: &mut Option<(Pin<&'static mut QemuFilesystem>, VfsState)>) {
    if let Some((volume, _)) = filesystem {
        let _ = volume.as_mut().unmount();
    }
}
