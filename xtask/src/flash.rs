//! `cargo xtask flash`: put a board's firmware on the board, through a debug
//! probe (the probe-rs library) or a BOOTSEL drive (UF2 drag-and-drop).
//!
//! The firmware is read from `firmware/<board>/` (see [`plan::Firmware`]).
//! Over a probe ([`flash_with`]), the flash command first compares the
//! runtime on the board with the local one: it reads the runtime's loadable
//! bytes back from flash and compares their SHA-256 ([`plan::RuntimeId`])
//! with the local runtime's. When they match, only the frozen-image region is
//! written (an image-only update, the default when it is safe, forced with
//! `--frozen-only`); otherwise everything is, and the report says why. Either
//! way the sectors the board already holds are skipped, the rest is erased,
//! programmed and verified by probe-rs with progress bars, and the chip is
//! reset to run. The report gives the bytes written against a full flash.
//!
//! With `--uf2 [PATH]` ([`flash_uf2`]) the firmware is written as UF2 onto a
//! mounted BOOTSEL drive (found, or at PATH) or into a `.uf2` file;
//! `--frozen-only` then writes a UF2 holding only the frozen-image region,
//! from 4 KiB sector to 4 KiB sector. A BOOTSEL drive cannot be read, so the
//! runtime check needs a probe. `--list` lists probes and BOOTSEL drives.

mod plan;
mod probe;
mod progress;
mod uf2_drive;

#[cfg(test)]
mod fake;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::rp2::{self, Rp2Board};
use crate::uf2;
use plan::{Chip, Firmware, FlashPlan, Mode, PlanError, RuntimeId};
use probe::{FlashTarget, ProbeError, ProbeInfo, ProbeRsTarget, Selector};
use progress::{kib, Progress};
use uf2_drive::{Destination, Drive, SearchRoot};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The board whose firmware to flash.
    #[arg(long, default_value = "pico")]
    pub board: String,
    /// Select a probe by VID:PID[:SERIAL].
    #[arg(long)]
    pub probe: Option<String>,
    /// Copy the UF2 to a BOOTSEL drive (found automatically, or at PATH; a PATH ending in .uf2 is a file to write).
    #[arg(long, num_args = 0..=1, value_name = "PATH")]
    pub uf2: Option<Option<PathBuf>>,
    /// Write only the frozen-image region (refused over a probe when the board's runtime differs).
    #[arg(long, conflicts_with = "full")]
    pub frozen_only: bool,
    /// Write the runtime and the image even when the board's runtime matches.
    #[arg(long)]
    pub full: bool,
    /// List attached probes and BOOTSEL drives.
    #[arg(long)]
    pub list: bool,
    /// Read the firmware from DIR instead of firmware/<board>/.
    #[arg(long, value_name = "DIR")]
    pub firmware: Option<PathBuf>,
}

/// What the user asked to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// An image-only update when the board's runtime matches, else everything.
    Auto,
    ImageOnly,
    Full,
}

impl Request {
    fn of(args: &Args) -> Request {
        match (args.frozen_only, args.full) {
            (true, _) => Request::ImageOnly,
            (_, true) => Request::Full,
            _ => Request::Auto,
        }
    }
}

pub fn run(args: Args) -> crate::Outcome {
    if args.list {
        let mut out = std::io::stdout().lock();
        list(&mut out, &probe::list_probes(), &uf2_drive::find_drives(&uf2_drive::default_roots()))?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.board == "host" {
        anyhow::bail!("the host board runs on this machine (`cargo xtask run`); flash needs an RP2 board (pico, pico_w, pico2, pico2_w)");
    }
    let board = rp2::rp2_board(&args.board)?;
    let dir = args.firmware.clone().unwrap_or_else(|| crate::project_root().join("firmware").join(&board.name));
    let firmware = Firmware::load(&board, &dir)?;
    let request = Request::of(&args);
    let mut progress = Progress::stderr();
    progress.println(&describe_firmware(&board, &firmware));

    if let Some(path) = &args.uf2 {
        let lines = flash_uf2(&board, &firmware, request, path.as_deref(), &uf2_drive::default_roots(), &progress)?;
        lines.iter().for_each(|line| progress.println(line));
        return Ok(ExitCode::SUCCESS);
    }

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
    let report = flash_with(&mut target, &board, &firmware, request, &mut progress)?;
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

/// One line about the firmware about to be written.
fn describe_firmware(board: &Rp2Board, firmware: &Firmware) -> String {
    let runtime: u64 = firmware.runtime.iter().map(|segment| segment.data.len() as u64).sum();
    let sources: Vec<String> = firmware.sources.iter().map(|path| path.display().to_string()).collect();
    let image = firmware.image.as_ref().map_or_else(
        || "no frozen image".to_string(),
        |image| format!("frozen image {} at {:#010x}", kib(image.len() as u64), board.frozen_origin),
    );
    format!("{} ({}): runtime {}, {image}, from {}", board.name, board.chip, kib(runtime), sources.join(" + "))
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
    /// The progress summary (erase / program / verify).
    pub phases: Vec<String>,
}

impl Report {
    pub fn lines(&self) -> Vec<String> {
        let mode = match self.written.mode {
            Mode::Full => "full update",
            Mode::ImageOnly => "image-only update",
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
        (Request::ImageOnly, false) => return Err(PlanError::NoImage.into()),
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
        Mode::Full => full.clone(),
        Mode::ImageOnly => FlashPlan::image_only(board, firmware)?,
    };
    let (written, unchanged) = planned.without_unchanged(|address, out| target.read_memory(address, out));
    if !written.is_empty() {
        target.flash(&written, progress).context("flashing through the probe")?;
    }
    target.reset_and_run()?;
    Ok(Report { reason, written, unchanged, full_bytes: full.bytes(), phases: progress.summary() })
}

/// Writes the firmware as UF2 to a BOOTSEL drive or a file, and reports.
pub fn flash_uf2(
    board: &Rp2Board,
    firmware: &Firmware,
    request: Request,
    path: Option<&Path>,
    roots: &[SearchRoot],
    progress: &Progress,
) -> anyhow::Result<Vec<String>> {
    let chip = Chip::of_board(board)?;
    let destination = uf2_drive::destination(path, chip, roots)?;
    let (bytes, name, what) = match request {
        Request::ImageOnly => {
            let image = firmware.image.as_ref().ok_or(PlanError::NoImage)?;
            let end = board.frozen_origin + (image.len() as u32).div_ceil(uf2::SECTOR) * uf2::SECTOR;
            let bytes = uf2::from_region(board.frozen_origin..end, image, chip.family())?;
            let what = format!("the frozen-image region {:#010x}..{end:#010x} only", board.frozen_origin);
            (bytes, format!("rime-{}-image.uf2", board.name), what)
        }
        Request::Auto | Request::Full => {
            let bytes = uf2::from_segments(&firmware.all_segments(board), chip.family())?;
            let what = if firmware.image.is_some() {
                "the runtime and the image (a BOOTSEL drive cannot be read, so there is no image-only check; \
                 use --frozen-only when the runtime is unchanged)"
            } else {
                "the runtime (the firmware holds no frozen image)"
            };
            let what = what.to_string();
            (bytes, format!("rime-{}.uf2", board.name), what)
        }
    };
    let copied = uf2_drive::copy(&destination, &name, &bytes, progress)?;
    let blocks = bytes.len() / 512;
    let mut lines =
        vec![format!("wrote {} ({blocks} UF2 blocks) to {}: {what}", kib(copied.bytes), copied.path.display())];
    lines.push(match (&destination, copied.drive_vanished) {
        (Destination::Drive(_), true) => {
            "the drive went away as the file was synced: the board has rebooted into it".into()
        }
        (Destination::Drive(_), false) => {
            "synced; the board reboots into the new firmware when it has every block".into()
        }
        (Destination::File(_), _) => "copy this file onto the board's BOOTSEL drive to flash it".into(),
    });
    Ok(lines)
}

#[cfg(test)]
#[path = "flash/tests.rs"]
mod tests;
