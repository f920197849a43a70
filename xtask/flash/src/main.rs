//! `xtask-flash`: the probe-rs half of `cargo xtask flash`, a binary of its
//! own so that no other command builds probe-rs. `cargo xtask flash` builds
//! it on first use and runs it with the same flags (see xtask's
//! `flash/flasher.rs`); flashing through a BOOTSEL drive stays in xtask.
//!
//! Over a probe ([`flash_with`]), the flasher first compares the runtime on
//! the board with the local one: it reads the runtime's loadable bytes back
//! from flash and compares their SHA-256 ([`RuntimeId`]) with the local
//! runtime's. When they match, only the frozen-image region is written (an
//! image-only update, the default when it is safe, forced with
//! `--frozen-only`); otherwise everything is, and the report says why. Either
//! way the sectors the board already holds are skipped, the rest is erased,
//! programmed and verified by probe-rs with progress bars, and the chip is
//! reset to run. The report gives the bytes written against a full flash.
//! No plan but `--erase-fs`'s writes a sector of the board's filesystem
//! region ([`plan::FlashPlan::new`] refuses it), so files survive updates.
//! `--list` lists probes and BOOTSEL drives.

mod plan;
mod probe;
mod progress;

#[cfg(test)]
mod fake;

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use xtask::flash::firmware::{Chip, Firmware, FirmwareError, RuntimeId};
use xtask::flash::uf2_drive::{self, Drive};
use xtask::flash::{describe_firmware, kib, Args, Request};
use xtask::rp2::{self, Rp2Board};
use xtask::uf2;

use plan::{FlashPlan, Mode};
use probe::{FlashTarget, ProbeError, ProbeInfo, ProbeRsTarget, Selector};
use progress::Progress;

/// The flags of `cargo xtask flash`, which passes them on unchanged.
#[derive(Parser, Debug)]
#[command(name = "cargo xtask flash", about = "Write firmware to a board through a debug probe (probe-rs).")]
struct Cli {
    #[command(flatten)]
    args: Args,
}

fn main() -> ExitCode {
    match run(Cli::parse().args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.list {
        let mut out = std::io::stdout().lock();
        list(&mut out, &probe::list_probes(), &uf2_drive::find_drives(&uf2_drive::default_roots()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let board = rp2::rp2_board(&args.board)?;
    let dir = args.firmware.clone().unwrap_or_else(|| xtask::project_root().join("firmware").join(&board.name));
    let firmware = Firmware::load(&board, &dir)?;
    let request = Request::of(&args);
    let mut progress = Progress::stderr();
    progress.println(&describe_firmware(&board, &firmware));

    let selector = args.probe.as_deref().map(str::parse::<Selector>).transpose()?;
    let chip = Chip::of_board(&board)?;
    let probes = probe::list_probes();
    let hint = match uf2_drive::find_drives(&uf2_drive::default_roots()).first() {
        Some(drive) => format!(" (a BOOTSEL drive is mounted at {}: use --uf2)", drive.path.display()),
        None => " (plug one in, or hold BOOTSEL while plugging the board in and use --uf2)".to_string(),
    };
    let info = probe::select(&probes, selector.as_ref(), &hint)?;
    progress.println(&format!("probe: {info}; attaching to the {chip}"));
    let mut target = ProbeRsTarget::open(&info, chip)?;
    let report = flash_with(&mut target, &board, &firmware, request, args.erase_fs, &mut progress)?;
    report.lines().iter().for_each(|line| progress.println(line));
    Ok(ExitCode::SUCCESS)
}

/// `--list`: probes and BOOTSEL drives, saying so when there are none.
pub fn list(out: &mut dyn std::io::Write, probes: &[ProbeInfo], drives: &[Drive]) -> std::io::Result<()> {
    if probes.is_empty() {
        writeln!(out, "debug probes: none attached")?;
    } else {
        writeln!(out, "debug probes (select with --probe VID:PID[:SERIAL]):")?;
        for probe in probes {
            writeln!(out, "  {probe}")?;
        }
    }
    if drives.is_empty() {
        writeln!(out, "BOOTSEL drives: none mounted")?;
    } else {
        writeln!(out, "BOOTSEL drives (write with --uf2 [PATH]):")?;
        for drive in drives {
            writeln!(out, "  {drive}")?;
        }
    }
    Ok(())
}

/// What a probe flash did.
#[derive(Debug)]
pub struct Report {
    /// Why this mode (the plan's).
    pub reason: String,
    /// What was written (after dropping the sectors already on the board).
    pub written: FlashPlan,
    /// Sectors skipped because the board already held them.
    pub unchanged: usize,
    /// The bytes a full flash writes, for comparison.
    pub full_bytes: u64,
    /// With `--erase-fs`: the bytes of the filesystem region erased.
    pub erased_filesystem: Option<u64>,
    /// The progress summary (erase / program / verify).
    pub phases: Vec<String>,
}

impl Report {
    pub fn lines(&self) -> Vec<String> {
        let mode = match self.written.mode {
            Mode::Full => "full update",
            Mode::ImageOnly => "image-only update",
            Mode::EraseFilesystem => "filesystem erase",
        };
        let mut lines = vec![format!("{mode}: {}", self.reason)];
        lines.push(format!(
            "wrote {}: {}; {} sectors were already up to date",
            kib(self.written.bytes()),
            self.written.describe(),
            self.unchanged
        ));
        let percent = self.written.bytes() as f64 * 100.0 / self.full_bytes.max(1) as f64;
        lines.push(format!(
            "bytes written: {} of {} for a full flash ({percent:.1}%)",
            self.written.bytes(),
            self.full_bytes
        ));
        if let Some(bytes) = self.erased_filesystem {
            lines.push(format!(
                "--erase-fs: erased {} of the filesystem region (the rest was erased already)",
                kib(bytes)
            ));
        }
        if !self.phases.is_empty() {
            lines.push(self.phases.join(", "));
        }
        lines.push("reset: the board is running the new firmware".into());
        lines
    }
}

/// What the board holds at the runtime's addresses: its runtime id, or
/// `None` when those bytes are all erased (a new or wiped board).
fn board_runtime_id(target: &mut dyn FlashTarget, firmware: &Firmware) -> Result<Option<RuntimeId>, ProbeError> {
    let mut read = Vec::new();
    for segment in &firmware.runtime {
        let mut bytes = vec![0; segment.data.len()];
        target.read_memory(segment.address, &mut bytes)?;
        read.push(uf2::Segment { address: segment.address, data: bytes });
    }
    let erased = read.iter().all(|segment| segment.data.iter().all(|&byte| byte == 0xff));
    Ok(if erased { None } else { Some(RuntimeId::of(&read)) })
}

/// Why an image-only update was refused or not chosen.
#[derive(Debug, thiserror::Error)]
pub enum RefusedError {
    #[error(
        "refusing --frozen-only: {0}; an image needs the runtime it was frozen for, so flash without --frozen-only"
    )]
    ImageOnly(String),
}

/// Flashes `firmware` onto the chip behind `target`: see the module docs.
pub fn flash_with(
    target: &mut dyn FlashTarget,
    board: &Rp2Board,
    firmware: &Firmware,
    request: Request,
    erase_fs: bool,
    progress: &mut Progress,
) -> anyhow::Result<Report> {
    let chip = Chip::of_board(board)?;
    if target.chip() != chip {
        return Err(ProbeError::WrongChip { expected: chip, found: target.chip() }.into());
    }
    let full = FlashPlan::full(board, firmware)?;
    let local = firmware.runtime_id();
    let (mode, reason) = match (request, firmware.image.is_some()) {
        (Request::Full, _) => (Mode::Full, "--full was given".to_string()),
        (Request::ImageOnly, false) => return Err(FirmwareError::NoImage.into()),
        (Request::Auto, false) => (Mode::Full, "the firmware holds no frozen image".to_string()),
        (_, true) => match board_runtime_id(target, firmware) {
            Ok(Some(on_board)) if on_board == local => (
                Mode::ImageOnly,
                format!("the runtime on the board matches the local one (build id {})", local.short()),
            ),
            other => {
                let why = match other {
                    Ok(None) => "the board's runtime region is erased".to_string(),
                    Ok(Some(on_board)) => format!(
                        "the runtime on the board (build id {}) differs from the local one ({})",
                        on_board.short(),
                        local.short()
                    ),
                    Err(error) => format!("the runtime on the board could not be read ({error})"),
                };
                if request == Request::ImageOnly {
                    return Err(RefusedError::ImageOnly(why).into());
                }
                (Mode::Full, why)
            }
        },
    };
    let planned = match mode {
        Mode::Full | Mode::EraseFilesystem => full.clone(),
        Mode::ImageOnly => FlashPlan::image_only(board, firmware)?,
    };
    // `--erase-fs` first, so a failure leaves the old firmware; sectors
    // already erased are skipped like unchanged ones.
    let erased_filesystem = match erase_fs {
        true => {
            let wipe = FlashPlan::erase_filesystem(board)?;
            let (wipe, _) = wipe.without_unchanged(|address, out| target.read_memory(address, out));
            if !wipe.is_empty() {
                target.flash(&wipe, progress).context("erasing the filesystem through the probe")?;
            }
            Some(wipe.bytes())
        }
        false => None,
    };
    let (written, unchanged) = planned.without_unchanged(|address, out| target.read_memory(address, out));
    if !written.is_empty() {
        target.flash(&written, progress).context("flashing through the probe")?;
    }
    target.reset_and_run()?;
    Ok(Report { reason, written, unchanged, full_bytes: full.bytes(), erased_filesystem, phases: progress.summary() })
}

#[cfg(test)]
mod tests;
