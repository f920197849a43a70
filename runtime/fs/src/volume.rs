//! [`Volume`]: a mounted filesystem as an object-safe trait, so the VM can
//! reach the port's filesystem through `&mut dyn Volume` without knowing
//! its block device or its number of file slots.

use core::ops::DerefMut;
use core::pin::Pin;

use crate::device::{BlockDevice, Geometry};
use crate::filesystem::{DirEntry, FileHandle, Filesystem, OpenFlags, Usage, Whence};
use crate::FsError;

/// The operations of [`Filesystem`], through any pinned pointer to one.
pub trait Volume {
    fn geometry(&self) -> Geometry;
    fn is_mounted(&self) -> bool;
    fn format(&mut self) -> Result<(), FsError>;
    fn mount(&mut self) -> Result<(), FsError>;
    fn unmount(&mut self) -> Result<(), FsError>;
    fn open(&mut self, path: &str, flags: OpenFlags) -> Result<FileHandle, FsError>;
    fn read(&mut self, handle: FileHandle, buffer: &mut [u8]) -> Result<usize, FsError>;
    fn write(&mut self, handle: FileHandle, data: &[u8]) -> Result<usize, FsError>;
    fn seek(&mut self, handle: FileHandle, offset: i32, whence: Whence) -> Result<u32, FsError>;
    fn tell(&mut self, handle: FileHandle) -> Result<u32, FsError>;
    fn size(&mut self, handle: FileHandle) -> Result<u32, FsError>;
    fn truncate(&mut self, handle: FileHandle, size: u32) -> Result<(), FsError>;
    fn sync(&mut self, handle: FileHandle) -> Result<(), FsError>;
    fn close(&mut self, handle: FileHandle) -> Result<(), FsError>;
    fn mkdir(&mut self, path: &str) -> Result<(), FsError>;
    fn remove(&mut self, path: &str) -> Result<(), FsError>;
    fn rename(&mut self, from: &str, to: &str) -> Result<(), FsError>;
    fn stat(&mut self, path: &str) -> Result<DirEntry, FsError>;
    fn usage(&mut self) -> Result<Usage, FsError>;
    fn read_dir(&mut self, path: &str, visit: &mut dyn FnMut(&DirEntry)) -> Result<(), FsError>;
}

impl<P, D, const FILES: usize, const CACHE: usize> Volume for Pin<P>
where
    P: DerefMut<Target = Filesystem<D, FILES, CACHE>>,
    D: BlockDevice,
{
    fn geometry(&self) -> Geometry {
        Filesystem::geometry(self)
    }
    fn is_mounted(&self) -> bool {
        Filesystem::is_mounted(self)
    }
    fn format(&mut self) -> Result<(), FsError> {
        self.as_mut().format()
    }
    fn mount(&mut self) -> Result<(), FsError> {
        self.as_mut().mount()
    }
    fn unmount(&mut self) -> Result<(), FsError> {
        self.as_mut().unmount()
    }
    fn open(&mut self, path: &str, flags: OpenFlags) -> Result<FileHandle, FsError> {
        self.as_mut().open(path, flags)
    }
    fn read(&mut self, handle: FileHandle, buffer: &mut [u8]) -> Result<usize, FsError> {
        self.as_mut().read(handle, buffer)
    }
    fn write(&mut self, handle: FileHandle, data: &[u8]) -> Result<usize, FsError> {
        self.as_mut().write(handle, data)
    }
    fn seek(&mut self, handle: FileHandle, offset: i32, whence: Whence) -> Result<u32, FsError> {
        self.as_mut().seek(handle, offset, whence)
    }
    fn tell(&mut self, handle: FileHandle) -> Result<u32, FsError> {
        self.as_mut().tell(handle)
    }
    fn size(&mut self, handle: FileHandle) -> Result<u32, FsError> {
        self.as_mut().size(handle)
    }
    fn truncate(&mut self, handle: FileHandle, size: u32) -> Result<(), FsError> {
        self.as_mut().truncate(handle, size)
    }
    fn sync(&mut self, handle: FileHandle) -> Result<(), FsError> {
        self.as_mut().sync(handle)
    }
    fn close(&mut self, handle: FileHandle) -> Result<(), FsError> {
        self.as_mut().close(handle)
    }
    fn mkdir(&mut self, path: &str) -> Result<(), FsError> {
        self.as_mut().mkdir(path)
    }
    fn remove(&mut self, path: &str) -> Result<(), FsError> {
        self.as_mut().remove(path)
    }
    fn rename(&mut self, from: &str, to: &str) -> Result<(), FsError> {
        self.as_mut().rename(from, to)
    }
    fn stat(&mut self, path: &str) -> Result<DirEntry, FsError> {
        self.as_mut().stat(path)
    }
    fn usage(&mut self) -> Result<Usage, FsError> {
        self.as_mut().usage()
    }
    fn read_dir(&mut self, path: &str, visit: &mut dyn FnMut(&DirEntry)) -> Result<(), FsError> {
        self.as_mut().read_dir(path, visit)
    }
}
