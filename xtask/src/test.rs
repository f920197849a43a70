//! `cargo xtask test`: run the whole test suite (placeholder).

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> crate::Outcome {
    crate::not_available("test", "issue 2")
}
