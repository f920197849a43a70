//! `cargo xtask flash`: write firmware to a board through probe-rs or a BOOTSEL
//! drive. Filled in by the flashing issue.

use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The board whose firmware to flash.
    #[arg(long, default_value = "pico")]
    pub board: String,
    /// Select a probe by VID:PID[:SERIAL].
    #[arg(long)]
    pub probe: Option<String>,
    /// Copy the UF2 to a BOOTSEL drive (found automatically, or at PATH).
    #[arg(long, num_args = 0..=1, value_name = "PATH")]
    pub uf2: Option<Option<PathBuf>>,
    /// Write only the frozen-image region.
    #[arg(long)]
    pub frozen_only: bool,
    /// List attached probes and BOOTSEL drives.
    #[arg(long)]
    pub list: bool,
}

pub fn run(args: Args) -> crate::Outcome {
    let _ = (&args.board, &args.probe, &args.uf2, args.frozen_only, args.list);
    crate::not_available("flash", "issue 10: probe-rs and UF2 flashing")
}
