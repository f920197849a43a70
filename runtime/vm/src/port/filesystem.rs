//! The port's filesystem as the VM reaches it: [`Port::filesystem`] hands
//! out a [`Vfs`], the volume mounted at `/` (any [`Volume`], so the VM knows
//! neither the flash nor the number of file slots) and the small state the
//! VM keeps beside it, the current directory. The port owns both, so they
//! cost no heap and survive the collector.
//!
//! [`Port::filesystem`]: super::Port::filesystem

pub use rime_fs::{DirEntry, EntryKind, FileHandle, FsError, OpenFlags, Usage, Volume, Whence, PATH_CAPACITY};

/// The longest current directory `os.chdir` accepts, in bytes.
pub const CWD_CAPACITY: usize = 128;

/// How many open files the VM remembers, so it can close those whose
/// Python object the collector freed (the first slots of any port).
pub const REMEMBERED_FILES: usize = 8;

/// What the VM keeps about the filesystem between calls.
#[derive(Clone, Debug)]
pub struct VfsState {
    cwd: [u8; CWD_CAPACITY],
    cwd_len: usize,
    /// Per file slot: the address of the Python file object that holds it
    /// and its handle's bits (0, 0: none).
    open_files: [(u32, u32); REMEMBERED_FILES],
}

impl Default for VfsState {
    fn default() -> VfsState {
        let mut cwd = [0; CWD_CAPACITY];
        cwd[0] = b'/';
        VfsState { cwd, cwd_len: 1, open_files: [(0, 0); REMEMBERED_FILES] }
    }
}

impl VfsState {
    /// Remembers that the file object at `address` holds `handle`.
    pub fn remember_file(&mut self, handle: FileHandle, address: u32) {
        if let Some(entry) = self.open_files.get_mut((handle.to_bits() >> 16) as usize) {
            *entry = (address, handle.to_bits());
        }
    }

    /// Forgets the file object of `handle` (closed).
    pub fn forget_file(&mut self, handle: FileHandle) {
        if let Some(entry) = self.open_files.get_mut((handle.to_bits() >> 16) as usize) {
            if entry.1 == handle.to_bits() {
                *entry = (0, 0);
            }
        }
    }

    /// Forgets every file (the volume was unmounted).
    pub fn forget_all_files(&mut self) {
        self.open_files = [(0, 0); REMEMBERED_FILES];
    }

    /// The remembered files: `(object address, handle)`.
    pub fn remembered_files(&self) -> impl Iterator<Item = (u32, FileHandle)> + '_ {
        self.open_files
            .iter()
            .filter(|entry| entry.0 != 0)
            .map(|&(address, bits)| (address, FileHandle::from_bits(bits)))
    }

    /// The current directory, an absolute normalised path (`/` at first).
    pub fn cwd(&self) -> &[u8] {
        &self.cwd[..self.cwd_len]
    }

    /// Sets the current directory; false when it is too long.
    pub fn set_cwd(&mut self, path: &[u8]) -> bool {
        if path.len() > CWD_CAPACITY || path.is_empty() {
            return false;
        }
        self.cwd[..path.len()].copy_from_slice(path);
        self.cwd_len = path.len();
        true
    }
}

/// The port's filesystem: the volume mounted at `/` and the VM's state.
pub struct Vfs<'a> {
    pub volume: &'a mut dyn Volume,
    pub state: &'a mut VfsState,
}
