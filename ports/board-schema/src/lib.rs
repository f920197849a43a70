//! The one schema of `ports/<port>/boards/<board>/board.toml`: what each
//! port's board files hold, how they are read, and the checks a wrong file
//! would otherwise turn into a broken image.
//!
//! Three readers share it: `cargo xtask` (which picks boards, freezes and
//! links images against them, and reports sizes), and the build scripts of
//! `ports/rp2` and `ports/qemu` (which turn the board being built into
//! `memory.x` and Rust constants). Each port has its own table type:
//! [`HostBoard`], [`QemuBoard`] and [`Rp2Board`]; unknown keys are errors,
//! so a typo never silently falls back to a default.
//!
//! [`read`] parses one file, checks that its `name` is its folder's name, and
//! runs the type's [`Check`]. The RP2 boards' flash layout (the runtime
//! region, the frozen-image region and the module-info area at its end, which
//! `ports/rp2/src/board.rs` points picotool at) is described by
//! [`Rp2Board`]'s methods, so the freezer and the linker script agree on it.

#![forbid(unsafe_code)]

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// A board file that cannot be used, with the file it is about.
#[derive(Debug, thiserror::Error)]
pub enum BoardError {
    #[error("reading {path}: {message}")]
    Read { path: PathBuf, message: String },
    #[error("parsing {path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("checking {path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// The checks of one port's board files.
pub trait Check {
    /// The board's name (its folder's name).
    fn name(&self) -> &str;
    /// Checks the values against each other; the error says what is wrong.
    fn check(&self) -> Result<(), String>;
}

/// Reads and checks one `board.toml`.
pub fn read<T: DeserializeOwned + Check>(path: &Path) -> Result<T, BoardError> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| BoardError::Read { path: path.to_owned(), message: error.to_string() })?;
    let board: T = toml::from_str(&text)
        .map_err(|error| BoardError::Parse { path: path.to_owned(), message: error.to_string() })?;
    let invalid = |message: String| BoardError::Invalid { path: path.to_owned(), message };
    let folder = path.parent().and_then(Path::file_name).and_then(|name| name.to_str()).unwrap_or("");
    if board.name() != folder {
        return Err(invalid(format!("name `{}` differs from its folder `{folder}`", board.name())));
    }
    board.check().map_err(invalid)?;
    Ok(board)
}

/// Every `<boards_dir>/<name>/board.toml`, read and checked, sorted by name.
pub fn read_all<T: DeserializeOwned + Check>(boards_dir: &Path) -> Result<Vec<T>, BoardError> {
    let entries = std::fs::read_dir(boards_dir)
        .map_err(|error| BoardError::Read { path: boards_dir.to_owned(), message: error.to_string() })?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry =
            entry.map_err(|error| BoardError::Read { path: boards_dir.to_owned(), message: error.to_string() })?;
        let path = entry.path().join("board.toml");
        if path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    paths.iter().map(|path| read(path)).collect()
}

/// `ports/host/boards/host/board.toml`: the development machine, which runs
/// images in the host runner and has no memory map of its own.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostBoard {
    pub name: String,
    pub description: String,
}

impl Check for HostBoard {
    fn name(&self) -> &str {
        &self.name
    }

    fn check(&self) -> Result<(), String> {
        if self.description.is_empty() {
            return Err("description must be set".to_string());
        }
        Ok(())
    }
}

/// One `ports/qemu/boards/<name>/board.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QemuBoard {
    pub name: String,
    /// The `qemu-system-arm -M` machine.
    pub machine: String,
    /// The core that machine emulates, as the smoke binary names it from CPUID.
    pub cpu: String,
    /// The Rust target triple the board's code is compiled for.
    pub target: String,
    pub flash_origin: u64,
    pub flash_size: u64,
    pub ram_origin: u64,
    pub ram_size: u64,
    pub heap_size: u64,
    /// Where QEMU's generic loader puts the frozen image (inside flash).
    pub image_origin: u64,
    /// The size of the frozen-image region.
    pub image_size: u64,
    /// The core clock SysTick counts, in Hz.
    pub cpu_hz: u64,
    /// The machine's CMSDK UART0, the REPL's console (QEMU's `-serial`),
    /// at the address the core reaches it (the Secure alias on mps2-an505).
    pub uart0_base: u64,
    /// Whether the runtime includes the compiler (`exec`, `eval`, `compile`,
    /// modules frozen as source): true unless the board says `false`, which
    /// builds firmware that only runs frozen code.
    #[serde(default = "with_compiler")]
    pub compiler: bool,
}

/// Boards include the compiler unless their board.toml says otherwise.
fn with_compiler() -> bool {
    true
}

impl QemuBoard {
    /// The flash that code may use: from its origin up to the image region.
    pub fn code_flash(&self) -> Range<u64> {
        self.flash_origin..self.image_origin.min(self.flash_origin + self.flash_size)
    }
}

impl Check for QemuBoard {
    fn name(&self) -> &str {
        &self.name
    }

    /// Both regions are non-empty and disjoint, the heap leaves RAM for the
    /// stack, and the image region lies in flash after the code.
    fn check(&self) -> Result<(), String> {
        if self.flash_size == 0 || self.ram_size == 0 {
            return Err("flash_size and ram_size must not be zero".to_string());
        }
        let flash = self.flash_origin..self.flash_origin + self.flash_size;
        let ram = self.ram_origin..self.ram_origin + self.ram_size;
        if !(flash.end <= ram.start || ram.end <= flash.start) {
            return Err(format!("flash {flash:#x?} overlaps RAM {ram:#x?}"));
        }
        if self.heap_size >= self.ram_size {
            return Err(format!("heap_size {:#x} leaves no RAM for the stack", self.heap_size));
        }
        if self.cpu_hz < 1_000_000 {
            return Err(format!(
                "cpu_hz {} is not a core clock (SysTick ticks once per millisecond from it)",
                self.cpu_hz
            ));
        }
        let image = self.image_origin..self.image_origin + self.image_size;
        if self.image_size == 0 || image.start <= flash.start || image.end > flash.end {
            return Err(format!("the image region {image:#x?} must lie in flash {flash:#x?}, after the code"));
        }
        Ok(())
    }
}

/// The least RAM an RP2 board must leave for the stack above its static data.
pub const MIN_STACK: u64 = 16 * 1024;
/// The flash erase sector, which both RP2 flash regions are aligned to.
pub const SECTOR: u32 = 4096;
/// The size of the module-info area at the end of the frozen-image region;
/// `ports/rp2/src/board.rs` has the same numbers.
pub const MODULE_INFO_SIZE: u32 = 4096;
/// How many picotool entry slots the module-info area starts with.
pub const MODULE_INFO_SLOTS: usize = 32;
/// The size of one slot: type (u16), tag (u16), id (u32), string address (u32).
pub const MODULE_INFO_SLOT_SIZE: u32 = 12;

/// One `ports/rp2/boards/<name>/board.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rp2Board {
    pub name: String,
    pub description: String,
    /// `rp2040` or `rp2350`: the firmware crate's feature and the UF2 family.
    pub chip: String,
    /// The Rust target triple.
    pub target: String,
    pub flash_origin: u32,
    pub flash_size: u32,
    /// Boot2 or the IMAGE_DEF, vectors, binary info, code and constants.
    pub runtime_origin: u32,
    pub runtime_size: u32,
    /// Where a frozen image lives, linked to run in place.
    pub frozen_origin: u32,
    pub frozen_size: u32,
    pub ram_origin: u32,
    pub ram_size: u32,
    /// The VM's heap (a static array in RAM).
    pub heap_size: u32,
    /// The console UART (`uart0`) and its settings.
    pub console: String,
    pub console_baud: u32,
    pub console_tx: u8,
    pub console_rx: u8,
    /// `GPIOn`, or `cyw43` when the LED sits behind the wireless chip.
    pub led: String,
    /// The GPIO that examples use for an LED on boards whose LED is `cyw43`.
    pub example_led_gpio: Option<u8>,
    /// The board's default manifest, relative to its folder.
    pub manifest: String,
    /// Whether the runtime includes the compiler (see [`QemuBoard::compiler`]).
    #[serde(default = "with_compiler")]
    pub compiler: bool,
    /// The littlefs filesystem's flash region (4096-byte blocks), when the
    /// board has one: MicroPython's rp2 port puts it at the end of flash
    /// (1,408 KiB on the Pico, 848 KiB on the Pico W, 3 MiB on the Pico 2,
    /// 2,560 KiB on the Pico 2 W), and so do rime's boards, but for the
    /// Pico's, which is 1,216 KiB (its runtime does not fit before 1,408).
    #[serde(default)]
    pub fs_origin: Option<u32>,
    #[serde(default)]
    pub fs_size: Option<u32>,
}

impl Rp2Board {
    /// The filesystem region, if the board declares one.
    pub fn fs_region(&self) -> Option<Range<u32>> {
        Some(self.fs_origin?..self.fs_origin? + self.fs_size?)
    }

    /// The flash addresses of the whole chip.
    pub fn flash(&self) -> Range<u32> {
        self.flash_origin..self.flash_origin + self.flash_size
    }

    /// The runtime region.
    pub fn runtime_region(&self) -> Range<u32> {
        self.runtime_origin..self.runtime_origin + self.runtime_size
    }

    /// The frozen-image region.
    pub fn frozen_region(&self) -> Range<u32> {
        self.frozen_origin..self.frozen_origin + self.frozen_size
    }

    /// The module-info area: the last [`MODULE_INFO_SIZE`] bytes of the
    /// frozen-image region.
    pub fn module_info_area(&self) -> Range<u32> {
        let end = self.frozen_origin + self.frozen_size;
        end - MODULE_INFO_SIZE..end
    }

    /// The Rust target triple of the board's chip.
    pub fn chip_target(chip: &str) -> Option<&'static str> {
        match chip {
            "rp2040" => Some("thumbv6m-none-eabi"),
            "rp2350" => Some("thumbv8m.main-none-eabihf"),
            _ => None,
        }
    }

    /// The GPIO number of the LED, or `None` when it sits behind the
    /// wireless chip (`cyw43`). A checked board has one or the other.
    pub fn led_gpio(&self) -> Option<u8> {
        self.led.strip_prefix("GPIO").and_then(|number| number.parse().ok()).filter(|number| (2..=28).contains(number))
    }
}

impl Check for Rp2Board {
    fn name(&self) -> &str {
        &self.name
    }

    /// The chip and target agree, both regions are 4 KiB aligned, inside
    /// flash and disjoint, the heap leaves room for the stack, and the
    /// console and LED are ones the firmware drives.
    fn check(&self) -> Result<(), String> {
        let ensure = |condition: bool, message: String| if condition { Ok(()) } else { Err(message) };
        let Some(target) = Rp2Board::chip_target(&self.chip) else {
            return Err(format!("chip `{}` is neither rp2040 nor rp2350", self.chip));
        };
        ensure(self.target == target, format!("chip {} builds for {target}, not {}", self.chip, self.target))?;
        let flash = self.flash();
        for (what, region) in [("runtime", self.runtime_region()), ("frozen-image", self.frozen_region())] {
            ensure(
                region.start % SECTOR == 0 && region.end % SECTOR == 0 && !region.is_empty(),
                format!("the {what} region {region:#x?} must start and end on 4 KiB sectors"),
            )?;
            ensure(
                flash.start <= region.start && region.end <= flash.end,
                format!("the {what} region {region:#x?} is not inside flash {flash:#x?}"),
            )?;
        }
        ensure(
            self.runtime_region().end <= self.frozen_origin || self.frozen_region().end <= self.runtime_origin,
            "the runtime and frozen-image regions overlap".to_string(),
        )?;
        ensure(self.fs_origin.is_some() == self.fs_size.is_some(), "fs_origin and fs_size go together".to_string())?;
        if let Some(fs) = self.fs_region() {
            ensure(
                fs.start % SECTOR == 0 && fs.end % SECTOR == 0 && fs.end - fs.start >= 2 * SECTOR,
                format!("the filesystem region {fs:#x?} must start and end on 4 KiB sectors and hold two blocks"),
            )?;
            ensure(
                flash.start <= fs.start && fs.end <= flash.end,
                format!("the filesystem region {fs:#x?} is not inside flash {flash:#x?}"),
            )?;
            for (what, region) in [("runtime", self.runtime_region()), ("frozen-image", self.frozen_region())] {
                ensure(
                    fs.end <= region.start || region.end <= fs.start,
                    format!("the filesystem region {fs:#x?} overlaps the {what} region {region:#x?}"),
                )?;
            }
        }
        ensure(
            self.runtime_origin == self.flash_origin,
            "the runtime region must start flash (the boot ROM runs it)".to_string(),
        )?;
        ensure(
            self.frozen_size > MODULE_INFO_SIZE,
            format!("the frozen-image region must be larger than its {MODULE_INFO_SIZE}-byte module-info area"),
        )?;
        ensure(self.heap_size % 4 == 0, "heap_size must be a multiple of 4".to_string())?;
        ensure(
            !self.description.is_empty() && self.console_baud > 0,
            "description and console_baud must be set".to_string(),
        )?;
        ensure(
            u64::from(self.heap_size) + MIN_STACK <= u64::from(self.ram_size),
            format!("heap_size {:#x} leaves less than {MIN_STACK} bytes of RAM for the stack", self.heap_size),
        )?;
        ensure(
            self.console == "uart0" && (self.console_tx, self.console_rx) == (0, 1),
            "the console is uart0 on GPIO0/1".to_string(),
        )?;
        ensure(
            self.led == "cyw43" || self.led_gpio().is_some(),
            format!("led `{}` must be GPIO2..GPIO28 or cyw43", self.led),
        )?;
        ensure(
            (self.led == "cyw43") == self.example_led_gpio.is_some(),
            "boards with led = \"cyw43\" (and only those) name an example_led_gpio".to_string(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ports() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the crate lives in ports/").to_path_buf()
    }

    #[test]
    fn every_board_file_of_the_repository_reads_and_checks() {
        let rp2: Vec<Rp2Board> = read_all(&ports().join("rp2/boards")).unwrap();
        let names: Vec<&str> = rp2.iter().map(|board| board.name.as_str()).collect();
        assert_eq!(names, ["pico", "pico2", "pico2_w", "pico_w"]);
        assert_eq!(rp2[0].led_gpio(), Some(25));
        assert_eq!(rp2[2].led_gpio(), None);
        let qemu: Vec<QemuBoard> = read_all(&ports().join("qemu/boards")).unwrap();
        let names: Vec<&str> = qemu.iter().map(|board| board.name.as_str()).collect();
        assert_eq!(names, ["qemu-m0", "qemu-m33"]);
        assert_eq!(qemu[0].code_flash(), 0..0x20_0000);
        // Every board includes the compiler unless its file says otherwise.
        assert!(rp2.iter().all(|board| board.compiler) && qemu.iter().all(|board| board.compiler));
        let text = std::fs::read_to_string(ports().join("qemu/boards/qemu-m0/board.toml")).unwrap();
        let frozen_only: QemuBoard = toml::from_str(&format!("{text}compiler = false\n")).unwrap();
        assert!(!frozen_only.compiler);
        let host: HostBoard = read(&ports().join("host/boards/host/board.toml")).unwrap();
        assert_eq!(host.name, "host");
    }

    #[test]
    fn wrong_files_are_refused_with_the_file_named() {
        let dir = std::env::temp_dir().join(format!("rime-board-schema-{}", std::process::id()));
        let path = dir.join("odd/board.toml");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "name = \"odd\"\ndescription = \"x\"\ncolour = 1\n").unwrap();
        let error = read::<HostBoard>(&path).unwrap_err().to_string();
        assert!(error.starts_with("parsing ") && error.contains("colour"), "{error}");
        std::fs::write(&path, "name = \"even\"\ndescription = \"x\"\n").unwrap();
        let error = read::<HostBoard>(&path).unwrap_err().to_string();
        assert!(error.contains("differs from its folder `odd`"), "{error}");
        let _ = std::fs::remove_dir_all(&dir);
        let mut pico: Rp2Board = read(&ports().join("rp2/boards/pico/board.toml")).unwrap();
        pico.frozen_origin -= 0x1000;
        assert!(pico.check().unwrap_err().contains("overlap"));
    }

    #[test]
    fn a_filesystem_region_is_aligned_inside_flash_and_apart_from_the_others() {
        // The last 1,216 KiB of flash, with the image before it.
        let pico: Rp2Board = read(&ports().join("rp2/boards/pico/board.toml")).unwrap();
        assert_eq!(pico.fs_region(), Some(0x100d_0000..0x1020_0000));
        assert_eq!(pico.frozen_region().end, 0x100d_0000);
        assert_eq!(pico.check(), Ok(()));
        assert_eq!(pico.fs_region().map(|fs| (fs.end - fs.start) / 4096), Some(304));
        let mut overlapping = pico.clone();
        overlapping.fs_origin = Some(0x100c_f000);
        assert!(overlapping.check().unwrap_err().contains("overlaps the frozen-image region"));
        let mut outside = pico.clone();
        outside.fs_size = Some(0x13_1000);
        assert!(outside.check().unwrap_err().contains("not inside flash"));
        let mut unaligned = pico.clone();
        unaligned.fs_size = Some(0x12_f800);
        assert!(unaligned.check().unwrap_err().contains("4 KiB sectors"));
        let mut half = pico;
        half.fs_size = None;
        assert!(half.check().unwrap_err().contains("go together"));
    }
}
