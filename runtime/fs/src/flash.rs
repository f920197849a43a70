//! A filesystem on a region of a NOR flash chip: the region and its bounds
//! check ([`FlashRegion`]), what a chip's driver provides ([`FlashChip`]:
//! erase one 4 KiB sector, program one 256-byte page, read), and the block
//! device littlefs uses over them ([`FlashDevice`]).
//!
//! Addresses here are offsets from the start of the chip's flash, as the
//! RP2040's and RP2350's boot ROM functions take them. A driver holds the one
//! region it may change and asks [`FlashRegion::check`] before every erase
//! and program, so no error elsewhere (a littlefs bug, a wrong geometry, a
//! bad block number) can reach the runtime or the frozen image.

use crate::{BlockDevice, FsError};

/// The erase unit of the RP2 boards' flash: one 4 KiB sector.
pub const SECTOR_SIZE: u32 = 4096;

/// The program unit of the RP2 boards' flash: one 256-byte page.
pub const PAGE_SIZE: u32 = 256;

/// Why a flash operation was refused or failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FlashError {
    #[error("flash range {offset:#x}+{len:#x} is outside the filesystem region")]
    OutsideRegion { offset: u32, len: u32 },
    #[error("flash range {offset:#x}+{len:#x} is not aligned to {unit} bytes")]
    Unaligned { offset: u32, len: u32, unit: u32 },
}

/// The part of a flash chip given to the filesystem: whole sectors, as
/// offsets from the start of flash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlashRegion {
    start: u32,
    size: u32,
}

impl FlashRegion {
    /// The region `start..start + size`; `None` unless both are whole
    /// sectors, the region holds at least two of them (littlefs's
    /// superblock pair) and it ends inside the 32-bit address space.
    pub const fn new(start: u32, size: u32) -> Option<FlashRegion> {
        let aligned = start % SECTOR_SIZE == 0 && size % SECTOR_SIZE == 0;
        if !aligned || size < 2 * SECTOR_SIZE || start.checked_add(size).is_none() {
            return None;
        }
        Some(FlashRegion { start, size })
    }

    /// The first offset of the region.
    pub const fn start(&self) -> u32 {
        self.start
    }

    /// The region's size in bytes.
    pub const fn size(&self) -> u32 {
        self.size
    }

    /// How many sectors (littlefs blocks) the region holds.
    pub const fn sectors(&self) -> u32 {
        self.size / SECTOR_SIZE
    }

    /// Accepts `offset..offset + len` only when it lies inside the region
    /// and both ends are multiples of `unit` (the sector for an erase, the
    /// page for a program).
    pub fn check(&self, offset: u32, len: u32, unit: u32) -> Result<(), FlashError> {
        let end = offset.checked_add(len).ok_or(FlashError::OutsideRegion { offset, len })?;
        if offset < self.start || end > self.start + self.size || len == 0 {
            return Err(FlashError::OutsideRegion { offset, len });
        }
        if unit == 0 || offset % unit != 0 || len % unit != 0 {
            return Err(FlashError::Unaligned { offset, len, unit });
        }
        Ok(())
    }
}

/// A flash chip's driver: erases and programs only inside its region.
pub trait FlashChip {
    /// The region this driver may change.
    fn region(&self) -> FlashRegion;
    /// Erases the sector at `offset` (to 0xFF); refused outside the region.
    fn erase_sector(&mut self, offset: u32) -> Result<(), FlashError>;
    /// Programs the page at `offset` (which must be erased); refused
    /// outside the region.
    fn program_page(&mut self, offset: u32, page: &[u8; PAGE_SIZE as usize]) -> Result<(), FlashError>;
    /// Reads `buffer.len()` bytes from `offset`.
    fn read(&mut self, offset: u32, buffer: &mut [u8]) -> Result<(), FlashError>;
}

/// littlefs's block device over a [`FlashChip`]: block `n` is the region's
/// sector `n`; programs go out a page at a time.
#[derive(Debug)]
pub struct FlashDevice<C> {
    chip: C,
}

impl<C: FlashChip> FlashDevice<C> {
    pub fn new(chip: C) -> FlashDevice<C> {
        FlashDevice { chip }
    }

    /// The driver.
    pub fn chip(&self) -> &C {
        &self.chip
    }

    /// The flash offset of `offset` in `block`, if the range fits the block.
    fn offset_of(&self, block: u32, offset: u32, len: usize) -> Result<u32, FsError> {
        let len = u32::try_from(len).map_err(|_| FsError::Io)?;
        if block >= self.chip.region().sectors() || offset.checked_add(len).is_none_or(|end| end > SECTOR_SIZE) {
            return Err(FsError::Io);
        }
        Ok(self.chip.region().start() + block * SECTOR_SIZE + offset)
    }
}

impl<C: FlashChip> BlockDevice for FlashDevice<C> {
    fn read(&mut self, block: u32, offset: u32, buffer: &mut [u8]) -> Result<(), FsError> {
        let at = self.offset_of(block, offset, buffer.len())?;
        self.chip.read(at, buffer).map_err(|_| FsError::Io)
    }

    fn prog(&mut self, block: u32, offset: u32, data: &[u8]) -> Result<(), FsError> {
        let at = self.offset_of(block, offset, data.len())?;
        if at % PAGE_SIZE != 0 || data.len() % PAGE_SIZE as usize != 0 {
            return Err(FsError::Io);
        }
        let mut page = [0u8; PAGE_SIZE as usize];
        for (index, chunk) in data.chunks_exact(PAGE_SIZE as usize).enumerate() {
            page.copy_from_slice(chunk);
            self.chip.program_page(at + index as u32 * PAGE_SIZE, &page).map_err(|_| FsError::Io)?;
        }
        Ok(())
    }

    fn erase(&mut self, block: u32) -> Result<(), FsError> {
        let at = self.offset_of(block, 0, SECTOR_SIZE as usize)?;
        self.chip.erase_sector(at).map_err(|_| FsError::Io)
    }
}
