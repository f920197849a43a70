//! `cargo xtask run`: freeze a manifest or a single `.py` file and run it on the
//! host board, a QEMU board or the emulated Pico. Filled in by the runtime issues.

use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The manifest.toml or .py file to run.
    pub input: PathBuf,
    /// Where to run: host, qemu-m0, qemu-m33, or pico with --emulate.
    #[arg(long, default_value = "host")]
    pub board: String,
    /// Run the real board firmware in the rp2040js emulator.
    #[arg(long)]
    pub emulate: bool,
    /// Heap size, e.g. 192K.
    #[arg(long)]
    pub heap: Option<String>,
}

pub fn run(args: Args) -> crate::Outcome {
    let _ = (&args.input, &args.board, args.emulate, &args.heap);
    crate::not_available("run", "issue 7: the runtime core")
}
