//! The flash plan: which 4 KiB sectors a flash operation erases and writes,
//! computed from the real firmware files through probe-rs's own flash loader,
//! without a probe.
//!
//! [`Firmware::load`] reads what the freezer and `cargo xtask build` leave in
//! `firmware/<board>/`: `firmware.elf` (the runtime with the frozen image in
//! its region), or else `runtime.elf` plus `frozen.img`. It splits the loadable
//! bytes into the runtime part (everything outside the frozen-image region)
//! and the frozen image (checked: magic, link address, board, size, checksum).
//! Bytes in the frozen-image region's module-info area (the picotool feature
//! lines naming the frozen modules, see `freeze/link.rs`) travel with the
//! image: both the full and the image-only update write them.
//!
//! [`FlashPlan::new`] stages the bytes in a probe-rs `FlashLoader` made from
//! the chip's built-in target description (`Registry`, `target.flash_loader()`
//! and `add_data()`, which need no session), so an address outside the chip's
//! flash fails exactly as it would on hardware. It then checks the board's
//! real flash size, and lays the loader's merged data out on the flash
//! algorithm's sectors the way probe-rs's flash builder does: every sector that
//! holds data is erased and programmed in full, bytes without data being the
//! erased value 0xFF. The plan keeps those sector-aligned writes; the probe
//! hands exactly them to probe-rs, and [`FlashPlan::without_unchanged`] drops
//! the sectors the board already holds, so only what must change is erased.
//!
//! The runtime's build id ([`RuntimeId`]) is the SHA-256 of the runtime's
//! loadable bytes, each segment as `address (u32 LE), length (u32 LE), bytes`
//! in address order. The flash command computes it from the local files and
//! from the same addresses read back over the probe; equal ids make an
//! image-only update safe.

use std::collections::BTreeSet;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use probe_rs::config::Registry;
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
    pub fn of_board(board: &Rp2Board) -> Result<Chip, PlanError> {
        match board.chip.as_str() {
            "rp2040" => Ok(Chip::Rp2040),
            "rp2350" => Ok(Chip::Rp2350),
            other => Err(PlanError::UnknownChip(other.to_string())),
        }
    }

    /// The name of the chip in probe-rs's built-in target database.
    pub fn probe_rs_name(self) -> &'static str {
        match self {
            Chip::Rp2040 => "RP2040",
            Chip::Rp2350 => "RP235x",
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

/// Why firmware could not be loaded or planned.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
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
    #[error(
        "the address range {:#010x}..{:#010x} is outside {board}'s flash {:#010x}..{:#010x}{}",
        range.start, range.end, flash.start, flash.end, probe_rs_detail(detail)
    )]
    OutsideFlash { board: String, range: Range<u64>, flash: Range<u32>, detail: Option<String> },
    #[error("probe-rs has no target description for {chip}: {message}")]
    NoTarget { chip: Chip, message: String },
    #[error("the firmware holds no frozen image, so there is nothing for an image-only update to write")]
    NoImage,
}

/// probe-rs's own words about a range, when its loader refused it.
fn probe_rs_detail(detail: &Option<String>) -> String {
    detail.as_deref().map(|detail| format!(" (probe-rs: {detail})")).unwrap_or_default()
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
    pub fn load(board: &Rp2Board, dir: &Path) -> Result<Firmware, PlanError> {
        let read = |path: &Path| {
            std::fs::read(path).map_err(|error| PlanError::Read { path: path.to_owned(), message: error.to_string() })
        };
        let elf_segments = |path: &Path| {
            uf2::elf_segments(&read(path)?, board.flash())
                .map_err(|error| PlanError::BadElf { path: path.to_owned(), message: format!("{error:#}") })
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
            Err(PlanError::NoFirmware { board: board.name.clone(), dir: dir.to_owned() })
        }
    }

    /// Splits ELF segments into runtime and image; `image` (a `frozen.img`)
    /// is used when the segments hold nothing in the frozen-image region.
    pub fn from_parts(board: &Rp2Board, segments: Vec<Segment>, image: Option<Vec<u8>>) -> Result<Firmware, PlanError> {
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
                return Err(PlanError::Straddles { range, region });
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
fn check_image(board: &Rp2Board, mut bytes: Vec<u8>) -> Result<Vec<u8>, PlanError> {
    let bad = |message: String| PlanError::BadImage { board: board.name.clone(), message };
    let too_large = |size: u64| PlanError::ImageTooLarge { board: board.name.clone(), size, region: board.frozen_size };
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

/// What a plan writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The runtime and the image.
    Full,
    /// Only the frozen-image region.
    ImageOnly,
}

/// A sector-aligned write: whole sectors, 0xFF where the firmware has no bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Write {
    pub address: u32,
    pub data: Vec<u8>,
}

/// Which sectors a flash operation erases and programs.
#[derive(Debug, Clone)]
pub struct FlashPlan {
    pub chip: Chip,
    pub mode: Mode,
    /// The flash algorithm's erase sector and program page (4 KiB on both chips).
    pub sector_size: u32,
    pub page_size: u32,
    /// Runs of whole sectors, in address order.
    pub writes: Vec<Write>,
}

impl FlashPlan {
    /// Plans writing `segments` to `board` (see the module docs).
    pub fn new(board: &Rp2Board, mode: Mode, segments: &[Segment]) -> Result<FlashPlan, PlanError> {
        let chip = Chip::of_board(board)?;
        let no_target = |message: String| PlanError::NoTarget { chip, message };
        let target = Registry::from_builtin_families()
            .get_target_by_name(chip.probe_rs_name())
            .map_err(|error| no_target(error.to_string()))?;
        let algorithm = target
            .flash_algorithms
            .iter()
            .find(|algorithm| algorithm.default)
            .or_else(|| target.flash_algorithms.first())
            .ok_or_else(|| no_target("it lists no flash algorithm".into()))?;
        let properties = &algorithm.flash_properties;
        let sector_size = properties.sectors.first().map_or(properties.page_size as u64, |sector| sector.size);
        let (sector_size, page_size) = (u32::try_from(sector_size).unwrap_or(0), properties.page_size);
        if sector_size == 0 || page_size == 0 || sector_size % page_size != 0 {
            return Err(no_target(format!("unexpected sector {sector_size} / page {page_size} sizes")));
        }
        let flash = board.flash();
        let outside = |range: Range<u64>, detail: Option<String>| PlanError::OutsideFlash {
            board: board.name.clone(),
            range,
            flash: flash.clone(),
            detail,
        };

        // probe-rs's loader checks every range against the chip's memory map
        // and merges adjacent data, as it does before flashing.
        let mut loader = target.flash_loader();
        for segment in segments.iter().filter(|segment| !segment.data.is_empty()) {
            let range = u64::from(segment.address)..u64::from(segment.address) + segment.data.len() as u64;
            loader
                .add_data(range.start, &segment.data)
                .map_err(|error| outside(range.clone(), Some(error.to_string())))?;
            // The chip's address window is larger than the board's flash chip.
            if range.start < u64::from(flash.start) || range.end > u64::from(flash.end) {
                return Err(outside(range, None));
            }
        }

        let sector_of = |address: u64| address - address % u64::from(sector_size);
        let mut sectors = BTreeSet::new();
        for (address, data) in loader.data() {
            let mut sector = sector_of(address);
            while sector < address + data.len() as u64 {
                sectors.insert(sector);
                sector += u64::from(sector_size);
            }
        }
        let mut writes: Vec<Write> = Vec::new();
        for sector in sectors {
            let sector = sector as u32;
            match writes.last_mut() {
                Some(last) if last.address as u64 + last.data.len() as u64 == u64::from(sector) => {
                    last.data.resize(last.data.len() + sector_size as usize, properties.erased_byte_value);
                }
                _ => writes
                    .push(Write { address: sector, data: vec![properties.erased_byte_value; sector_size as usize] }),
            }
        }
        for (address, data) in loader.data() {
            let Some(write) = writes
                .iter_mut()
                .find(|write| u64::from(write.address) <= address && address + data.len() as u64 <= write.end())
            else {
                continue;
            };
            let offset = (address - u64::from(write.address)) as usize;
            write.data[offset..offset + data.len()].copy_from_slice(data);
        }
        Ok(FlashPlan { chip, mode, sector_size, page_size, writes })
    }

    /// The full update: runtime and image.
    pub fn full(board: &Rp2Board, firmware: &Firmware) -> Result<FlashPlan, PlanError> {
        FlashPlan::new(board, Mode::Full, &firmware.all_segments(board))
    }

    /// The image-only update: the frozen image at its region's start.
    pub fn image_only(board: &Rp2Board, firmware: &Firmware) -> Result<FlashPlan, PlanError> {
        let image = firmware.image_segment(board).ok_or(PlanError::NoImage)?;
        let mut segments = vec![image];
        segments.extend(firmware.module_info.iter().cloned());
        FlashPlan::new(board, Mode::ImageOnly, &segments)
    }

    /// The addresses of the sectors erased, in order.
    pub fn sectors(&self) -> Vec<u32> {
        self.writes
            .iter()
            .flat_map(|write| {
                (0..write.data.len() as u32 / self.sector_size).map(|n| write.address + n * self.sector_size)
            })
            .collect()
    }

    /// Bytes erased, which are also the bytes programmed (whole sectors).
    pub fn bytes(&self) -> u64 {
        self.writes.iter().map(|write| write.data.len() as u64).sum()
    }

    /// Program pages written.
    pub fn pages(&self) -> u64 {
        self.bytes() / u64::from(self.page_size)
    }

    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }

    /// The plan without the sectors whose contents `read` already finds on
    /// the board, and how many were dropped. A sector that cannot be read is
    /// kept, so an error only costs time.
    pub fn without_unchanged<E>(&self, mut read: impl FnMut(u32, &mut [u8]) -> Result<(), E>) -> (FlashPlan, usize) {
        let sector = self.sector_size as usize;
        let mut kept = FlashPlan { writes: Vec::new(), ..self.clone() };
        let mut dropped = 0;
        let mut buffer = vec![0u8; sector];
        for write in &self.writes {
            for (index, wanted) in write.data.chunks(sector).enumerate() {
                let address = write.address + (index * sector) as u32;
                if read(address, &mut buffer).is_ok() && buffer == wanted {
                    dropped += 1;
                    continue;
                }
                match kept.writes.last_mut() {
                    Some(last) if last.end() == u64::from(address) => last.data.extend_from_slice(wanted),
                    _ => kept.writes.push(Write { address, data: wanted.to_vec() }),
                }
            }
        }
        (kept, dropped)
    }

    /// One line: sectors, bytes and the address ranges.
    pub fn describe(&self) -> String {
        let ranges: Vec<String> =
            self.writes.iter().map(|write| format!("{:#010x}..{:#010x}", write.address, write.end())).collect();
        format!(
            "{} sectors of {} KiB ({} bytes, {} program pages){}{}",
            self.sectors().len(),
            self.sector_size / 1024,
            self.bytes(),
            self.pages(),
            if ranges.is_empty() { "" } else { " at " },
            ranges.join(", ")
        )
    }
}

impl Write {
    pub fn end(&self) -> u64 {
        u64::from(self.address) + self.data.len() as u64
    }
}

#[cfg(test)]
mod tests {
    use super::super::fake::{self, temp_dir};
    use super::*;
    use crate::rp2::rp2_board;

    fn round_up(bytes: usize) -> u64 {
        (bytes as u64).div_ceil(4096) * 4096
    }

    /// The example application: a 45 KB runtime and a 9,876-byte image.
    fn example(board: &Rp2Board) -> Firmware {
        let runtime = fake::runtime_segments(board, 45_000, 1);
        Firmware::from_parts(board, runtime, Some(fake::frozen_image(board, 9_876, 7))).unwrap()
    }

    #[test]
    fn an_image_only_update_writes_the_image_rounded_to_sectors() {
        for name in ["pico", "pico2"] {
            let board = rp2_board(name).unwrap();
            let firmware = example(&board);
            let plan = FlashPlan::image_only(&board, &firmware).unwrap();
            assert_eq!((plan.sector_size, plan.page_size), (4096, 4096), "{name}: RP2 flash algorithms use 4 KiB");
            assert_eq!(plan.bytes(), round_up(9_876), "{name}");
            assert_eq!(
                plan.sectors(),
                [board.frozen_origin, board.frozen_origin + 0x1000, board.frozen_origin + 0x2000]
            );
            let image = firmware.image.as_ref().unwrap();
            assert_eq!(&plan.writes[0].data[..image.len()], &image[..]);
            assert!(plan.writes[0].data[image.len()..].iter().all(|&byte| byte == 0xff), "padding is erased flash");
        }
    }

    #[test]
    fn the_module_info_area_travels_with_the_image_and_not_the_runtime_id() {
        let board = rp2_board("pico").unwrap();
        let area = board.module_info_area();
        let mut segments = fake::runtime_segments(&board, 45_000, 1);
        let runtime_only = Firmware::from_parts(&board, segments.clone(), None).unwrap();
        segments.push(Segment { address: area.start, data: vec![0x5a; 400] });
        let image = Some(fake::frozen_image(&board, 9_876, 7));
        let firmware = Firmware::from_parts(&board, segments, image).unwrap();
        assert_eq!(firmware.runtime_id(), runtime_only.runtime_id(), "the module list is not part of the runtime");
        assert_eq!(firmware.image.as_ref().map(Vec::len), Some(9_876));
        let plan = FlashPlan::image_only(&board, &firmware).unwrap();
        assert_eq!(*plan.sectors().last().unwrap(), area.start);
        assert_eq!(plan.bytes(), round_up(9_876) + 4096);
        let full = FlashPlan::full(&board, &firmware).unwrap();
        assert!(full.sectors().contains(&area.start));
    }

    #[test]
    fn a_full_update_covers_runtime_and_image() {
        let board = rp2_board("pico").unwrap();
        let firmware = example(&board);
        let plan = FlashPlan::full(&board, &firmware).unwrap();
        // boot2 + 45,000 bytes of code end at 0x1000_b0c8; .data's initial
        // values sit at 0x1000_c000 (1,200 bytes): sectors 0..=12.
        let runtime_sectors: Vec<u32> = (0..13).map(|n| 0x1000_0000 + n * 0x1000).collect();
        let image_sectors = [0x1010_0000, 0x1010_1000, 0x1010_2000];
        assert_eq!(plan.sectors(), [&runtime_sectors[..], &image_sectors[..]].concat());
        assert_eq!(plan.writes.len(), 2, "one run for the runtime, one for the image");
        assert_eq!(plan.bytes(), 16 * 4096);
        assert_eq!(plan.pages(), 16);
        for segment in firmware.all_segments(&board) {
            let write = plan.writes.iter().rfind(|write| write.address <= segment.address).unwrap();
            let offset = (segment.address - write.address) as usize;
            assert_eq!(&write.data[offset..offset + segment.data.len()], &segment.data[..]);
        }
        // The gap between the code and .data is erased flash, as probe-rs leaves it.
        assert!(plan.writes[0].data[0xb0c8..0xc000].iter().all(|&byte| byte == 0xff));
        let image_only = FlashPlan::image_only(&board, &firmware).unwrap();
        assert!(image_only.bytes() * 5 < plan.bytes(), "{} vs {}", image_only.describe(), plan.describe());
    }

    #[test]
    fn addresses_outside_flash_are_clear_errors() {
        let board = rp2_board("pico").unwrap();
        // Outside every flash of the chip: probe-rs's own loader refuses it.
        let stray = [Segment { address: 0x0800_0000, data: vec![0; 16] }];
        let error = FlashPlan::new(&board, Mode::Full, &stray).unwrap_err().to_string();
        assert!(
            error
                .starts_with("the address range 0x08000000..0x08000010 is outside pico's flash 0x10000000..0x10200000"),
            "{error}"
        );
        assert!(error.contains("probe-rs: No flash memory contains the entire requested memory range"), "{error}");
        // Inside the chip's 16 MiB XIP window, but past the Pico's 2 MiB chip.
        let past_end = [Segment { address: 0x101f_f000, data: vec![0; 0x2000] }];
        let error = FlashPlan::new(&board, Mode::Full, &past_end).unwrap_err().to_string();
        assert_eq!(error, "the address range 0x101ff000..0x10201000 is outside pico's flash 0x10000000..0x10200000");
        // The same range fits the Pico 2's 4 MiB.
        let pico2 = rp2_board("pico2").unwrap();
        assert_eq!(FlashPlan::new(&pico2, Mode::Full, &past_end).unwrap().bytes(), 0x2000);
    }

    #[test]
    fn unchanged_sectors_are_dropped() {
        let board = rp2_board("pico").unwrap();
        let plan = FlashPlan::full(&board, &example(&board)).unwrap();
        let mut board_flash = plan.clone();
        // The board already holds everything but runtime sector 2 and image sector 1.
        board_flash.writes[0].data[0x2010] ^= 0xff;
        board_flash.writes[1].data[0x1000] ^= 0xff;
        let read = |address: u32, out: &mut [u8]| -> Result<(), ()> {
            let write = board_flash
                .writes
                .iter()
                .find(|write| write.address <= address && u64::from(address) < write.end())
                .ok_or(())?;
            let offset = (address - write.address) as usize;
            out.copy_from_slice(&write.data[offset..offset + out.len()]);
            Ok(())
        };
        let (kept, dropped) = plan.without_unchanged(read);
        assert_eq!(kept.sectors(), [0x1000_2000, 0x1010_1000]);
        assert_eq!(dropped, 14);
        // A board that cannot be read gets everything.
        let (kept, dropped) = plan.without_unchanged(|_, _| Err(()));
        assert_eq!((kept.bytes(), dropped), (plan.bytes(), 0));
    }

    #[test]
    fn firmware_files_are_read_as_the_freezer_writes_them() {
        let board = rp2_board("pico").unwrap();
        let dir = temp_dir("plan-files");
        let runtime = fake::runtime_segments(&board, 20_000, 3);
        let image = fake::frozen_image(&board, 5_000, 4);
        fake::write_firmware_dir(&dir, &board, &runtime, &image).unwrap();
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
        let runtime = || fake::runtime_segments(&board, 1_000, 5);
        let image = fake::frozen_image(&board, 2_000, 6);
        let error = |image: Vec<u8>| Firmware::from_parts(&board, runtime(), Some(image)).unwrap_err().to_string();
        let too_large = fake::frozen_image(&board, board.frozen_size as usize + 4, 6);
        assert_eq!(
            error(too_large),
            format!(
                "the frozen image is too large: {} bytes, but pico's frozen-image region holds 1048576 bytes",
                (1 << 20) + 4
            )
        );
        let mut corrupt = image.clone();
        corrupt[1_500] ^= 1;
        assert!(error(corrupt).ends_with("checksum mismatch: the image is corrupt"));
        let pico2 = rp2_board("pico2").unwrap();
        let error2 = Firmware::from_parts(&pico2, Vec::new(), Some(image.clone())).unwrap_err().to_string();
        assert!(
            error2.contains("it is linked at 0x10100000, but the board's frozen-image region starts at 0x10300000"),
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
        let runtime = fake::runtime_segments(&board, 4_000, 9);
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
    fn chips_map_to_probe_rs_targets() {
        let registry = Registry::from_builtin_families();
        for chip in [Chip::Rp2040, Chip::Rp2350] {
            let target = registry.get_target_by_name(chip.probe_rs_name()).unwrap();
            assert!(!target.flash_algorithms.is_empty(), "{chip}");
        }
        assert_eq!(Chip::of_board(&rp2_board("pico2_w").unwrap()).unwrap(), Chip::Rp2350);
        let mut board = rp2_board("pico").unwrap();
        board.chip = "esp32".into();
        assert!(matches!(Chip::of_board(&board), Err(PlanError::UnknownChip(_))));
        assert_eq!(Chip::Rp2350.family().id(), 0xe48b_ff59);
    }
}
