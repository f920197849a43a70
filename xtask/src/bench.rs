//! `cargo xtask bench`: run the benchmark suites (placeholder).

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> crate::Outcome {
    crate::not_available("bench", "issue 2")
}
