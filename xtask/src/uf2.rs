//! UF2, the format a Pico's BOOTSEL drive takes: our own writer.
//!
//! A UF2 file is a sequence of 512-byte blocks, all fields little-endian:
//! `magic0 0x0A324655, magic1 0x9E5D5157, flags, target address, payload size
//! (256), block number, block count, family id, data[476], magicEnd
//! 0x0AB16F30`. Flag 0x2000 says the family id is present; flag 0x8000 that
//! extension tags follow the payload.
//!
//! [`from_elf`] follows picotool's `uf2 convert`: every ELF `PT_LOAD` segment
//! with file contents, at its load address (LMA, `p_paddr`), must lie in
//! flash; the bytes are grouped into 256-byte pages aligned to 256, gaps
//! inside a page are 0x00, and one block per page is written in address
//! order, numbered 0..n of n. For the RP2350 ([`Family::Rp2350ArmS`]) an
//! RP2350-E10 "absolute" block comes first: family 0xe48bff57, target
//! 0x10ffff00, 256 × 0xEF, and the extension tag 0x9957E304
//! (UF2_EXTENSION_RP2_IGNORE_BLOCK) right after the payload, numbered 0 of 2.
//! It makes A2 silicon's boot ROM erase correctly; later boot ROMs ignore it.
//!
//! [`from_region`] writes a raw flash region instead (an image-only update):
//! the region must start and end on 4 KiB erase sectors, and the data is
//! padded with 0xFF to the region's end, so flashing it erases exactly the
//! region and nothing beside it.
//!
//! `tests/reference/uf2-decode.py` is an independent decoder; the tests in
//! `test/rp2.rs` compare its reassembly with the ELF segments.

use std::collections::BTreeMap;
use std::ops::Range;

use anyhow::{bail, ensure, Context};
use elf::abi::PT_LOAD;
use elf::endian::AnyEndian;
use elf::ElfBytes;

pub const MAGIC0: u32 = 0x0A32_4655;
pub const MAGIC1: u32 = 0x9E5D_5157;
pub const MAGIC_END: u32 = 0x0AB1_6F30;
pub const FLAG_FAMILY_ID: u32 = 0x2000;
pub const FLAG_EXTENSIONS: u32 = 0x8000;
/// Bytes of payload per block (the flash page size).
pub const PAGE: u32 = 256;
/// The flash erase sector: raw regions start and end on it.
pub const SECTOR: u32 = 4096;
/// The RP2350-E10 absolute block's target, family and extension tag.
pub const ABSOLUTE_TARGET: u32 = 0x10ff_ff00;
pub const FAMILY_ABSOLUTE: u32 = 0xe48b_ff57;
pub const EXTENSION_RP2_IGNORE_BLOCK: u32 = 0x9957_E304;

/// The UF2 family ids of the chips rime builds for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// RP2040: 0xe48bff56.
    Rp2040,
    /// RP2350, Arm cores in Secure state: 0xe48bff59.
    Rp2350ArmS,
}

impl Family {
    pub fn id(self) -> u32 {
        match self {
            Family::Rp2040 => 0xe48b_ff56,
            Family::Rp2350ArmS => 0xe48b_ff59,
        }
    }

    /// The family of a board's `chip` (`rp2040` or `rp2350`).
    pub fn of_chip(chip: &str) -> anyhow::Result<Family> {
        match chip {
            "rp2040" => Ok(Family::Rp2040),
            "rp2350" => Ok(Family::Rp2350ArmS),
            _ => bail!("no UF2 family for the chip `{chip}`"),
        }
    }

    /// Whether images of this family start with the RP2350-E10 absolute block.
    fn needs_absolute_block(self) -> bool {
        self == Family::Rp2350ArmS
    }
}

/// Bytes to be written at a flash address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub address: u32,
    pub data: Vec<u8>,
}

/// The loadable contents of an ELF file: every `PT_LOAD` segment with file
/// contents, at its load address. Each must lie wholly inside `flash`.
pub fn elf_segments(elf_bytes: &[u8], flash: Range<u32>) -> anyhow::Result<Vec<Segment>> {
    let file = ElfBytes::<AnyEndian>::minimal_parse(elf_bytes).context("not an ELF file")?;
    let headers = file.segments().context("the ELF file has no program headers")?;
    let mut segments = Vec::new();
    for header in headers.iter().filter(|header| header.p_type == PT_LOAD && header.p_filesz > 0) {
        let data = file.segment_data(&header).context("reading an ELF segment")?;
        let start = u32::try_from(header.p_paddr).context("segment address beyond 32 bits")?;
        let end = u64::from(start) + header.p_filesz;
        ensure!(
            flash.contains(&start) && end <= u64::from(flash.end),
            "the ELF segment at {start:#010x}..{end:#010x} is not inside flash {:#010x}..{:#010x}",
            flash.start,
            flash.end
        );
        segments.push(Segment { address: start, data: data.to_vec() });
    }
    ensure!(!segments.is_empty(), "the ELF file has nothing to load");
    Ok(segments)
}

/// Groups segments into 256-byte pages, keyed by page address; bytes no
/// segment covers are 0x00. Overlapping segments are an error.
pub fn pages(segments: &[Segment]) -> anyhow::Result<BTreeMap<u32, [u8; PAGE as usize]>> {
    let mut pages: BTreeMap<u32, [u8; PAGE as usize]> = BTreeMap::new();
    let mut covered: BTreeMap<u32, u32> = BTreeMap::new();
    for segment in segments {
        let end = segment.address + segment.data.len() as u32;
        if let Some((&start, &other_end)) = covered.range(..end).next_back() {
            ensure!(other_end <= segment.address, "segments overlap at {:#010x}", segment.address.max(start));
        }
        covered.insert(segment.address, end);
        for (index, &byte) in segment.data.iter().enumerate() {
            let address = segment.address + index as u32;
            pages.entry(address & !(PAGE - 1)).or_insert([0; PAGE as usize])[(address % PAGE) as usize] = byte;
        }
    }
    Ok(pages)
}

/// One 512-byte block.
fn block(flags: u32, target: u32, number: u32, count: u32, family: u32, payload: &[u8]) -> [u8; 512] {
    let mut out = [0u8; 512];
    let header = [MAGIC0, MAGIC1, flags, target, PAGE, number, count, family];
    for (index, word) in header.iter().enumerate() {
        out[4 * index..4 * index + 4].copy_from_slice(&word.to_le_bytes());
    }
    out[32..32 + payload.len()].copy_from_slice(payload);
    out[508..].copy_from_slice(&MAGIC_END.to_le_bytes());
    out
}

/// The RP2350-E10 absolute block.
fn absolute_block() -> [u8; 512] {
    let mut out = block(FLAG_FAMILY_ID | FLAG_EXTENSIONS, ABSOLUTE_TARGET, 0, 2, FAMILY_ABSOLUTE, &[0xef; 256]);
    out[32 + 256..32 + 260].copy_from_slice(&EXTENSION_RP2_IGNORE_BLOCK.to_le_bytes());
    out
}

/// Writes pages as a UF2 file of `family`.
fn write_pages(pages: &BTreeMap<u32, [u8; PAGE as usize]>, family: Family) -> Vec<u8> {
    let mut out = Vec::with_capacity((pages.len() + 1) * 512);
    if family.needs_absolute_block() {
        out.extend_from_slice(&absolute_block());
    }
    let count = pages.len() as u32;
    for (number, (address, payload)) in pages.iter().enumerate() {
        out.extend_from_slice(&block(FLAG_FAMILY_ID, *address, number as u32, count, family.id(), payload));
    }
    out
}

/// A UF2 file with `segments` (flash addresses), as picotool writes it.
pub fn from_segments(segments: &[Segment], family: Family) -> anyhow::Result<Vec<u8>> {
    Ok(write_pages(&pages(segments)?, family))
}

/// A UF2 file with the loadable contents of an ELF file in `flash`.
pub fn from_elf(elf_bytes: &[u8], flash: Range<u32>, family: Family) -> anyhow::Result<Vec<u8>> {
    from_segments(&elf_segments(elf_bytes, flash)?, family)
}

/// A UF2 file that rewrites the whole flash region `region` (4 KiB aligned at
/// both ends) with `data` at its start and 0xFF after it.
pub fn from_region(region: Range<u32>, data: &[u8], family: Family) -> anyhow::Result<Vec<u8>> {
    ensure!(
        region.start % SECTOR == 0 && region.end % SECTOR == 0 && region.start < region.end,
        "the region {:#010x}..{:#010x} must start and end on 4 KiB flash sectors",
        region.start,
        region.end
    );
    let length = (region.end - region.start) as usize;
    ensure!(data.len() <= length, "{} bytes do not fit the {length}-byte region", data.len());
    let mut padded = data.to_vec();
    padded.resize(length, 0xff);
    from_segments(&[Segment { address: region.start, data: padded }], family)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(bytes: &[u8], at: usize) -> u32 {
        u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
    }

    #[test]
    fn rp2040_blocks_cover_pages_in_order_with_zero_filled_gaps() {
        let segments = [
            Segment { address: 0x1000_0100, data: vec![0xaa; 0x10] },
            Segment { address: 0x1000_0000, data: vec![0x11; 0x100] },
            Segment { address: 0x1000_0310, data: vec![0xbb; 0x200] },
        ];
        let uf2 = from_segments(&segments, Family::Rp2040).unwrap();
        assert_eq!(uf2.len(), 5 * 512, "pages 0x000, 0x100, 0x300, 0x400, 0x500");
        let targets: Vec<u32> = uf2.chunks(512).map(|block| word(block, 12)).collect();
        assert_eq!(targets, [0x1000_0000, 0x1000_0100, 0x1000_0300, 0x1000_0400, 0x1000_0500]);
        for (number, block) in uf2.chunks(512).enumerate() {
            assert_eq!([word(block, 0), word(block, 4), word(block, 508)], [MAGIC0, MAGIC1, MAGIC_END]);
            assert_eq!([word(block, 8), word(block, 16)], [FLAG_FAMILY_ID, 256]);
            assert_eq!([word(block, 20), word(block, 24), word(block, 28)], [number as u32, 5, 0xe48b_ff56]);
            assert!(block[32 + 256..508].iter().all(|&byte| byte == 0));
        }
        let second = &uf2[512 + 32..512 + 32 + 256];
        assert!(second[..0x10].iter().all(|&byte| byte == 0xaa) && second[0x10..].iter().all(|&byte| byte == 0));
        let third = &uf2[2 * 512 + 32..2 * 512 + 32 + 256];
        assert!(third[..0x10].iter().all(|&byte| byte == 0) && third[0x10..].iter().all(|&byte| byte == 0xbb));
        let fifth = &uf2[4 * 512 + 32..4 * 512 + 32 + 256];
        assert!(fifth[..0x10].iter().all(|&byte| byte == 0xbb) && fifth[0x10..].iter().all(|&byte| byte == 0));
    }

    #[test]
    fn rp2350_starts_with_the_e10_absolute_block() {
        let uf2 = from_segments(&[Segment { address: 0x1000_0000, data: vec![1; 300] }], Family::Rp2350ArmS).unwrap();
        assert_eq!(uf2.len(), 3 * 512);
        let absolute = &uf2[..512];
        assert_eq!(word(absolute, 8), 0x2000 | 0x8000);
        assert_eq!([word(absolute, 12), word(absolute, 20), word(absolute, 24)], [0x10ff_ff00, 0, 2]);
        assert_eq!(word(absolute, 28), 0xe48b_ff57);
        assert!(absolute[32..32 + 256].iter().all(|&byte| byte == 0xef));
        assert_eq!(word(absolute, 32 + 256), 0x9957_E304);
        for (number, block) in uf2[512..].chunks(512).enumerate() {
            assert_eq!([word(block, 20), word(block, 24), word(block, 28)], [number as u32, 2, 0xe48b_ff59]);
        }
    }

    #[test]
    fn raw_regions_are_sector_aligned_and_padded_with_ff() {
        let uf2 = from_region(0x1010_0000..0x1010_2000, b"RIMG", Family::Rp2040).unwrap();
        assert_eq!(uf2.len(), 32 * 512, "8 KiB is 32 pages");
        assert_eq!(&uf2[32..36], b"RIMG");
        assert!(uf2[36..32 + 256].iter().all(|&byte| byte == 0xff));
        assert_eq!(word(&uf2[31 * 512..], 12), 0x1010_1f00);
        assert!(from_region(0x1010_0100..0x1010_2000, b"", Family::Rp2040).is_err());
        assert!(from_region(0x1010_0000..0x1010_1000, &[0; 4097], Family::Rp2040).is_err());
    }

    #[test]
    fn overlapping_segments_are_rejected() {
        let segments = [
            Segment { address: 0x1000_0000, data: vec![0; 0x20] },
            Segment { address: 0x1000_0010, data: vec![0; 0x20] },
        ];
        assert!(pages(&segments).unwrap_err().to_string().contains("overlap"));
    }

    #[test]
    fn families_follow_the_chip() {
        assert_eq!(Family::of_chip("rp2040").unwrap().id(), 0xe48b_ff56);
        assert_eq!(Family::of_chip("rp2350").unwrap().id(), 0xe48b_ff59);
        assert!(Family::of_chip("esp32").is_err());
    }
}
