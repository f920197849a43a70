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

/// What the VM keeps about the filesystem between calls.
#[derive(Clone, Debug)]
pub struct VfsState {
    cwd: [u8; CWD_CAPACITY],
    cwd_len: usize,
}

impl Default for VfsState {
    fn default() -> VfsState {
        let mut cwd = [0; CWD_CAPACITY];
        cwd[0] = b'/';
        VfsState { cwd, cwd_len: 1 }
    }
}

impl VfsState {
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
