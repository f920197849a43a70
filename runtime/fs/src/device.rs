//! The block device a filesystem lives on, its geometry, and a device over a
//! byte slice (a RAM disk, or an image file read into memory on the host).

use crate::FsError;

/// Storage addressed as blocks of `Geometry::block_size` bytes: what littlefs
/// reads, programs and erases. A flash driver implements it for a region of
/// the chip's flash; `offset + data.len()` never exceeds the block size.
pub trait BlockDevice {
    /// Reads `buffer.len()` bytes of `block` from `offset` on.
    fn read(&mut self, block: u32, offset: u32, buffer: &mut [u8]) -> Result<(), FsError>;
    /// Programs `data` into `block` at `offset` (an erased area).
    fn prog(&mut self, block: u32, offset: u32, data: &[u8]) -> Result<(), FsError>;
    /// Erases `block`.
    fn erase(&mut self, block: u32) -> Result<(), FsError>;
    /// Makes every earlier program and erase durable.
    fn sync(&mut self) -> Result<(), FsError> {
        Ok(())
    }
}

/// The shape of a filesystem: its blocks and littlefs's tuning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Geometry {
    pub block_size: u32,
    pub block_count: u32,
    pub read_size: u32,
    pub prog_size: u32,
    pub lookahead_size: u32,
    /// Erase cycles before littlefs moves a metadata pair (wear levelling).
    pub block_cycles: i32,
}

impl Geometry {
    /// MicroPython's rp2 filesystem: `vfs.VfsLfs2(bdev, progsize=256)` over
    /// 4 KiB flash sectors, with `vfs_lfs`'s other defaults (read size and
    /// lookahead 32 bytes, 100 block cycles). The Pico's has 352 blocks.
    pub const fn micropython_rp2(block_count: u32) -> Geometry {
        Geometry { block_size: 4096, block_count, read_size: 32, prog_size: 256, lookahead_size: 32, block_cycles: 100 }
    }

    /// The size of littlefs's read and program caches and of each open
    /// file's cache, chosen as MicroPython chooses it.
    pub const fn cache_size(&self) -> u32 {
        let unit = if self.read_size > self.prog_size { self.read_size } else { self.prog_size };
        if 4 * unit < self.block_size {
            4 * unit
        } else {
            self.block_size
        }
    }

    /// The filesystem's size in bytes.
    pub const fn total_bytes(&self) -> usize {
        self.block_size as usize * self.block_count as usize
    }
}

/// A block device over bytes in memory, `block_size * block_count` of them,
/// with NOR flash's erased value: a slice (a RAM disk) or, on the host, an
/// image file's bytes in a `Vec` ([`MemoryDevice`] is generic over what
/// holds them).
#[derive(Debug)]
pub struct MemoryDevice<B> {
    bytes: B,
    block_size: u32,
}

/// A [`MemoryDevice`] over a borrowed slice.
pub type SliceDevice<'a> = MemoryDevice<&'a mut [u8]>;

impl<B: AsRef<[u8]> + AsMut<[u8]>> MemoryDevice<B> {
    /// A device over `bytes`, which must hold a whole number of blocks.
    pub fn new(bytes: B, block_size: u32) -> Result<MemoryDevice<B>, FsError> {
        if block_size == 0 || !bytes.as_ref().len().is_multiple_of(block_size as usize) {
            return Err(FsError::Invalid);
        }
        Ok(MemoryDevice { bytes, block_size })
    }

    /// The device's bytes.
    pub fn bytes(&self) -> &[u8] {
        self.bytes.as_ref()
    }

    fn range(&self, block: u32, offset: u32, len: usize) -> Result<core::ops::Range<usize>, FsError> {
        let start = block as usize * self.block_size as usize + offset as usize;
        let end = start.checked_add(len).ok_or(FsError::Io)?;
        if offset as usize + len > self.block_size as usize || end > self.bytes.as_ref().len() {
            return Err(FsError::Io);
        }
        Ok(start..end)
    }
}

impl<B: AsRef<[u8]> + AsMut<[u8]>> BlockDevice for MemoryDevice<B> {
    fn read(&mut self, block: u32, offset: u32, buffer: &mut [u8]) -> Result<(), FsError> {
        let range = self.range(block, offset, buffer.len())?;
        buffer.copy_from_slice(&self.bytes.as_ref()[range]);
        Ok(())
    }

    fn prog(&mut self, block: u32, offset: u32, data: &[u8]) -> Result<(), FsError> {
        let range = self.range(block, offset, data.len())?;
        self.bytes.as_mut()[range].copy_from_slice(data);
        Ok(())
    }

    fn erase(&mut self, block: u32) -> Result<(), FsError> {
        let range = self.range(block, 0, self.block_size as usize)?;
        self.bytes.as_mut()[range].fill(0xff);
        Ok(())
    }
}
