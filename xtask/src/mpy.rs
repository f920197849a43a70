//! `cargo xtask mpy`: a drop-in for mpy-cross. Filled in by the code-generation issue.

use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Python source files to compile.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output file (only with a single input).
    #[arg(short = 'o')]
    pub output: Option<PathBuf>,
    /// Source name stored in the .mpy (module __file__).
    #[arg(short = 's')]
    pub source_name: Option<String>,
    /// Optimisation level 0..3.
    #[arg(short = 'O', default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=3))]
    pub opt: u8,
    /// Print a disassembly of the code objects.
    #[arg(long)]
    pub dump: bool,
}

pub fn run(args: Args) -> crate::Outcome {
    let _ = (&args.inputs, &args.output, &args.source_name, args.opt, args.dump);
    crate::not_available("mpy", "issue 4: code generation")
}
