//! `cargo xtask build`: build the runtime firmware for a board (placeholder, filled in next).

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The board to build the runtime for.
    #[arg(long)]
    pub board: Option<String>,
}

pub fn run(args: Args) -> crate::Outcome {
    let _ = &args.board;
    crate::not_available("build", "issue 2")
}
