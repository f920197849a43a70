//! `cargo xtask freeze`: compile a manifest's modules into one frozen image and
//! link it into a board's runtime firmware. Filled in by the frozen-image issue.

use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The board to build for (a folder under ports/rp2/boards or a QEMU board).
    #[arg(long, default_value = "host")]
    pub board: String,
    /// The manifest.toml (or a single .py file) to freeze.
    pub manifest: PathBuf,
    /// Set a manifest path variable: --var NAME=VALUE.
    #[arg(long = "var", value_name = "NAME=VALUE")]
    pub vars: Vec<String>,
}

pub fn run(args: Args) -> crate::Outcome {
    let _ = (&args.board, &args.manifest, &args.vars);
    crate::not_available("freeze", "issue 6: the frozen image")
}
