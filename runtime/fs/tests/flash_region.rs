//! The flash region's bounds check and the block device over a flash chip:
//! on a model of the Pico's whole 2 MiB NOR flash (programs only clear
//! bits, erases set whole sectors to 0xFF), littlefs formats, writes and
//! reads a filesystem in MicroPython's Pico region (the last 1,408 KiB) and
//! no byte outside it changes; erases and programs outside it are refused.

mod common;

use common::{read_file, write_file, APPEND, WRITE_NEW};
use rime_fs::flash::{FlashChip, FlashDevice, FlashError, FlashRegion, PAGE_SIZE, SECTOR_SIZE};
use rime_fs::{Filesystem, Geometry};

/// The Pico's flash and MicroPython's filesystem region on it.
const FLASH_SIZE: u32 = 2 << 20;
const PICO_FS_START: u32 = 0xa_0000;
const PICO_FS_SIZE: u32 = 1408 * 1024;

/// A NOR flash chip holding the whole flash, whose driver checks the region
/// as the RP2 driver does, and which records every erase and program.
struct NorChip {
    bytes: Vec<u8>,
    region: FlashRegion,
    changed: Vec<(u32, u32)>,
}

impl FlashChip for NorChip {
    fn region(&self) -> FlashRegion {
        self.region
    }

    fn erase_sector(&mut self, offset: u32) -> Result<(), FlashError> {
        self.region.check(offset, SECTOR_SIZE, SECTOR_SIZE)?;
        self.changed.push((offset, SECTOR_SIZE));
        self.bytes[offset as usize..(offset + SECTOR_SIZE) as usize].fill(0xff);
        Ok(())
    }

    fn program_page(&mut self, offset: u32, page: &[u8; PAGE_SIZE as usize]) -> Result<(), FlashError> {
        self.region.check(offset, PAGE_SIZE, PAGE_SIZE)?;
        self.changed.push((offset, PAGE_SIZE));
        for (byte, new) in self.bytes[offset as usize..].iter_mut().zip(page) {
            *byte &= new;
        }
        Ok(())
    }

    fn read(&mut self, offset: u32, buffer: &mut [u8]) -> Result<(), FlashError> {
        let start = offset as usize;
        buffer.copy_from_slice(&self.bytes[start..start + buffer.len()]);
        Ok(())
    }
}

/// Flash that looks used: a runtime and an image that must survive.
fn firmware_bytes() -> Vec<u8> {
    (0..FLASH_SIZE).map(|index| (index.wrapping_mul(2_654_435_761) >> 24) as u8).collect()
}

fn pico_region() -> FlashRegion {
    FlashRegion::new(PICO_FS_START, PICO_FS_SIZE).unwrap()
}

#[test]
fn regions_are_whole_sectors() {
    assert_eq!(pico_region().sectors(), 352);
    assert!(FlashRegion::new(0x1000, 0x1000).is_none(), "a single sector holds no superblock pair");
    assert!(FlashRegion::new(0x800, 0x4000).is_none(), "unaligned start");
    assert!(FlashRegion::new(0x1000, 0x4800).is_none(), "unaligned size");
    assert!(FlashRegion::new(0xffff_f000, 0x2000).is_none(), "past the address space");
}

#[test]
fn the_bounds_check_refuses_every_range_outside_the_region() {
    let region = pico_region();
    let end = PICO_FS_START + PICO_FS_SIZE;
    assert_eq!(region.check(PICO_FS_START, SECTOR_SIZE, SECTOR_SIZE), Ok(()));
    assert_eq!(region.check(end - SECTOR_SIZE, SECTOR_SIZE, SECTOR_SIZE), Ok(()));
    assert_eq!(region.check(end - PAGE_SIZE, PAGE_SIZE, PAGE_SIZE), Ok(()));
    let outside = [
        (0, SECTOR_SIZE),                           // the runtime's first sector (boot2)
        (PICO_FS_START - SECTOR_SIZE, SECTOR_SIZE), // the image region's last sector
        (PICO_FS_START - PAGE_SIZE, 2 * PAGE_SIZE), // straddling the start
        (end - PAGE_SIZE, 2 * PAGE_SIZE),           // straddling the end
        (end, PAGE_SIZE),                           // just past the end
        (u32::MAX - PAGE_SIZE + 1, PAGE_SIZE),      // wrapping around
        (PICO_FS_START, 0),                         // nothing
    ];
    for (offset, len) in outside {
        assert_eq!(region.check(offset, len, PAGE_SIZE), Err(FlashError::OutsideRegion { offset, len }), "{offset:#x}");
    }
    let unaligned = FlashError::Unaligned { offset: PICO_FS_START + 256, len: SECTOR_SIZE, unit: SECTOR_SIZE };
    assert_eq!(region.check(PICO_FS_START + 256, SECTOR_SIZE, SECTOR_SIZE), Err(unaligned));
    assert!(region.check(PICO_FS_START, 100, PAGE_SIZE).is_err());
}

#[test]
fn littlefs_changes_only_its_region() {
    let original = firmware_bytes();
    let chip = NorChip { bytes: original.clone(), region: pico_region(), changed: Vec::new() };
    let geometry = Geometry::micropython_rp2(pico_region().sectors());
    let mut fs = Box::pin(Filesystem::<_>::new(FlashDevice::new(chip), geometry).unwrap());
    fs.as_mut().format().unwrap();
    fs.as_mut().mount().unwrap();
    fs.as_mut().mkdir("/lib").unwrap();
    let big: Vec<u8> = (0..20_000u32).map(|index| (index % 253) as u8).collect();
    write_file(fs.as_mut(), "/lib/big.bin", WRITE_NEW, &big);
    write_file(fs.as_mut(), "/log.txt", WRITE_NEW, b"first\n");
    write_file(fs.as_mut(), "/log.txt", APPEND, b"second\n");
    fs.as_mut().unmount().unwrap();
    fs.as_mut().mount().unwrap();
    assert_eq!(read_file(fs.as_mut(), "/lib/big.bin"), big);
    assert_eq!(read_file(fs.as_mut(), "/log.txt"), b"first\nsecond\n");
    fs.as_mut().unmount().unwrap();

    let chip = fs.device().chip();
    assert!(!chip.changed.is_empty());
    for &(offset, len) in &chip.changed {
        assert!(PICO_FS_START <= offset && offset + len <= PICO_FS_START + PICO_FS_SIZE, "{offset:#x}+{len:#x}");
    }
    let (start, end) = (PICO_FS_START as usize, (PICO_FS_START + PICO_FS_SIZE) as usize);
    assert!(chip.bytes[..start] == original[..start], "the runtime and image regions changed");
    assert!(chip.bytes[end..] == original[end..], "flash after the region changed");
}

#[test]
fn the_driver_refuses_to_erase_or_program_outside_the_region() {
    let original = firmware_bytes();
    let mut chip = NorChip { bytes: original.clone(), region: pico_region(), changed: Vec::new() };
    let page = [0u8; PAGE_SIZE as usize];
    assert!(chip.erase_sector(PICO_FS_START - SECTOR_SIZE).is_err());
    assert!(chip.erase_sector(0).is_err());
    assert!(chip.program_page(PICO_FS_START - PAGE_SIZE, &page).is_err());
    assert!(chip.program_page(PICO_FS_START + PICO_FS_SIZE, &page).is_err());
    assert!(chip.changed.is_empty() && chip.bytes == original);
    // Through the block device, a block past the region is an I/O error.
    let mut device = FlashDevice::new(chip);
    assert!(rime_fs::BlockDevice::erase(&mut device, 352).is_err());
    assert!(rime_fs::BlockDevice::prog(&mut device, 351, 4096 - 256, &[0u8; 512]).is_err());
    assert!(device.chip().changed.is_empty());
}
