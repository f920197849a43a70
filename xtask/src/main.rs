//! `cargo xtask`: the one front end for everything rime does on the host.
//!
//! This follows the cargo-xtask pattern (rust-analyzer, Hubris): a plain Rust
//! binary in the workspace, run through the `xtask` alias in
//! `.cargo/config.toml`. `main` only parses flags and dispatches; each command
//! lives in its own module with an `Args` struct and a `run` function.
//! Commands that a later issue fills in exit with code 2 and say so in one line.

#![forbid(unsafe_code)]

mod bench;
mod board;
mod build;
mod doctor;
mod emulate;
mod files;
mod flash;
mod freeze;
mod manifest;
mod mpy;
mod process;
mod qemu;
mod rp2;
mod run;
mod test;
#[cfg(test)]
mod tidy;
mod toolchain;
mod uf2;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The compiler allocates one node per syntax-tree element; mimalloc makes
/// compiling and freezing markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// rime: frozen Python for the Raspberry Pi RP2040 and RP2350.
#[derive(Parser, Debug)]
#[command(name = "cargo xtask", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Compile a manifest's modules and link them into a board's firmware (ELF, UF2, BIN).
    Freeze(freeze::Args),
    /// Build the runtime firmware for a board, or the QEMU smoke binaries.
    Build(build::Args),
    /// Write firmware to a board through a debug probe or a BOOTSEL drive.
    Flash(flash::Args),
    /// Freeze a manifest or a .py file and run it (host board by default).
    Run(run::Args),
    /// Compile .py files to .mpy, a drop-in for mpy-cross.
    Mpy(mpy::Args),
    /// Inspect and convert manifests.
    Manifest(manifest::Args),
    /// Run the whole test suite: unit tests, tidy, emulated boards.
    Test(test::Args),
    /// Run the benchmark suites and print one table.
    Bench(bench::Args),
    /// Check that every tool rime needs is installed, and say how to fix what is missing.
    Doctor(doctor::Args),
}

/// The result of a command: its process exit code.
pub type Outcome = anyhow::Result<ExitCode>;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli.command) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs one command (the tests call this directly, without a process).
fn dispatch(command: Command) -> Outcome {
    match command {
        Command::Freeze(args) => freeze::run(args),
        Command::Build(args) => build::run(args),
        Command::Flash(args) => flash::run(args),
        Command::Run(args) => run::run(args),
        Command::Mpy(args) => mpy::run(args),
        Command::Manifest(args) => manifest::run(args),
        Command::Test(args) => test::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Doctor(args) => doctor::run(args),
    }
}

/// Reports a command (or flag) that a later issue implements: one line on
/// stderr and exit code 2, so nothing ever pretends to have worked.
pub fn not_available(what: &str, issue: &str) -> Outcome {
    eprintln!("cargo xtask {what}: not available yet ({issue})");
    Ok(ExitCode::from(2))
}

/// The root of the rime checkout (the parent of `xtask/`).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives one level below the root").to_path_buf()
}
