//! `cargo xtask build`: build firmware for the thumb targets.
//!
//! `--smoke` builds the QEMU smoke binary of `ports/qemu` once per QEMU board
//! (each board's `board.toml` names its target triple and QEMU machine),
//! copies the ELFs to `firmware/qemu-smoke/<board>.elf` and prints their
//! sizes; `--run` then boots each one in `qemu-system-arm` and checks its
//! semihosting line and exit status. `xtask test` runs the same two steps as
//! its QEMU stage.
//!
//! `--board B` builds the runtime firmware of the RP2 board B (pico, pico_w,
//! pico2, pico2_w; `--all-boards` builds each of them) into
//! `firmware/B/runtime.elf` and `firmware/B/runtime.uf2`, and prints one
//! report line per board: the runtime's flash against its region, static RAM,
//! the heap and the frozen-image region, then the size of the board's last
//! frozen image (`firmware/B/frozen.img`) and the heap free at boot with it,
//! or with an empty image when there is none yet (`rp2::image_report`). A
//! runtime that overflows its region fails the build (see `rp2.rs`).
//!
//! The thumb builds use their own target directory, `target/thumb`, so they
//! never invalidate or wait on the host workspace's `target/`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context};
use serde::Deserialize;
use xshell::{cmd, Shell};

use crate::{files, rp2, toolchain};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The board to build the runtime firmware for (pico, pico_w, pico2, pico2_w).
    #[arg(long, conflicts_with_all = ["smoke", "all_boards"])]
    pub board: Option<String>,
    /// Build the runtime firmware for every RP2 board.
    #[arg(long, conflicts_with = "smoke")]
    pub all_boards: bool,
    /// Build the no_std QEMU smoke binary for every QEMU board (both thumb targets).
    #[arg(long)]
    pub smoke: bool,
    /// With --smoke: run each smoke binary in qemu-system-arm and check its output.
    #[arg(long, requires = "smoke")]
    pub run: bool,
}

pub fn run(args: Args) -> crate::Outcome {
    let sh = Shell::new()?;
    if args.board.is_some() || args.all_boards {
        let boards = match &args.board {
            Some(name) => vec![rp2::rp2_board(name)?],
            None => rp2::rp2_boards()?,
        };
        let mut reports = Vec::new();
        for board in &boards {
            let built = rp2::build_board(&sh, board)?;
            let root = crate::project_root();
            let shown = |path: &Path| path.strip_prefix(&root).unwrap_or(path).display().to_string();
            let image = rp2::image_report(board)?;
            reports.push(format!("{}  {image}  -> {}, {}", built.report(), shown(&built.elf), shown(&built.uf2)));
        }
        for line in reports {
            println!("{line}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    if !args.smoke {
        bail!("say what to build: `cargo xtask build --board B`, `--all-boards` or `--smoke [--run]`");
    }
    let elves = build_smoke(&sh)?;
    if args.run {
        for (board, elf) in &elves {
            run_smoke(board, elf)?;
        }
    }
    Ok(ExitCode::SUCCESS)
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
}

impl QemuBoard {
    /// Checks that the memory map can hold a program: both regions are
    /// non-empty and disjoint, and the heap leaves RAM for the stack.
    fn check(&self) -> anyhow::Result<()> {
        ensure!(self.flash_size > 0 && self.ram_size > 0, "flash_size and ram_size must not be zero");
        let flash = self.flash_origin..self.flash_origin + self.flash_size;
        let ram = self.ram_origin..self.ram_origin + self.ram_size;
        ensure!(flash.end <= ram.start || ram.end <= flash.start, "flash {flash:#x?} overlaps RAM {ram:#x?}");
        ensure!(self.heap_size < self.ram_size, "heap_size {:#x} leaves no RAM for the stack", self.heap_size);
        ensure!(
            self.cpu_hz >= 1_000_000,
            "cpu_hz {} is not a core clock (SysTick ticks once per millisecond from it)",
            self.cpu_hz
        );
        let image = self.image_origin..self.image_origin + self.image_size;
        ensure!(
            self.image_size > 0 && image.start > flash.start && image.end <= flash.end,
            "the image region {image:#x?} must lie in flash {flash:#x?}, after the code"
        );
        Ok(())
    }
}

/// The QEMU port's folder.
fn qemu_port() -> PathBuf {
    crate::project_root().join("ports/qemu")
}

/// Every QEMU board, sorted by name.
pub fn qemu_boards() -> anyhow::Result<Vec<QemuBoard>> {
    let boards_dir = qemu_port().join("boards");
    let mut boards = Vec::new();
    for entry in std::fs::read_dir(&boards_dir).with_context(|| format!("reading {}", boards_dir.display()))? {
        let path = entry?.path().join("board.toml");
        if !path.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let board: QemuBoard = toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        let folder = path.parent().and_then(Path::file_name).and_then(|name| name.to_str()).unwrap_or("");
        ensure!(board.name == folder, "{}: name `{}` differs from its folder `{folder}`", path.display(), board.name);
        board.check().with_context(|| format!("checking {}", path.display()))?;
        boards.push(board);
    }
    boards.sort_by(|a, b| a.name.cmp(&b.name));
    ensure!(!boards.is_empty(), "no boards under {}", boards_dir.display());
    Ok(boards)
}

/// Builds the smoke binary for every QEMU board and copies each ELF to
/// `firmware/qemu-smoke/<board>.elf`.
pub fn build_smoke(sh: &Shell) -> anyhow::Result<Vec<(QemuBoard, PathBuf)>> {
    let root = crate::project_root();
    let target_dir = root.join("target/thumb");
    let out_dir = root.join("firmware/qemu-smoke");
    std::fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    let cargo = toolchain::cargo_program();
    let mut elves = Vec::new();
    for board in qemu_boards()? {
        let support = toolchain::ensure_target(sh, &board.target)?;
        let target = &board.target;
        let extra_args = support.cargo_args();
        // Cargo reads `.cargo/config.toml` from the working directory, not from
        // --manifest-path, so the build runs inside ports/qemu to pick up its
        // rustflags. RUSTFLAGS from the environment would replace them (and are
        // meant for the host), so they are removed for this build.
        let _dir = sh.push_dir(qemu_port());
        let mut build = cmd!(
            sh,
            "{cargo} build --release --manifest-path Cargo.toml --target {target} --bin smoke {extra_args...}"
        )
        .env("CARGO_TARGET_DIR", &target_dir)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
        for (key, value) in support.cargo_env() {
            build = build.env(key, value);
        }
        build.run().with_context(|| format!("building the QEMU smoke binary for {}", board.name))?;
        let built = target_dir.join(target).join("release/smoke");
        let elf = out_dir.join(format!("{}.elf", board.name));
        let sizes = elf_sizes(&files::copy(&built, &elf)?).with_context(|| format!("reading {}", elf.display()))?;
        println!(
            "{:<9} {:<26} text {:>6} B  data {:>5} B  bss {:>5} B  -> {}",
            board.name,
            target,
            sizes.text,
            sizes.data,
            sizes.bss,
            elf.strip_prefix(&root).unwrap_or(&elf).display()
        );
        elves.push((board, elf));
    }
    Ok(elves)
}

/// How long one QEMU run may take before it counts as hung.
const QEMU_TIMEOUT: Duration = Duration::from_secs(30);

pub use crate::process::Captured;

/// Runs `command` (QEMU) with both output streams captured, killing it when it
/// runs longer than `timeout`.
pub fn run_captured(command: Command, timeout: Duration) -> anyhow::Result<Captured> {
    crate::process::run_captured(
        command,
        crate::process::Timeout(Some(timeout)),
        "qemu-system-arm",
        "install it with `apt-get install -y qemu-system-arm`",
    )
}

/// Runs one smoke ELF in QEMU and checks its semihosting line and exit status.
pub fn run_smoke(board: &QemuBoard, elf: &Path) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut command = Command::new("qemu-system-arm");
    command
        .args(["-M", &board.machine, "-nographic", "-semihosting-config", "enable=on,target=native", "-kernel"])
        .arg(elf);
    let Captured { status, stdout, stderr } =
        run_captured(command, QEMU_TIMEOUT).with_context(|| format!("{}: the smoke binary", board.name))?;
    let elapsed = started.elapsed();
    let expected = expected_smoke_line(board);
    let line = stdout.lines().find(|line| line.starts_with("rime qemu smoke:")).unwrap_or("");
    if !status.success() || line != expected {
        bail!(
            "{}: the smoke binary failed on {} ({status})\n  expected: {expected}\n  stdout: {}\n  stderr: {}",
            board.name,
            board.machine,
            stdout.trim(),
            stderr.trim()
        );
    }
    println!("{:<9} {:<11} ok in {:>4} ms: {line}", board.name, board.machine, elapsed.as_millis());
    Ok(())
}

/// The exact line a correct smoke run prints on `board`.
fn expected_smoke_line(board: &QemuBoard) -> String {
    format!("rime qemu smoke: board={} target={} cpu={} sum=5050", board.name, board.target, board.cpu)
}

/// Berkeley-style sizes of an ELF image, as `size` prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ElfSizes {
    /// Allocated, read-only sections (code and constants): flash.
    pub text: u64,
    /// Allocated, writable sections with contents: flash and RAM.
    pub data: u64,
    /// Allocated, writable sections without contents: RAM only.
    pub bss: u64,
}

/// Sums the allocated sections of a 32-bit little-endian ELF file.
pub fn elf_sizes(bytes: &[u8]) -> anyhow::Result<ElfSizes> {
    const SHF_WRITE: u32 = 0x1;
    const SHF_ALLOC: u32 = 0x2;
    const SHT_NOBITS: u32 = 8;
    ensure!(bytes.len() >= 52 && bytes[..4] == *b"\x7fELF", "not an ELF file");
    ensure!(bytes[4] == 1 && bytes[5] == 1, "not a 32-bit little-endian ELF file");
    let u16_at = |offset: usize| -> anyhow::Result<u32> {
        let field = bytes.get(offset..offset + 2).context("ELF header truncated")?;
        Ok(u32::from(u16::from_le_bytes([field[0], field[1]])))
    };
    let u32_at = |offset: usize| -> anyhow::Result<u32> {
        let field = bytes.get(offset..offset + 4).context("ELF section table truncated")?;
        Ok(u32::from_le_bytes([field[0], field[1], field[2], field[3]]))
    };
    let table = u32_at(32)? as usize;
    let entry_size = u16_at(46)? as usize;
    let count = u16_at(48)? as usize;
    let mut sizes = ElfSizes::default();
    for index in 0..count {
        let header = table + index * entry_size;
        let (kind, flags, size) = (u32_at(header + 4)?, u32_at(header + 8)?, u64::from(u32_at(header + 20)?));
        if flags & SHF_ALLOC == 0 {
            continue;
        }
        if flags & SHF_WRITE == 0 {
            sizes.text += size;
        } else if kind == SHT_NOBITS {
            sizes.bss += size;
        } else {
            sizes.data += size;
        }
    }
    Ok(sizes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qemu_boards_are_valid_and_match_the_thumb_targets() {
        let boards = qemu_boards().unwrap();
        let names: Vec<&str> = boards.iter().map(|board| board.name.as_str()).collect();
        assert_eq!(names, ["qemu-m0", "qemu-m33"]);
        let targets: Vec<&str> = boards.iter().map(|board| board.target.as_str()).collect();
        assert_eq!(targets, toolchain::THUMB_TARGETS);
        let m0 = &boards[0];
        assert_eq!((m0.machine.as_str(), m0.flash_origin, m0.ram_origin), ("mps2-an385", 0, 0x2000_0000));
        let m33 = &boards[1];
        assert_eq!((m33.machine.as_str(), m33.flash_origin, m33.ram_origin), ("mps2-an505", 0x1000_0000, 0x3800_0000));
        assert!(boards.iter().all(|board| board.flash_size == 4 << 20));
    }

    #[test]
    fn overlapping_memory_is_rejected() {
        let mut board = qemu_boards().unwrap().remove(0);
        board.ram_origin = board.flash_origin + 16;
        assert!(board.check().unwrap_err().to_string().contains("overlaps RAM"));
    }

    #[test]
    fn elf_sizes_sums_sections_by_kind() {
        // A minimal ELF32 header followed by four section headers: null,
        // .text (alloc), .data (alloc + write) and .bss (alloc + write, nobits).
        let mut bytes = vec![0u8; 52];
        bytes[..6].copy_from_slice(b"\x7fELF\x01\x01");
        bytes[32..36].copy_from_slice(&52u32.to_le_bytes());
        bytes[46..48].copy_from_slice(&40u16.to_le_bytes());
        bytes[48..50].copy_from_slice(&4u16.to_le_bytes());
        for (kind, flags, size) in [(0u32, 0u32, 0u32), (1, 0x6, 100), (1, 0x3, 20), (8, 0x3, 300)] {
            let mut header = [0u8; 40];
            header[4..8].copy_from_slice(&kind.to_le_bytes());
            header[8..12].copy_from_slice(&flags.to_le_bytes());
            header[20..24].copy_from_slice(&size.to_le_bytes());
            bytes.extend_from_slice(&header);
        }
        assert_eq!(elf_sizes(&bytes).unwrap(), ElfSizes { text: 100, data: 20, bss: 300 });
        assert!(elf_sizes(b"not an elf").is_err());
    }
}
