//! The QEMU port's firmware: the `runtime` binary that runs frozen images
//! ([`build_runtime`], [`qemu_command`]), the `repl` binary that boots with
//! the REPL on UART0 ([`build_repl`], [`repl_command`]) and the smoke binary
//! that checks the toolchain and both machines ([`build_smoke`], [`run_smoke`]).
//!
//! Both build inside `ports/qemu` (so that its `.cargo/config.toml` applies)
//! for the board's thumb target into `target/thumb`, which never invalidates
//! or waits on the host workspace's `target/`. `qemu-system-arm` boots them
//! with semihosting; the runtime gets its image from QEMU's generic loader at
//! the board's `image_origin`. [`elf_sizes`] measures an ELF as `size` does.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context};
use xshell::{cmd, Shell};

pub use crate::board::{qemu_boards, QemuBoard};
use crate::process::{self, Captured, Timeout};
use crate::{files, toolchain};

/// The QEMU port's folder.
fn qemu_port() -> PathBuf {
    crate::project_root().join("ports/qemu")
}

/// Builds the QEMU port's `runtime` binary for `board` (release, into
/// `target/thumb`, from inside `ports/qemu` so that its `.cargo/config.toml`
/// applies, exactly as the smoke build does) and returns the ELF's path.
pub fn build_runtime(sh: &Shell, board: &QemuBoard) -> anyhow::Result<PathBuf> {
    let target_dir = crate::project_root().join("target/thumb");
    let what = format!("the {} runtime", board.name);
    let first = toolchain::announce_first_build(&target_dir.join(&board.target).join("release/runtime"), &what);
    let elf = build_bin(sh, board, "runtime", !first).with_context(|| format!("building {what}"))?;
    let bytes = files::read(&elf)?;
    crate::freeze::link::check_abi(&elf, &bytes, crate::freeze::host_abi().abi_id, &board.name)?;
    Ok(elf)
}

/// Builds the QEMU port's `repl` binary for `board`, as [`build_runtime`] builds the runtime.
pub fn build_repl(sh: &Shell, board: &QemuBoard) -> anyhow::Result<PathBuf> {
    let target_dir = crate::project_root().join("target/thumb");
    let what = format!("the {} REPL firmware", board.name);
    let first = toolchain::announce_first_build(&target_dir.join(&board.target).join("release/repl"), &what);
    let elf = build_bin(sh, board, "repl", !first).with_context(|| format!("building {what}"))?;
    let bytes = files::read(&elf)?;
    crate::freeze::link::check_abi(&elf, &bytes, crate::freeze::host_abi().abi_id, &board.name)?;
    Ok(elf)
}

/// Where the REPL firmware's UART0 goes.
pub enum Serial {
    /// This terminal: QEMU's stdio in raw mode, shared with its monitor
    /// (Ctrl-A x quits, Ctrl-A Ctrl-A types a Ctrl-A); Ctrl-C reaches the board.
    Terminal,
    /// A pseudo-terminal QEMU makes; it names it on stdout.
    Pty,
}

/// The `qemu-system-arm` command that boots the REPL firmware `elf` on
/// `board`, with `image` (if any) at the board's `image_origin` and, with
/// `fs`, the filesystem of `rime-fs.img` in its working directory.
pub fn repl_command(board: &QemuBoard, elf: &Path, image: Option<&Path>, serial: Serial, fs: bool) -> Command {
    let mut command = Command::new("qemu-system-arm");
    command.args(["-M", &board.machine, "-nographic"]);
    match serial {
        Serial::Terminal => command.args([
            "-chardev",
            "stdio,id=console,mux=on,signal=off",
            "-serial",
            "chardev:console",
            "-mon",
            "chardev=console,mode=readline",
        ]),
        Serial::Pty => command.args(["-monitor", "none", "-serial", "pty"]),
    };
    // With `fs`, the firmware mounts `rime-fs.img` of QEMU's working directory.
    let semihosting = if fs { "enable=on,target=native,arg=rime,arg=--fs" } else { "enable=on,target=native" };
    command.args(["-semihosting-config", semihosting, "-kernel"]).arg(elf);
    if let Some(image) = image {
        command.arg("-device").arg(format!(
            "loader,file={},addr={:#x},force-raw=on",
            image.display().to_string().replace(',', ",,"),
            board.image_origin
        ));
    }
    command
}

/// The pseudo-terminal in QEMU's `char device redirected to PATH (label ...)` line.
pub fn pty_from_qemu_line(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix("char device redirected to ")?;
    Some(rest.split(" (label").next().unwrap_or(rest))
}

/// Builds binary `bin` of the QEMU port for `board`'s target, in release,
/// and returns the ELF's path. Cargo reads `.cargo/config.toml` from the
/// working directory, not from --manifest-path, so the build runs inside
/// ports/qemu to pick up its rustflags. RUSTFLAGS from the environment would
/// replace them (and are meant for the host), so they are removed for this
/// build.
fn build_bin(sh: &Shell, board: &QemuBoard, bin: &str, quiet: bool) -> anyhow::Result<PathBuf> {
    let target_dir = crate::project_root().join("target/thumb");
    let support = toolchain::ensure_target(sh, &board.target)?;
    let target = &board.target;
    // A board without the compiler builds without the port's default feature.
    let mut extra_args = support.cargo_args().to_vec();
    if !board.compiler {
        extra_args.push("--no-default-features");
    }
    let cargo = toolchain::cargo_program();
    let quiet = quiet.then_some("--quiet");
    let _dir = sh.push_dir(qemu_port());
    let mut build = cmd!(
        sh,
        "{cargo} build {quiet...} --release --manifest-path Cargo.toml --target {target} --bin {bin} {extra_args...}"
    )
    .env("CARGO_TARGET_DIR", &target_dir)
    .env_remove("RUSTFLAGS")
    .env_remove("CARGO_ENCODED_RUSTFLAGS");
    for (key, value) in support.cargo_env() {
        build = build.env(key, value);
    }
    build.run()?;
    Ok(target_dir.join(target).join("release").join(bin))
}

/// The `qemu-system-arm` command that boots `elf` on `board` with semihosting
/// and the generic loader putting `image` at the board's `image_origin`.
pub fn qemu_command(board: &QemuBoard, elf: &Path, image: &Path) -> Command {
    qemu_command_with_args(board, elf, image, &[])
}

/// [`qemu_command`] with a semihosting command line for the runtime (e.g.
/// `--fs`, which `ports/qemu/src/fs.rs` looks for).
pub fn qemu_command_with_args(board: &QemuBoard, elf: &Path, image: &Path, arguments: &[&str]) -> Command {
    let mut semihosting = String::from("enable=on,target=native");
    for argument in arguments {
        semihosting.push_str(",arg=");
        semihosting.push_str(&argument.replace(',', ",,"));
    }
    let mut command = Command::new("qemu-system-arm");
    command
        .args(["-M", &board.machine, "-nographic", "-monitor", "none", "-serial", "none"])
        .args(["-semihosting-config", &semihosting, "-kernel"])
        .arg(elf)
        .arg("-device")
        .arg(format!(
            "loader,file={},addr={:#x},force-raw=on",
            image.display().to_string().replace(',', ",,"),
            board.image_origin
        ));
    command
}

/// Builds the smoke binary for every QEMU board and copies each ELF to
/// `firmware/qemu-smoke/<board>.elf`.
pub fn build_smoke(sh: &Shell) -> anyhow::Result<Vec<(QemuBoard, PathBuf)>> {
    let root = crate::project_root();
    let out_dir = root.join("firmware/qemu-smoke");
    std::fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    let mut elves = Vec::new();
    for board in qemu_boards()? {
        let target = &board.target;
        let built = build_bin(sh, &board, "smoke", false)
            .with_context(|| format!("building the QEMU smoke binary for {}", board.name))?;
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

/// Runs `command` (QEMU) with both output streams captured, killing it when it
/// runs longer than `timeout`.
pub fn run_captured(command: Command, timeout: Duration) -> anyhow::Result<Captured> {
    process::run_captured(
        command,
        Timeout(Some(timeout)),
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
    use rime_board_schema::Check as _;

    #[test]
    fn overlapping_memory_is_rejected() {
        let mut board = crate::board::qemu_boards().unwrap().remove(0);
        board.ram_origin = board.flash_origin + 16;
        assert!(board.check().unwrap_err().contains("overlaps RAM"));
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
