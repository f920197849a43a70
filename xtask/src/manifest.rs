//! `cargo xtask manifest`: show a resolved manifest or convert a MicroPython
//! `manifest.py`. Filled in by the manifest issue.

use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: ManifestCommand,
}

#[derive(clap::Subcommand, Debug)]
pub enum ManifestCommand {
    /// Print the resolved module list and where each module came from.
    Show {
        manifest: PathBuf,
        #[arg(long, default_value = "host")]
        board: String,
    },
    /// Convert a MicroPython manifest.py to manifest.toml.
    Convert {
        manifest_py: PathBuf,
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
}

pub fn run(args: Args) -> crate::Outcome {
    match args.command {
        ManifestCommand::Show { .. } => crate::not_available("manifest show", "issue 5: manifest.toml"),
        ManifestCommand::Convert { .. } => crate::not_available("manifest convert", "issue 5: manifest.toml"),
    }
}
