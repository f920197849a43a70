//! The RP2 boards and their runtime firmware: `cargo xtask build --board B`.
//!
//! Each board is `ports/rp2/boards/<name>/board.toml` ([`Rp2Board`]), read
//! here with a real TOML parser and checked ([`Rp2Board::check`]) before
//! ports/rp2's build.rs turns it into `memory.x`. [`build_board`] provisions
//! the board's thumb target, builds the firmware crate in release mode for it
//! (feature `rp2040` or `rp2350` from the board's chip, `RIME_BOARD` naming the
//! board; build.rs reruns when it changes, so all boards share `target/thumb`),
//! copies the ELF to `firmware/<board>/runtime.elf`, writes
//! `firmware/<board>/runtime.uf2` with our UF2 writer, and measures the ELF:
//! the runtime's flash (from the region's start to the end of its last loaded
//! byte) against the runtime region, and its static RAM (data, bss with the
//! heap, uninit) against RAM. A runtime that overflows its region, or that
//! leaves less than [`MIN_STACK`] of RAM for the stack, fails the build.
//!
//! The freezer (`cargo xtask freeze --board B`) places images in the board's
//! frozen-image region, `frozen_origin..frozen_origin + frozen_size`, linked
//! to run there; [`Rp2Board::frozen_region`] gives it that range. The last
//! 4 KiB sector of that region is the module-info area
//! ([`Rp2Board::module_info_area`]), where the freezer writes the picotool
//! feature lines naming the frozen modules (see `ports/rp2/src/board.rs`);
//! the image itself must end before it.

use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::{ensure, Context};
use elf::abi::PT_LOAD;
use elf::endian::AnyEndian;
use elf::ElfBytes;
use serde::Deserialize;
use xshell::{cmd, Shell};

use crate::{files, toolchain, uf2};

/// The least RAM a board must leave for the stack above its static data.
pub const MIN_STACK: u64 = 16 * 1024;

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
}

impl Rp2Board {
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

    /// The UF2 family of the board's chip.
    pub fn family(&self) -> anyhow::Result<uf2::Family> {
        uf2::Family::of_chip(&self.chip)
    }

    /// Checks the board file: the chip and target agree, both regions are
    /// 4 KiB aligned, inside flash and disjoint, and the heap fits RAM.
    fn check(&self) -> anyhow::Result<()> {
        let target = match self.chip.as_str() {
            "rp2040" => "thumbv6m-none-eabi",
            "rp2350" => "thumbv8m.main-none-eabihf",
            other => anyhow::bail!("chip `{other}` is neither rp2040 nor rp2350"),
        };
        ensure!(self.target == target, "chip {} builds for {target}, not {}", self.chip, self.target);
        let flash = self.flash();
        for (what, region) in [("runtime", self.runtime_region()), ("frozen-image", self.frozen_region())] {
            ensure!(
                region.start % uf2::SECTOR == 0 && region.end % uf2::SECTOR == 0 && !region.is_empty(),
                "the {what} region {region:#x?} must start and end on 4 KiB sectors"
            );
            ensure!(
                flash.start <= region.start && region.end <= flash.end,
                "the {what} region {region:#x?} is not inside flash {flash:#x?}"
            );
        }
        ensure!(
            self.runtime_region().end <= self.frozen_origin || self.frozen_region().end <= self.runtime_origin,
            "the runtime and frozen-image regions overlap"
        );
        ensure!(self.runtime_origin == self.flash_origin, "the runtime region must start flash (the boot ROM runs it)");
        ensure!(
            self.frozen_size > MODULE_INFO_SIZE,
            "the frozen-image region must be larger than its {MODULE_INFO_SIZE}-byte module-info area"
        );
        ensure!(self.heap_size % 4 == 0, "heap_size must be a multiple of 4");
        ensure!(!self.description.is_empty() && self.console_baud > 0, "description and console_baud must be set");
        ensure!(
            u64::from(self.heap_size) + MIN_STACK <= u64::from(self.ram_size),
            "heap_size {:#x} leaves less than {MIN_STACK} bytes of RAM for the stack",
            self.heap_size
        );
        ensure!(
            self.console == "uart0" && (self.console_tx, self.console_rx) == (0, 1),
            "the console is uart0 on GPIO0/1"
        );
        let led_ok = self.led == "cyw43"
            || self.led.strip_prefix("GPIO").and_then(|n| n.parse::<u8>().ok()).is_some_and(|n| (2..=28).contains(&n));
        ensure!(led_ok, "led `{}` must be GPIO2..GPIO28 or cyw43", self.led);
        ensure!(
            (self.led == "cyw43") == self.example_led_gpio.is_some(),
            "boards with led = \"cyw43\" (and only those) name an example_led_gpio"
        );
        Ok(())
    }
}

/// The RP2 port's folder.
pub fn rp2_port() -> PathBuf {
    crate::project_root().join("ports/rp2")
}

/// Every RP2 board, sorted by name.
pub fn rp2_boards() -> anyhow::Result<Vec<Rp2Board>> {
    let boards_dir = rp2_port().join("boards");
    let mut boards = Vec::new();
    for entry in std::fs::read_dir(&boards_dir).with_context(|| format!("reading {}", boards_dir.display()))? {
        let path = entry?.path().join("board.toml");
        if path.is_file() {
            boards.push(read_board(&path)?);
        }
    }
    boards.sort_by(|a, b| a.name.cmp(&b.name));
    ensure!(!boards.is_empty(), "no boards under {}", boards_dir.display());
    Ok(boards)
}

/// The RP2 board `name`.
pub fn rp2_board(name: &str) -> anyhow::Result<Rp2Board> {
    let path = rp2_port().join("boards").join(name).join("board.toml");
    if !path.is_file() {
        let known: Vec<String> = rp2_boards()?.into_iter().map(|board| board.name).collect();
        anyhow::bail!("unknown RP2 board `{name}` (boards: {})", known.join(", "));
    }
    read_board(&path)
}

fn read_board(path: &Path) -> anyhow::Result<Rp2Board> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let board: Rp2Board = toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    let folder = path.parent().and_then(Path::file_name).and_then(|name| name.to_str()).unwrap_or("");
    ensure!(board.name == folder, "{}: name `{}` differs from its folder `{folder}`", path.display(), board.name);
    board.check().with_context(|| format!("checking {}", path.display()))?;
    let manifest = path.with_file_name(&board.manifest);
    ensure!(manifest.is_file(), "{}: the manifest {} does not exist", path.display(), manifest.display());
    Ok(board)
}

/// What one runtime build occupies, measured from its ELF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Footprint {
    /// From the runtime region's start to the end of the last byte loaded
    /// into flash (including boot2 and the initial values of .data).
    pub flash: u64,
    /// Static RAM: .data, .bss (with the heap) and .uninit.
    pub ram: u64,
}

/// Measures an ELF against `board`, and fails when it overflows a region.
pub fn footprint(board: &Rp2Board, elf_bytes: &[u8]) -> anyhow::Result<Footprint> {
    let file = ElfBytes::<AnyEndian>::minimal_parse(elf_bytes).context("not an ELF file")?;
    let headers = file.segments().context("the ELF file has no program headers")?;
    let ram = u64::from(board.ram_origin)..u64::from(board.ram_origin) + u64::from(board.ram_size);
    let region = board.runtime_region();
    let (mut flash_end, mut ram_used) = (u64::from(region.start), 0u64);
    for header in headers.iter().filter(|header| header.p_type == PT_LOAD) {
        if header.p_filesz > 0 {
            let start = header.p_paddr;
            let end = start + header.p_filesz;
            ensure!(
                start >= u64::from(region.start) && end <= u64::from(region.end),
                "{}: the runtime's bytes at {start:#010x}..{end:#010x} overflow its region {:#010x}..{:#010x}",
                board.name,
                region.start,
                region.end
            );
            flash_end = flash_end.max(end);
        }
        if ram.contains(&header.p_vaddr) {
            ram_used += header.p_memsz;
        }
    }
    let footprint = Footprint { flash: flash_end - u64::from(region.start), ram: ram_used };
    ensure!(
        footprint.ram + MIN_STACK <= u64::from(board.ram_size),
        "{}: {} bytes of static RAM leave less than {MIN_STACK} bytes of the {} for the stack",
        board.name,
        footprint.ram,
        board.ram_size
    );
    Ok(footprint)
}

/// A built runtime: where its files are and what it occupies.
#[derive(Debug, Clone)]
pub struct BuiltRuntime {
    pub board: Rp2Board,
    pub elf: PathBuf,
    pub uf2: PathBuf,
    pub footprint: Footprint,
}

impl BuiltRuntime {
    /// The build report line.
    pub fn report(&self) -> String {
        let board = &self.board;
        let percent = |used: u64, of: u32| used as f64 * 100.0 / f64::from(of);
        format!(
            "{:<8} {:<7} runtime {:>7} B of {:>4} KiB ({:>4.1}%)  RAM {:>6} B of {:>3} KiB  heap {:>3} KiB  frozen region {:#010x}+{} KiB",
            board.name,
            board.chip,
            self.footprint.flash,
            board.runtime_size / 1024,
            percent(self.footprint.flash, board.runtime_size),
            self.footprint.ram,
            board.ram_size / 1024,
            board.heap_size / 1024,
            board.frozen_origin,
            board.frozen_size / 1024,
        )
    }
}

/// The image part of a board's build report: the size of the image in
/// `firmware/<board>/frozen.img` (the last one frozen for the board) and the
/// heap free at boot with it, or, when there is none or it is for another
/// runtime build, the heap free at boot with an empty image (the VM's own
/// start-up cost, every image's floor).
pub fn image_report(board: &Rp2Board) -> anyhow::Result<String> {
    let path = crate::project_root().join("firmware").join(&board.name).join("frozen.img");
    if let Ok(image) = std::fs::read(&path) {
        if let Ok(free) = crate::freeze::link::free_heap_at_boot(&image, board.heap_size) {
            return Ok(format!("image {:>6} B  heap free at boot {:>6} B", image.len(), free));
        }
    }
    let inputs = crate::freeze::Inputs {
        modules: vec![crate::freeze::Input {
            name: "main.py".to_string(),
            kind: crate::freeze::InputKind::Compile { source: Vec::new(), opt: 0 },
        }],
        main: Some("main.py".to_string()),
        ..crate::freeze::Inputs::default()
    };
    let frozen = match crate::freeze::freeze_at(&inputs, &board.name, board.frozen_origin, None)? {
        Ok(frozen) => frozen,
        Err(rendered) => anyhow::bail!("an empty image does not freeze for {}:\n{rendered}", board.name),
    };
    let free = crate::freeze::link::free_heap_at_boot(&frozen.image.bytes, board.heap_size)?;
    Ok(format!("no image yet (an empty one: {} B, heap free at boot {free} B)", frozen.image.bytes.len()))
}

/// Builds the runtime firmware of `board` (see the module docs).
pub fn build_board(sh: &Shell, board: &Rp2Board) -> anyhow::Result<BuiltRuntime> {
    let root = crate::project_root();
    let target_dir = root.join("target/thumb");
    let support = toolchain::ensure_target(sh, &board.target)?;
    let (cargo, target, feature) = (toolchain::cargo_program(), &board.target, &board.chip);
    let extra_args = support.cargo_args();
    // Cargo reads `.cargo/config.toml` from the working directory, so the build
    // runs inside ports/rp2; RUSTFLAGS from the environment would replace the
    // port's rustflags (and are meant for the host), so they are removed.
    let _dir = sh.push_dir(rp2_port());
    let mut build = cmd!(
        sh,
        "{cargo} build --release --manifest-path Cargo.toml --target {target} --features {feature} --bin runtime {extra_args...}"
    )
    .env("CARGO_TARGET_DIR", &target_dir)
    .env("RIME_BOARD", &board.name)
    .env_remove("RUSTFLAGS")
    .env_remove("CARGO_ENCODED_RUSTFLAGS");
    for (key, value) in support.cargo_env() {
        build = build.env(key, value);
    }
    build.run().with_context(|| format!("building the runtime firmware for {}", board.name))?;

    let built = target_dir.join(target).join("release/runtime");
    let out_dir = root.join("firmware").join(&board.name);
    let elf = out_dir.join("runtime.elf");
    let bytes = files::copy(&built, &elf)?;
    let footprint = footprint(board, &bytes)?;
    let uf2_bytes = uf2::from_elf(&bytes, board.flash(), board.family()?)
        .with_context(|| format!("writing the UF2 of {}", elf.display()))?;
    let uf2 = out_dir.join("runtime.uf2");
    files::write_atomically(&uf2, &uf2_bytes)?;
    Ok(BuiltRuntime { board: board.clone(), elf, uf2, footprint })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_boards_are_valid() {
        let boards = rp2_boards().unwrap();
        let names: Vec<&str> = boards.iter().map(|board| board.name.as_str()).collect();
        assert_eq!(names, ["pico", "pico2", "pico2_w", "pico_w"]);
        for board in &boards {
            assert_eq!(board.frozen_region().end, board.flash().end, "{}: the image region ends flash", board.name);
            assert_eq!(board.frozen_size, 1 << 20, "{}", board.name);
            assert_eq!(board.console_baud, 115_200);
        }
        let pico = &boards[0];
        assert_eq!((pico.chip.as_str(), pico.led.as_str(), pico.flash_size), ("rp2040", "GPIO25", 2 << 20));
        let pico2_w = &boards[2];
        assert_eq!(
            (pico2_w.chip.as_str(), pico2_w.led.as_str(), pico2_w.example_led_gpio),
            ("rp2350", "cyw43", Some(15))
        );
        assert!(rp2_board("esp32").unwrap_err().to_string().contains("unknown RP2 board"));
    }

    #[test]
    fn a_runtime_overflowing_its_region_fails_when_built() {
        // `cargo xtask build --board pico` writes this file; a fresh checkout has none yet.
        let Ok(bytes) = std::fs::read(crate::project_root().join("firmware/pico/runtime.elf")) else { return };
        let mut board = rp2_board("pico").unwrap();
        let fits = footprint(&board, &bytes).unwrap();
        assert!(fits.flash > 0x1000 && fits.ram >= u64::from(board.heap_size));
        board.runtime_size = 0x1000;
        assert!(footprint(&board, &bytes).unwrap_err().to_string().contains("overflow its region"));
        let mut board = rp2_board("pico").unwrap();
        board.ram_size = board.heap_size;
        assert!(footprint(&board, &bytes).unwrap_err().to_string().contains("for the stack"));
    }

    #[test]
    fn bad_layouts_are_rejected() {
        let good = rp2_board("pico").unwrap();
        let mut board = good.clone();
        board.frozen_origin -= 0x1000;
        assert!(board.check().unwrap_err().to_string().contains("overlap"));
        let mut board = good.clone();
        board.frozen_origin += 0x100;
        assert!(board.check().unwrap_err().to_string().contains("4 KiB"));
        let mut board = good.clone();
        board.heap_size = board.ram_size;
        assert!(board.check().unwrap_err().to_string().contains("stack"));
        let mut board = good;
        board.target = "thumbv8m.main-none-eabihf".into();
        assert!(board.check().is_err());
    }
}
