//! `cargo xtask doctor`: list every tool rime needs as found or missing (placeholder).

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> crate::Outcome {
    crate::not_available("doctor", "issue 2")
}
