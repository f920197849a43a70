//! `cargo xtask flash`: put a board's firmware on the board, through a BOOTSEL
//! drive (UF2 drag-and-drop) or a debug probe.
//!
//! The firmware is read from `firmware/<board>/` (see [`firmware::Firmware`]).
//! With `--uf2 [PATH]` ([`flash_uf2`]) it is written here, as UF2, onto a
//! mounted BOOTSEL drive (found, or at PATH) or into a `.uf2` file;
//! `--frozen-only` then writes a UF2 holding only the frozen-image region,
//! from 4 KiB sector to 4 KiB sector. Neither ever holds a block of the
//! board's filesystem region, so files survive every update; `--erase-fs`
//! adds the whole region, erased (over a probe too). A BOOTSEL drive cannot be read, so the
//! runtime check needs a probe.
//!
//! Everything that talks to a debug probe (flashing through one, and `--list`,
//! which lists probes and BOOTSEL drives) is the probe-rs flasher, the
//! `xtask-flash` binary in `xtask/flash`: probe-rs is a large build that no
//! other command needs, so [`flasher`] builds it the first time it is used
//! and runs it with the same flags. The flash plan, the image-only update and
//! the progress bars live there.

pub mod firmware;
mod flasher;
pub mod synthetic;
pub mod uf2_drive;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::rp2::{self, Rp2Board};
use crate::uf2;
use firmware::{Chip, Firmware, FirmwareError};
use uf2_drive::{Destination, SearchRoot};

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
    /// Also erase the filesystem region (every file on the board is lost);
    /// without it, flashing never touches the filesystem.
    #[arg(long)]
    pub erase_fs: bool,
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
    pub fn of(args: &Args) -> Request {
        match (args.frozen_only, args.full) {
            (true, _) => Request::ImageOnly,
            (_, true) => Request::Full,
            _ => Request::Auto,
        }
    }
}

impl Args {
    /// The flags again, as a command line that parses back to these `Args`:
    /// what `cargo xtask flash` hands the probe-rs flasher.
    pub fn to_argv(&self) -> Vec<String> {
        let mut argv = vec!["--board".to_string(), self.board.clone()];
        if let Some(probe) = &self.probe {
            argv.extend(["--probe".to_string(), probe.clone()]);
        }
        match &self.uf2 {
            None => {}
            Some(None) => argv.push("--uf2".into()),
            Some(Some(path)) => argv.push(format!("--uf2={}", path.display())),
        }
        let flags = [
            (self.frozen_only, "--frozen-only"),
            (self.full, "--full"),
            (self.erase_fs, "--erase-fs"),
            (self.list, "--list"),
        ];
        for (set, flag) in flags {
            if set {
                argv.push(flag.into());
            }
        }
        if let Some(dir) = &self.firmware {
            argv.push(format!("--firmware={}", dir.display()));
        }
        argv
    }
}

pub fn run(args: Args) -> crate::Outcome {
    if args.board == "host" && !args.list {
        anyhow::bail!("the host board runs on this machine (`cargo xtask run`); flash needs an RP2 board (pico, pico_w, pico2, pico2_w)");
    }
    let Some(path) = &args.uf2 else {
        return flasher::run(&args);
    };
    let board = rp2::rp2_board(&args.board)?;
    let dir = args.firmware.clone().unwrap_or_else(|| crate::project_root().join("firmware").join(&board.name));
    let firmware = Firmware::load(&board, &dir)?;
    println!("{}", describe_firmware(&board, &firmware));
    let mut progress = CopyProgress::stderr();
    let request = Request::of(&args);
    let roots = uf2_drive::default_roots();
    let lines = flash_uf2(&board, &firmware, request, args.erase_fs, path.as_deref(), &roots, &mut progress)?;
    lines.iter().for_each(|line| println!("{line}"));
    Ok(ExitCode::SUCCESS)
}

/// One line about the firmware about to be written.
pub fn describe_firmware(board: &Rp2Board, firmware: &Firmware) -> String {
    let runtime: u64 = firmware.runtime.iter().map(|segment| segment.data.len() as u64).sum();
    let sources: Vec<String> = firmware.sources.iter().map(|path| path.display().to_string()).collect();
    let image = firmware.image.as_ref().map_or_else(
        || "no frozen image".to_string(),
        |image| format!("frozen image {} at {:#010x}", kib(image.len() as u64), board.frozen_origin),
    );
    format!("{} ({}): runtime {}, {image}, from {}", board.name, board.chip, kib(runtime), sources.join(" + "))
}

/// A byte count for people: bytes below 1 KiB, else KiB with one decimal.
pub fn kib(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    }
}

/// The progress of a UF2 copy: one line on stderr, redrawn in place as the
/// bytes go out when stderr is a terminal, and nothing otherwise.
#[derive(Debug)]
pub struct CopyProgress {
    draw: bool,
}

impl CopyProgress {
    pub fn stderr() -> CopyProgress {
        CopyProgress { draw: std::io::stderr().is_terminal() }
    }

    /// Draws nothing (tests, pipes).
    pub fn hidden() -> CopyProgress {
        CopyProgress { draw: false }
    }

    /// `done` of `total` bytes are written; `done == total` ends the line.
    pub fn update(&mut self, done: u64, total: u64) {
        if self.draw {
            let end = if done >= total { "\n" } else { "" };
            eprint!("\rcopy {} of {}{end}", kib(done), kib(total));
        }
    }
}

/// The filesystem region as one segment of erased bytes: what `--erase-fs`
/// writes (a UF2 cannot erase, so it programs 0xFF, which reads the same).
pub fn erased_filesystem(board: &Rp2Board) -> Option<uf2::Segment> {
    let region = board.fs_region()?;
    Some(uf2::Segment { address: region.start, data: vec![0xff; (region.end - region.start) as usize] })
}

/// Writes the firmware as UF2 to a BOOTSEL drive or a file, and reports.
/// The UF2 holds no block of the filesystem region unless `erase_fs` asks
/// for the region to be wiped.
pub fn flash_uf2(
    board: &Rp2Board,
    firmware: &Firmware,
    request: Request,
    erase_fs: bool,
    path: Option<&Path>,
    roots: &[SearchRoot],
    progress: &mut CopyProgress,
) -> anyhow::Result<Vec<String>> {
    let chip = Chip::of_board(board)?;
    let destination = uf2_drive::destination(path, chip, roots)?;
    let wipe: Vec<uf2::Segment> = erase_fs.then(|| erased_filesystem(board)).flatten().into_iter().collect();
    if erase_fs && wipe.is_empty() {
        anyhow::bail!("--erase-fs: {} has no filesystem region", board.name);
    }
    let (bytes, name, mut what) = match request {
        Request::ImageOnly => {
            let image = firmware.image.as_ref().ok_or(FirmwareError::NoImage)?;
            let end = board.frozen_origin + (image.len() as u32).div_ceil(uf2::SECTOR) * uf2::SECTOR;
            let mut padded = image.clone();
            padded.resize((end - board.frozen_origin) as usize, 0xff);
            let mut segments = vec![uf2::Segment { address: board.frozen_origin, data: padded }];
            segments.extend(wipe.iter().cloned());
            let bytes = uf2::from_segments(&segments, chip.family())?;
            let what = format!("the frozen-image region {:#010x}..{end:#010x} only", board.frozen_origin);
            (bytes, format!("rime-{}-image.uf2", board.name), what)
        }
        Request::Auto | Request::Full => {
            let mut segments = firmware.all_segments(board);
            segments.extend(wipe.iter().cloned());
            let bytes = uf2::from_segments(&segments, chip.family())?;
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
    if let Some(region) = wipe.first() {
        what.push_str(&format!(
            ", and the filesystem region {:#010x}..{:#010x} erased",
            region.address,
            region.address as usize + region.data.len()
        ));
    }
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
