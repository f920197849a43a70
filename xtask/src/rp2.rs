//! The RP2 boards and their runtime firmware: `cargo xtask build --board B`.
//!
//! Each board is `ports/rp2/boards/<name>/board.toml` ([`Rp2Board`]), read
//! and checked by `rime-board-schema`, the same code ports/rp2's build.rs
//! turns it into `memory.x` with. [`build_board`] provisions
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

use std::path::PathBuf;

use anyhow::{ensure, Context};
use elf::abi::PT_LOAD;
use elf::endian::AnyEndian;
use elf::ElfBytes;
use xshell::{cmd, Shell};

use crate::{files, toolchain, uf2};

// The board files are read by `crate::board` (through `rime-board-schema`);
// these names stay here for the modules that think of them as RP2 facts.
pub use crate::board::{rp2_board, rp2_boards, Rp2Board, MIN_STACK};

/// The RP2 port's folder.
pub fn rp2_port() -> PathBuf {
    crate::project_root().join("ports/rp2")
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

/// Builds the runtime firmware of `board` (see the module docs).
pub fn build_board(sh: &Shell, board: &Rp2Board) -> anyhow::Result<BuiltRuntime> {
    let root = crate::project_root();
    let target_dir = root.join("target/thumb");
    let support = toolchain::ensure_target(sh, &board.target)?;
    let (cargo, target, feature) = (toolchain::cargo_program(), &board.target, &board.chip);
    // A board without the compiler builds without the port's default feature.
    let mut extra_args = support.cargo_args().to_vec();
    if !board.compiler {
        extra_args.push("--no-default-features");
    }
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
    let uf2_bytes = uf2::from_elf(&bytes, board.flash(), uf2::Family::of_chip(&board.chip)?)
        .with_context(|| format!("writing the UF2 of {}", elf.display()))?;
    let uf2 = out_dir.join("runtime.uf2");
    files::write_atomically(&uf2, &uf2_bytes)?;
    Ok(BuiltRuntime { board: board.clone(), elf, uf2, footprint })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rime_board_schema::Check as _;

    #[test]
    fn the_four_boards_are_valid() {
        let boards = rp2_boards().unwrap();
        let names: Vec<&str> = boards.iter().map(|board| board.name.as_str()).collect();
        assert_eq!(names, ["pico", "pico2", "pico2_w", "pico_w"]);
        // MicroPython's filesystem sizes (ports/rp2/boards/*/mpconfigboard.cmake,
        // MICROPY_HW_FLASH_STORAGE_BYTES) at the end of flash, the image just before
        // it; the Pico's is smaller than MicroPython's 1,408 KiB, which leaves too
        // little room for rime's runtime (see its board.toml).
        let micropython_fs = [("pico", 1216 << 10), ("pico2", 3 << 20), ("pico2_w", 2560 << 10), ("pico_w", 848 << 10)];
        for (board, (name, fs_size)) in boards.iter().zip(micropython_fs) {
            assert_eq!(board.name, name);
            let fs = board.fs_region().unwrap_or_else(|| panic!("{name} has no filesystem region"));
            assert_eq!((fs.end - fs.start, fs.end), (fs_size, board.flash().end), "{name}");
            assert_eq!(
                board.frozen_region().end,
                fs.start,
                "{name}: the image region ends where the filesystem starts"
            );
            assert_eq!(board.runtime_region().end, board.frozen_origin, "{name}");
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
