//! The flash plan: which 4 KiB sectors a flash operation erases and writes,
//! computed from the real firmware through probe-rs's own flash loader,
//! without a probe.
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
//! The firmware itself ([`Firmware`]) is read by xtask's `flash::firmware`.

use std::collections::BTreeSet;
use std::ops::Range;

use probe_rs::config::Registry;
use xtask::flash::firmware::{Chip, Firmware, FirmwareError};
use xtask::rp2::Rp2Board;
use xtask::uf2::Segment;

/// The name of a chip in probe-rs's built-in target database.
pub fn probe_rs_name(chip: Chip) -> &'static str {
    match chip {
        Chip::Rp2040 => "RP2040",
        Chip::Rp2350 => "RP235x",
    }
}

/// Why a flash plan could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error(transparent)]
    Firmware(#[from] FirmwareError),
    #[error(
        "the address range {:#010x}..{:#010x} is outside {board}'s flash {:#010x}..{:#010x}{}",
        range.start, range.end, flash.start, flash.end, probe_rs_detail(detail)
    )]
    OutsideFlash { board: String, range: Range<u64>, flash: Range<u32>, detail: Option<String> },
    #[error("probe-rs has no target description for {chip}: {message}")]
    NoTarget { chip: Chip, message: String },
    #[error(
        "the firmware writes {:#010x}..{:#010x}, inside {board}'s filesystem region {:#010x}..{:#010x}; \
         flashing never touches the files (--erase-fs wipes them on purpose)",
        range.start, range.end, region.start, region.end
    )]
    TouchesFilesystem { board: String, range: Range<u32>, region: Range<u32> },
    #[error("--erase-fs: {board} has no filesystem region")]
    NoFilesystem { board: String },
}

/// probe-rs's own words about a range, when its loader refused it.
fn probe_rs_detail(detail: &Option<String>) -> String {
    detail.as_deref().map(|detail| format!(" (probe-rs: {detail})")).unwrap_or_default()
}

/// What a plan writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The runtime and the image.
    Full,
    /// Only the frozen-image region.
    ImageOnly,
    /// Only the filesystem region, erased (`--erase-fs`).
    EraseFilesystem,
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
            .get_target_by_name(probe_rs_name(chip))
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
        // Only `--erase-fs` may write the filesystem region's sectors.
        if let (Some(region), true) = (board.fs_region(), mode != Mode::EraseFilesystem) {
            if let Some(write) =
                writes.iter().find(|write| write.address < region.end && region.start < write.end() as u32)
            {
                let range = write.address..write.end() as u32;
                return Err(PlanError::TouchesFilesystem { board: board.name.clone(), range, region });
            }
        }
        Ok(FlashPlan { chip, mode, sector_size, page_size, writes })
    }

    /// The filesystem region, erased: every sector of it written with 0xFF.
    pub fn erase_filesystem(board: &Rp2Board) -> Result<FlashPlan, PlanError> {
        let erased =
            xtask::flash::erased_filesystem(board).ok_or(PlanError::NoFilesystem { board: board.name.clone() })?;
        FlashPlan::new(board, Mode::EraseFilesystem, &[erased])
    }

    /// The full update: runtime and image.
    pub fn full(board: &Rp2Board, firmware: &Firmware) -> Result<FlashPlan, PlanError> {
        FlashPlan::new(board, Mode::Full, &firmware.all_segments(board))
    }

    /// The image-only update: the frozen image at its region's start.
    pub fn image_only(board: &Rp2Board, firmware: &Firmware) -> Result<FlashPlan, PlanError> {
        let image = firmware.image_segment(board).ok_or(FirmwareError::NoImage)?;
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
    use super::*;
    use xtask::flash::synthetic;
    use xtask::rp2::rp2_board;

    fn round_up(bytes: usize) -> u64 {
        (bytes as u64).div_ceil(4096) * 4096
    }

    /// The example application: a 45 KB runtime and a 9,876-byte image.
    fn example(board: &Rp2Board) -> Firmware {
        let runtime = synthetic::runtime_segments(board, 45_000, 1);
        Firmware::from_parts(board, runtime, Some(synthetic::frozen_image(board, 9_876, 7))).unwrap()
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
        let mut segments = synthetic::runtime_segments(&board, 45_000, 1);
        let runtime_only = Firmware::from_parts(&board, segments.clone(), None).unwrap();
        segments.push(Segment { address: area.start, data: vec![0x5a; 400] });
        let image = Some(synthetic::frozen_image(&board, 9_876, 7));
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
        let image_sectors = [0x100c_0000, 0x100c_1000, 0x100c_2000];
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
        // The same range fits the Pico 2's 4 MiB, where it is filesystem
        // (which only the filesystem erase may write).
        let pico2 = rp2_board("pico2").unwrap();
        let error = FlashPlan::new(&pico2, Mode::Full, &past_end).unwrap_err().to_string();
        assert!(error.contains("inside pico2's filesystem region 0x10100000..0x10400000"), "{error}");
        assert_eq!(FlashPlan::new(&pico2, Mode::EraseFilesystem, &past_end).unwrap().bytes(), 0x2000);
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
        assert_eq!(kept.sectors(), [0x1000_2000, 0x100c_1000]);
        assert_eq!(dropped, 14);
        // A board that cannot be read gets everything.
        let (kept, dropped) = plan.without_unchanged(|_, _| Err(()));
        assert_eq!((kept.bytes(), dropped), (plan.bytes(), 0));
    }

    #[test]
    fn chips_map_to_probe_rs_targets() {
        let registry = Registry::from_builtin_families();
        for chip in [Chip::Rp2040, Chip::Rp2350] {
            let target = registry.get_target_by_name(probe_rs_name(chip)).unwrap();
            assert!(!target.flash_algorithms.is_empty(), "{chip}");
        }
    }
}
