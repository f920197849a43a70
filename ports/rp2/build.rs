//! Build script of the RP2 port: reads the board named by `RIME_BOARD` from
//! `boards/<name>/board.toml`, writes that board's `memory.x` into `OUT_DIR`
//! for cortex-m-rt's `link.x`, and writes `board.rs`, the board's constants
//! as Rust source, which `src/board.rs` includes.
//!
//! Boards are data: one `boards/<name>/board.toml` each. The files are flat
//! `key = value` lines, so a few lines here parse them instead of pulling a
//! TOML crate into every firmware build; `cargo xtask build --board B` reads
//! the same files with a real TOML parser and checks them first.
//!
//! The memory map splits flash in two regions: the runtime region (boot2 on
//! the RP2040, the vector table, picotool's binary info, code and constants)
//! and the frozen-image region, which the linker leaves alone. The symbols
//! `__frozen_start` and `__frozen_end` bound the latter; the firmware reads
//! its image from there. `RIME_BOARD` defaults to `pico` (feature `rp2040`)
//! or `pico2` (feature `rp2350`), and cargo reruns this script whenever it
//! changes, so one target directory serves every board of a chip.

use std::collections::BTreeMap;
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=RIME_BOARD");
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let boards_dir = manifest_dir.join("boards");
    println!("cargo:rerun-if-changed={}", boards_dir.display());

    let chip = match (env::var_os("CARGO_FEATURE_RP2040").is_some(), env::var_os("CARGO_FEATURE_RP2350").is_some()) {
        (true, false) => "rp2040",
        (false, true) => "rp2350",
        _ => panic!(
            "enable exactly one of the features `rp2040` and `rp2350`; \
             `cargo xtask build --board B` picks the right one from the board"
        ),
    };
    let name = env::var("RIME_BOARD").unwrap_or_else(|_| {
        let default = if chip == "rp2040" { "pico" } else { "pico2" };
        println!("cargo:warning=RIME_BOARD is not set; building for the board `{default}`");
        default.to_owned()
    });
    let path = boards_dir.join(&name).join("board.toml");
    if !path.is_file() {
        panic!("RIME_BOARD={name}: there is no {}", path.display());
    }
    let board = Board::parse(&path);
    board.check(chip, &env::var("TARGET").expect("cargo sets TARGET for build scripts"));

    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out_dir.join("memory.x"), memory_x(&board, chip)).expect("writing memory.x into OUT_DIR");
    fs::write(out_dir.join("board.rs"), board_rs(&board)).expect("writing board.rs into OUT_DIR");
    println!("cargo:rustc-link-search={}", out_dir.display());
}

/// One board.toml: its flat keys with their values as written.
struct Board {
    path: PathBuf,
    values: BTreeMap<String, String>,
}

impl Board {
    fn parse(path: &Path) -> Board {
        let text = fs::read_to_string(path).unwrap_or_else(|error| panic!("reading {}: {error}", path.display()));
        let mut values = BTreeMap::new();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (key, value) = line
                .split_once('=')
                .unwrap_or_else(|| panic!("{}: expected `key = value`, found `{line}`", path.display()));
            values.insert(key.trim().to_owned(), value.trim().to_owned());
        }
        Board { path: path.to_owned(), values }
    }

    fn raw(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(String::as_str)
    }

    fn text(&self, key: &str) -> &str {
        let raw = self.raw(key).unwrap_or_else(|| panic!("{}: the key `{key}` is missing", self.path.display()));
        raw.strip_prefix('"')
            .and_then(|rest| rest.strip_suffix('"'))
            .unwrap_or_else(|| panic!("{}: `{key}` must be a quoted string", self.path.display()))
    }

    fn number_or(&self, key: &str) -> Option<u32> {
        let raw = self.raw(key)?.replace('_', "");
        let parsed = match raw.strip_prefix("0x") {
            Some(hex) => u32::from_str_radix(hex, 16),
            None => raw.parse(),
        };
        Some(parsed.unwrap_or_else(|_| panic!("{}: `{key}` must be a 32-bit integer", self.path.display())))
    }

    fn number(&self, key: &str) -> u32 {
        self.number_or(key).unwrap_or_else(|| panic!("{}: the key `{key}` is missing", self.path.display()))
    }

    /// The GPIO number of the LED, or `None` when it is not on the chip's GPIOs.
    fn led_gpio(&self) -> Option<u32> {
        let led = self.text("led");
        if led == "cyw43" {
            return None;
        }
        let number = led
            .strip_prefix("GPIO")
            .and_then(|digits| digits.parse().ok())
            .filter(|&number: &u32| (2..=28).contains(&number))
            .unwrap_or_else(|| panic!("{}: `led` must be \"GPIO2\"..\"GPIO28\" or \"cyw43\"", self.path.display()));
        Some(number)
    }

    /// The checks a wrong board file would otherwise turn into a broken image.
    fn check(&self, chip: &str, target: &str) {
        let place = self.path.display();
        assert_eq!(self.text("chip"), chip, "{place}: the board's chip differs from the enabled feature");
        assert_eq!(self.text("target"), target, "{place}: the board's target differs from the one being built");
        let runtime_end = self.number("runtime_origin") + self.number("runtime_size");
        let frozen_start = self.number("frozen_origin");
        let flash_end = self.number("flash_origin") + self.number("flash_size");
        assert!(runtime_end <= frozen_start, "{place}: the runtime region overlaps the frozen-image region");
        assert!(
            frozen_start + self.number("frozen_size") <= flash_end,
            "{place}: the frozen-image region ends past flash"
        );
        assert!(frozen_start % 4096 == 0, "{place}: frozen_origin must be 4 KiB aligned");
        assert!(self.number("heap_size") % 4 == 0, "{place}: heap_size must be a multiple of 4");
        assert_eq!(self.text("console"), "uart0", "{place}: only the uart0 console exists");
        let _ = self.led_gpio();
    }
}

/// The linker memory map and the extra sections that cortex-m-rt's `link.x`
/// includes: boot2 (RP2040) or the IMAGE_DEF start block (RP2350), picotool's
/// binary info, and the frozen-image region's bounds.
fn memory_x(board: &Board, chip: &str) -> String {
    let runtime_origin = board.number("runtime_origin");
    let runtime_size = board.number("runtime_size");
    let (frozen_origin, frozen_size) = (board.number("frozen_origin"), board.number("frozen_size"));
    let (ram_origin, ram_size) = (board.number("ram_origin"), board.number("ram_size"));
    let mut text = String::new();
    writeln!(text, "/* Generated by ports/rp2/build.rs from {}. */", board.path.display()).unwrap();
    writeln!(text, "MEMORY {{").unwrap();
    if chip == "rp2040" {
        writeln!(text, "    BOOT2  : ORIGIN = {runtime_origin:#010x}, LENGTH = 0x100").unwrap();
        writeln!(text, "    FLASH  : ORIGIN = {:#010x}, LENGTH = {:#x}", runtime_origin + 0x100, runtime_size - 0x100)
            .unwrap();
    } else {
        writeln!(text, "    FLASH  : ORIGIN = {runtime_origin:#010x}, LENGTH = {runtime_size:#x}").unwrap();
    }
    writeln!(text, "    FROZEN : ORIGIN = {frozen_origin:#010x}, LENGTH = {frozen_size:#x}").unwrap();
    writeln!(text, "    RAM    : ORIGIN = {ram_origin:#010x}, LENGTH = {ram_size:#x}").unwrap();
    writeln!(text, "}}").unwrap();
    text.push_str(
        "
/* The frozen-image region: the linker places nothing there; the freezer
   writes an image linked to run in place at __frozen_start. */
__frozen_start = ORIGIN(FROZEN);
__frozen_end = ORIGIN(FROZEN) + LENGTH(FROZEN);
",
    );
    if chip == "rp2040" {
        text.push_str(
            "
EXTERN(BOOT2_FIRMWARE)
__runtime_start = ORIGIN(BOOT2);
SECTIONS { .boot2 ORIGIN(BOOT2) : { KEEP(*(.boot2)); } > BOOT2 } INSERT BEFORE .text;
SECTIONS { .boot_info : ALIGN(4) { KEEP(*(.boot_info)); } > FLASH } INSERT AFTER .vector_table;
_stext = ADDR(.boot_info) + SIZEOF(.boot_info);
SECTIONS {
    .bi_entries : ALIGN(4) { __bi_entries_start = .; KEEP(*(.bi_entries)); . = ALIGN(4); __bi_entries_end = .; } > FLASH
} INSERT AFTER .text;
SECTIONS { .flash_end : { __flash_binary_end = .; } > FLASH } INSERT AFTER .uninit;
",
        );
    } else {
        text.push_str(
            "
__runtime_start = ORIGIN(FLASH);
SECTIONS {
    .start_block : ALIGN(4) { __start_block_addr = .; KEEP(*(.start_block)); KEEP(*(.boot_info)); } > FLASH
} INSERT AFTER .vector_table;
_stext = ADDR(.start_block) + SIZEOF(.start_block);
SECTIONS {
    .bi_entries : ALIGN(4) { __bi_entries_start = .; KEEP(*(.bi_entries)); . = ALIGN(4); __bi_entries_end = .; } > FLASH
} INSERT AFTER .text;
SECTIONS {
    .end_block : ALIGN(4) { __end_block_addr = .; KEEP(*(.end_block)); __flash_binary_end = .; } > FLASH
} INSERT AFTER .uninit;
PROVIDE(start_to_end = __end_block_addr - __start_block_addr);
PROVIDE(end_to_start = __start_block_addr - __end_block_addr);
",
        );
    }
    text
}

/// The board's constants as Rust source (`src/board.rs` includes it).
fn board_rs(board: &Board) -> String {
    let mut text = String::new();
    writeln!(text, "// Generated by ports/rp2/build.rs from {}.", board.path.display()).unwrap();
    let strings = [("NAME", "name"), ("DESCRIPTION", "description"), ("CHIP", "chip"), ("LED", "led")];
    for (constant, key) in strings {
        writeln!(text, "pub const {constant}: &str = {:?};", board.text(key)).unwrap();
    }
    writeln!(text, "pub const NAME_C: &core::ffi::CStr = c{:?};", board.text("name")).unwrap();
    let numbers = [
        ("FLASH_SIZE", "flash_size"),
        ("RUNTIME_ORIGIN", "runtime_origin"),
        ("RUNTIME_SIZE", "runtime_size"),
        ("FROZEN_ORIGIN", "frozen_origin"),
        ("FROZEN_SIZE", "frozen_size"),
        ("RAM_SIZE", "ram_size"),
        ("HEAP_SIZE", "heap_size"),
        ("CONSOLE_BAUD", "console_baud"),
    ];
    for (constant, key) in numbers {
        writeln!(text, "pub const {constant}: u32 = {:#x};", board.number(key)).unwrap();
    }
    writeln!(text, "pub const LED_GPIO: Option<u8> = {:?};", board.led_gpio()).unwrap();
    writeln!(text, "pub const EXAMPLE_LED_GPIO: Option<u8> = {:?};", board.number_or("example_led_gpio")).unwrap();
    let region = format!(
        "frozen image region: {:#010x}, {} KiB",
        board.number("frozen_origin"),
        board.number("frozen_size") / 1024
    );
    writeln!(text, "pub const FROZEN_REGION_C: &core::ffi::CStr = c{region:?};").unwrap();
    text
}
