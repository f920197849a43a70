//! The firmware `cargo xtask flash` writes, read from the files the freezer
//! and `cargo xtask build` leave, and the chip it is for. Both flashing paths
//! use it: the BOOTSEL drive here, the debug probe in the probe-rs flasher
//! (`xtask/flash`).
//!
//! [`Firmware::load`] reads `firmware/<board>/`: `firmware.elf` (the runtime
//! with the frozen image in its region), or else `runtime.elf` plus
//! `frozen.img`. It splits the loadable bytes into the runtime part
//! (everything outside the frozen-image region) and the frozen image
//! (checked: magic, link address, board, size, checksum). Bytes in the
//! frozen-image region's module-info area (the picotool feature lines naming
//! the frozen modules, see `freeze/link.rs`) travel with the image: both the
//! full and the image-only update write them.
//!
//! The runtime's build id ([`RuntimeId`]) is the SHA-256 of the runtime's
//! loadable bytes, each segment as `address (u32 LE), length (u32 LE), bytes`
//! in address order. The flasher computes it from the local files and from the
//! same addresses read back over the probe; equal ids make an image-only
//! update safe.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use rime_bytecode::image::{self, Header, HEADER_SIZE, MAGIC};
use sha2::{Digest, Sha256};

use crate::rp2::Rp2Board;
use crate::uf2::{self, Segment};

/// The chips rime flashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chip {
    Rp2040,
    Rp2350,
}

impl Chip {
    /// The chip of a board (`chip = "rp2040"` or `"rp2350"` in board.toml).
    pub fn of_board(board: &Rp2Board) -> Result<Chip, FirmwareError> {
        match board.chip.as_str() {
            "rp2040" => Ok(Chip::Rp2040),
            "rp2350" => Ok(Chip::Rp2350),
            other => Err(FirmwareError::UnknownChip(other.to_string())),
        }
    }

    /// The UF2 family id of the chip's flash images.
    pub fn family(self) -> uf2::Family {
        match self {
            Chip::Rp2040 => uf2::Family::Rp2040,
            Chip::Rp2350 => uf2::Family::Rp2350ArmS,
        }
    }

    /// The chip of a SYSINFO `CHIP_ID` word (at 0x4000_0000 on both chips):
    /// bits 27:12 are the part number, 2 for the RP2040 and 4 for the RP2350.
    pub fn from_chip_id(word: u32) -> Option<Chip> {
        match (word >> 12) & 0xffff {
            0x0002 => Some(Chip::Rp2040),
            0x0004 => Some(Chip::Rp2350),
            _ => None,
        }
    }
}

impl fmt::Display for Chip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Chip::Rp2040 => "RP2040",
            Chip::Rp2350 => "RP2350",
        })
    }
}

/// Why firmware could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum FirmwareError {
    #[error("the board's chip `{0}` is neither rp2040 nor rp2350")]
    UnknownChip(String),
    #[error(
        "no firmware for {board} in {}: run `cargo xtask freeze --board {board}` (or `cargo xtask build --board {board}` for the runtime alone)",
        dir.display()
    )]
    NoFirmware { board: String, dir: PathBuf },
    #[error("reading {}: {message}", path.display())]
    Read { path: PathBuf, message: String },
    #[error("{}: {message}", path.display())]
    BadElf { path: PathBuf, message: String },
    #[error("the frozen image is not usable on {board}: {message}")]
    BadImage { board: String, message: String },
    #[error("the frozen image is too large: {size} bytes, but {board}'s frozen-image region holds {region} bytes")]
    ImageTooLarge { board: String, size: u64, region: u32 },
    #[error(
        "the bytes at {:#010x}..{:#010x} straddle the edge of the frozen-image region {:#010x}..{:#010x}",
        range.start, range.end, region.start, region.end
    )]
    Straddles { range: Range<u64>, region: Range<u32> },
    #[error("the firmware holds no frozen image, so there is nothing for an image-only update to write")]
    NoImage,
}

/// The runtime's build id: see the module docs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RuntimeId(pub [u8; 32]);

impl RuntimeId {
    /// The id of runtime segments (sorted by address first).
    pub fn of(segments: &[Segment]) -> RuntimeId {
        let mut sorted: Vec<&Segment> = segments.iter().collect();
        sorted.sort_by_key(|segment| segment.address);
        let mut hasher = Sha256::new();
        for segment in sorted {
            hasher.update(segment.address.to_le_bytes());
            hasher.update((segment.data.len() as u32).to_le_bytes());
            hasher.update(&segment.data);
        }
        RuntimeId(hasher.finalize().into())
    }

    /// The first 8 bytes in hex, enough to tell builds apart in a message.
    pub fn short(&self) -> String {
        self.0[..8].iter().map(|byte| format!("{byte:02x}")).collect()
    }
}

impl fmt::Debug for RuntimeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RuntimeId({})", self.short())
    }
}

/// The firmware to flash: the runtime's segments and the frozen image.
#[derive(Debug, Clone)]
pub struct Firmware {
    /// The loadable bytes outside the frozen-image region, by address.
    pub runtime: Vec<Segment>,
    /// The frozen image (its `total_size` bytes), placed at the region's start.
    pub image: Option<Vec<u8>>,
    /// The module-info area's bytes, written together with the image.
    pub module_info: Vec<Segment>,
    /// The files it came from, for messages.
    pub sources: Vec<PathBuf>,
}

impl Firmware {
    /// Reads `dir` (normally `firmware/<board>/`): see the module docs.
    pub fn load(board: &Rp2Board, dir: &Path) -> Result<Firmware, FirmwareError> {
        let read = |path: &Path| {
            std::fs::read(path)
                .map_err(|error| FirmwareError::Read { path: path.to_owned(), message: error.to_string() })
        };
        let elf_segments = |path: &Path| {
            uf2::elf_segments(&read(path)?, board.flash())
                .map_err(|error| FirmwareError::BadElf { path: path.to_owned(), message: format!("{error:#}") })
        };
        let (firmware_elf, runtime_elf, frozen_img) =
            (dir.join("firmware.elf"), dir.join("runtime.elf"), dir.join("frozen.img"));
        if firmware_elf.is_file() {
            let mut firmware = Firmware::from_parts(board, elf_segments(&firmware_elf)?, None)?;
            firmware.sources.push(firmware_elf);
            Ok(firmware)
        } else if runtime_elf.is_file() {
            let image = if frozen_img.is_file() { Some(read(&frozen_img)?) } else { None };
            let mut firmware = Firmware::from_parts(board, elf_segments(&runtime_elf)?, image)?;
            firmware.sources.push(runtime_elf);
            if firmware.image.is_some() {
                firmware.sources.push(frozen_img);
            }
            Ok(firmware)
        } else {
            Err(FirmwareError::NoFirmware { board: board.name.clone(), dir: dir.to_owned() })
        }
    }

    /// Splits ELF segments into runtime and image; `image` (a `frozen.img`)
    /// is used when the segments hold nothing in the frozen-image region.
    pub fn from_parts(
        board: &Rp2Board,
        segments: Vec<Segment>,
        image: Option<Vec<u8>>,
    ) -> Result<Firmware, FirmwareError> {
        let region = board.frozen_region();
        let info = board.module_info_area();
        let (mut runtime, mut in_region, mut module_info) = (Vec::new(), Vec::new(), Vec::new());
        for segment in segments {
            let range = u64::from(segment.address)..u64::from(segment.address) + segment.data.len() as u64;
            let (start, end) = (u64::from(region.start), u64::from(region.end));
            if range.start >= u64::from(info.start) && range.end <= u64::from(info.end) {
                module_info.push(segment);
            } else if range.end <= start || range.start >= end {
                runtime.push(segment);
            } else if range.start >= start && range.end <= end {
                in_region.push(segment);
            } else {
                return Err(FirmwareError::Straddles { range, region });
            }
        }
        runtime.sort_by_key(|segment| segment.address);
        let image = if in_region.is_empty() {
            image
        } else {
            // The image is linked at the region's start; its bytes run from there.
            let end = in_region.iter().map(|segment| segment.address as usize + segment.data.len()).max().unwrap_or(0);
            let mut bytes = vec![0xff; end - region.start as usize];
            for segment in &in_region {
                let offset = (segment.address - region.start) as usize;
                bytes[offset..offset + segment.data.len()].copy_from_slice(&segment.data);
            }
            Some(bytes)
        };
        let image = image.map(|bytes| check_image(board, bytes)).transpose()?;
        Ok(Firmware { runtime, image, module_info, sources: Vec::new() })
    }

    pub fn runtime_id(&self) -> RuntimeId {
        RuntimeId::of(&self.runtime)
    }

    /// The image as a segment at the frozen-image region's start.
    pub fn image_segment(&self, board: &Rp2Board) -> Option<Segment> {
        self.image.as_ref().map(|bytes| Segment { address: board.frozen_origin, data: bytes.clone() })
    }

    /// Everything: the runtime's segments, the image and the module-info area.
    pub fn all_segments(&self, board: &Rp2Board) -> Vec<Segment> {
        let mut segments = self.runtime.clone();
        segments.extend(self.image_segment(board));
        segments.extend(self.module_info.iter().cloned());
        segments
    }
}

/// Checks a frozen image against the board and trims it to its `total_size`.
fn check_image(board: &Rp2Board, mut bytes: Vec<u8>) -> Result<Vec<u8>, FirmwareError> {
    let bad = |message: String| FirmwareError::BadImage { board: board.name.clone(), message };
    let too_large =
        |size: u64| FirmwareError::ImageTooLarge { board: board.name.clone(), size, region: board.frozen_size };
    if bytes.len() as u64 > u64::from(board.frozen_size) && bytes.get(..4) != Some(&MAGIC[..]) {
        return Err(too_large(bytes.len() as u64));
    }
    let header = Header::read(&bytes).map_err(|error| bad(error.to_string()))?;
    if bytes[..4] != MAGIC {
        return Err(bad("it does not start with the RIMG magic".into()));
    }
    if header.link_address != board.frozen_origin {
        return Err(bad(format!(
            "it is linked at {:#010x}, but the board's frozen-image region starts at {:#010x}",
            header.link_address, board.frozen_origin
        )));
    }
    if header.board_name() != board.name {
        return Err(bad(format!("it was frozen for board `{}`", header.board_name())));
    }
    let total = header.total_size as usize;
    if total as u64 > u64::from(board.frozen_size) {
        return Err(too_large(total as u64));
    }
    if total < HEADER_SIZE || total > bytes.len() {
        return Err(bad(format!("its header says {total} bytes, but the file has {}", bytes.len())));
    }
    bytes.truncate(total);
    if image::checksum(&bytes) != header.checksum {
        return Err(bad("checksum mismatch: the image is corrupt".into()));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::super::synthetic::{self, temp_dir};
    use super::*;
    use crate::rp2::rp2_board;

    #[test]
    fn firmware_files_are_read_as_the_freezer_writes_them() {
        let board = rp2_board("pico").unwrap();
        let dir = temp_dir("plan-files");
        let runtime = synthetic::runtime_segments(&board, 20_000, 3);
        let image = synthetic::frozen_image(&board, 5_000, 4);
        synthetic::write_firmware_dir(&dir, &board, &runtime, &image).unwrap();
        let from_elf = Firmware::load(&board, &dir).unwrap();
        assert_eq!(from_elf.sources, [dir.join("firmware.elf")]);
        assert_eq!(from_elf.runtime, runtime);
        assert_eq!(from_elf.image.as_deref(), Some(&image[..]));
        // Without firmware.elf: runtime.elf + frozen.img, the same firmware.
        std::fs::remove_file(dir.join("firmware.elf")).unwrap();
        let from_parts = Firmware::load(&board, &dir).unwrap();
        assert_eq!(from_parts.sources, [dir.join("runtime.elf"), dir.join("frozen.img")]);
        assert_eq!(from_parts.runtime_id(), from_elf.runtime_id());
        assert_eq!(from_parts.image, from_elf.image);
        std::fs::remove_file(dir.join("runtime.elf")).unwrap();
        let error = Firmware::load(&board, &dir).unwrap_err().to_string();
        assert!(
            error.starts_with("no firmware for pico in") && error.contains("cargo xtask freeze --board pico"),
            "{error}"
        );
        std::fs::write(dir.join("runtime.elf"), b"not an elf").unwrap();
        let error = Firmware::load(&board, &dir).unwrap_err().to_string();
        assert!(error.contains("runtime.elf: not an ELF file"), "{error}");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn bad_images_are_refused() {
        let board = rp2_board("pico").unwrap();
        let runtime = || synthetic::runtime_segments(&board, 1_000, 5);
        let image = synthetic::frozen_image(&board, 2_000, 6);
        let error = |image: Vec<u8>| Firmware::from_parts(&board, runtime(), Some(image)).unwrap_err().to_string();
        let too_large = synthetic::frozen_image(&board, board.frozen_size as usize + 4, 6);
        assert_eq!(
            error(too_large),
            format!(
                "the frozen image is too large: {} bytes, but pico's frozen-image region holds 65536 bytes",
                (64 << 10) + 4
            )
        );
        let mut corrupt = image.clone();
        corrupt[1_500] ^= 1;
        assert!(error(corrupt).ends_with("checksum mismatch: the image is corrupt"));
        // A board whose image region starts elsewhere (as a layout change would move it).
        let mut moved = board.clone();
        moved.frozen_origin += 0x1000;
        moved.frozen_size -= 0x1000;
        let error2 = Firmware::from_parts(&moved, Vec::new(), Some(image.clone())).unwrap_err().to_string();
        assert!(
            error2.contains("it is linked at 0x100c0000, but the board's frozen-image region starts at 0x100c1000"),
            "{error2}"
        );
        let mut wrong_magic = image.clone();
        wrong_magic[0] = b'X';
        assert!(error(wrong_magic).ends_with("it does not start with the RIMG magic"));
        assert!(error(image[..64].to_vec()).contains("truncated") || error(image[..64].to_vec()).contains("Truncated"));
        // A segment across the region's start is neither runtime nor image.
        let straddling = vec![Segment { address: board.frozen_origin - 16, data: vec![0; 32] }];
        let message = Firmware::from_parts(&board, straddling, None).unwrap_err().to_string();
        assert!(message.contains("straddle the edge of the frozen-image region"), "{message}");
    }

    #[test]
    fn the_runtime_id_covers_addresses_and_bytes() {
        let board = rp2_board("pico").unwrap();
        let runtime = synthetic::runtime_segments(&board, 4_000, 9);
        let id = RuntimeId::of(&runtime);
        let mut reversed = runtime.clone();
        reversed.reverse();
        assert_eq!(RuntimeId::of(&reversed), id, "the order of the segments does not matter");
        let mut moved = runtime.clone();
        moved[2].address += 0x1000;
        assert_ne!(RuntimeId::of(&moved), id);
        let mut changed = runtime;
        changed[1].data[100] ^= 1;
        assert_ne!(RuntimeId::of(&changed), id);
        assert_eq!(id.short().len(), 16);
    }

    #[test]
    fn boards_and_chip_ids_name_the_chip() {
        assert_eq!(Chip::of_board(&rp2_board("pico2_w").unwrap()).unwrap(), Chip::Rp2350);
        let mut board = rp2_board("pico").unwrap();
        board.chip = "esp32".into();
        assert!(matches!(Chip::of_board(&board), Err(FirmwareError::UnknownChip(_))));
        assert_eq!(Chip::Rp2350.family().id(), 0xe48b_ff59);
        // CHIP_ID values: revision in bits 31:28, part in 27:12, JEDEC manufacturer 0x927.
        assert_eq!(Chip::from_chip_id(0x2000_2927), Some(Chip::Rp2040));
        assert_eq!(Chip::from_chip_id(0x1000_4927), Some(Chip::Rp2350));
        assert_eq!(Chip::from_chip_id(0x0000_1477), None);
    }
}
