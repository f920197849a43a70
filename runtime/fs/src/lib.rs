//! rime's filesystem: littlefs v2 on a block device, behind a small safe layer.
//!
//! The littlefs implementation is `littlefs-rust-core`, a function-by-function
//! port of the C littlefs whose upstream test suite it carries; its functions
//! take raw pointers into state that must not move while the filesystem is
//! mounted. [`Filesystem`] owns all of that state (the littlefs structures, the
//! read, program and lookahead buffers, and a fixed number of file slots, each
//! with its own cache) and is used only pinned, so every pointer littlefs keeps
//! stays valid. Everything else here is safe: paths are `&str`, data are byte
//! slices, open files are [`FileHandle`]s, and errors are [`FsError`]s that
//! carry MicroPython's errno values.
//!
//! The crate is `no_std` and does not allocate: a port decides where the one
//! `Filesystem` lives (a static on a board, a box on the host). [`flash`]
//! is the block device over a region of a NOR flash chip, with the bounds
//! check every flash driver runs before it erases or programs.

#![no_std]

mod device;
mod filesystem;
pub mod flash;
mod volume;

pub use device::{BlockDevice, Geometry, MemoryDevice, SliceDevice};
pub use filesystem::{DirEntry, EntryKind, FileHandle, Filesystem, OpenFlags, Usage, Whence, PATH_CAPACITY};
pub use volume::Volume;

/// What went wrong in a filesystem operation, with the errno MicroPython
/// raises for it (littlefs's error codes are the negated errno values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FsError {
    #[error("input/output error")]
    Io,
    #[error("the filesystem is corrupt")]
    Corrupt,
    #[error("no such file or directory")]
    NotFound,
    #[error("file exists")]
    Exists,
    #[error("not a directory")]
    NotDirectory,
    #[error("is a directory")]
    IsDirectory,
    #[error("directory not empty")]
    NotEmpty,
    #[error("bad file handle")]
    BadHandle,
    #[error("file too large")]
    TooLarge,
    #[error("invalid argument")]
    Invalid,
    #[error("no space left on the device")]
    NoSpace,
    #[error("out of memory")]
    NoMemory,
    #[error("name too long")]
    NameTooLong,
    #[error("too many open files")]
    TooManyOpen,
    #[error("the filesystem is not mounted")]
    NotMounted,
}

impl FsError {
    /// The errno value MicroPython's `OSError` carries for this error.
    pub fn errno(self) -> i32 {
        match self {
            FsError::Io => 5,
            FsError::Corrupt => 84,
            FsError::NotFound => 2,
            FsError::Exists => 17,
            FsError::NotDirectory => 20,
            FsError::IsDirectory => 21,
            FsError::NotEmpty => 39,
            FsError::BadHandle => 9,
            FsError::TooLarge => 27,
            FsError::Invalid => 22,
            FsError::NoSpace => 28,
            FsError::NoMemory => 12,
            FsError::NameTooLong => 36,
            FsError::TooManyOpen => 24,
            // MicroPython raises ENODEV for an operation on a path no
            // filesystem is mounted at.
            FsError::NotMounted => 19,
        }
    }

    /// The error for one of littlefs's negative return codes.
    pub(crate) fn from_code(code: i32) -> FsError {
        use littlefs_rust_core::*;
        // Not re-exported by the crate; the values are lfs.h's.
        const LFS_ERR_BADF: i32 = -9;
        const LFS_ERR_FBIG: i32 = -27;
        match code {
            LFS_ERR_CORRUPT => FsError::Corrupt,
            LFS_ERR_NOENT => FsError::NotFound,
            LFS_ERR_EXIST => FsError::Exists,
            LFS_ERR_NOTDIR => FsError::NotDirectory,
            LFS_ERR_ISDIR => FsError::IsDirectory,
            LFS_ERR_NOTEMPTY => FsError::NotEmpty,
            LFS_ERR_BADF => FsError::BadHandle,
            LFS_ERR_FBIG => FsError::TooLarge,
            LFS_ERR_INVAL => FsError::Invalid,
            LFS_ERR_NOSPC => FsError::NoSpace,
            LFS_ERR_NOMEM => FsError::NoMemory,
            LFS_ERR_NAMETOOLONG => FsError::NameTooLong,
            _ => FsError::Io,
        }
    }

    /// littlefs's return code for this error (what a block device callback returns).
    pub(crate) fn code(self) -> i32 {
        match self {
            FsError::Corrupt => littlefs_rust_core::LFS_ERR_CORRUPT,
            _ => littlefs_rust_core::LFS_ERR_IO,
        }
    }
}
