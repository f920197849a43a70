//! `cargo xtask`: the one front end for everything rime does on the host.
//!
//! This follows the cargo-xtask pattern (rust-analyzer, Hubris): a plain Rust
//! binary in the workspace, run through the `xtask` alias in
//! `.cargo/config.toml`. The commands live in this library, so that the
//! probe-rs flasher (`xtask/flash`, the `xtask-flash` binary that
//! `cargo xtask flash` builds on first use) shares the board files, the
//! firmware reader and the flags without putting probe-rs in the build of
//! every other command. [`main`] only parses flags and dispatches; each command
//! lives in its own module with an `Args` struct and a `run` function.
//! Commands that a later issue fills in exit with code 2 and say so in one line.

#![forbid(unsafe_code)]

pub mod bench;
pub mod board;
pub mod build;
pub mod doctor;
pub mod emulate;
pub mod files;
pub mod flash;
pub mod freeze;
pub mod host_runner;
pub mod manifest;
pub mod mpy;
pub mod process;
pub mod qemu;
pub mod repl;
pub mod rp2;
pub mod run;
pub mod test;
#[cfg(test)]
mod tidy;
pub mod toolchain;
pub mod uf2;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// rime: frozen Python for the Raspberry Pi RP2040 and RP2350.
#[derive(Parser, Debug)]
#[command(name = "cargo xtask", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Compile a manifest's modules and link them into a board's firmware (ELF, UF2, BIN).
    Freeze(freeze::Args),
    /// Build the runtime firmware for a board, or the QEMU smoke binaries.
    Build(build::Args),
    /// Write firmware to a board through a debug probe or a BOOTSEL drive.
    Flash(flash::Args),
    /// Freeze a manifest or a .py file and run it (host board by default).
    Run(run::Args),
    /// Boot a board with its REPL on this terminal, or on a pseudo-terminal (--pty) for mpremote.
    Repl(repl::Args),
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

/// Parses the command line and runs the command (the `xtask` binary's `main`).
pub fn main() -> ExitCode {
    if let Some(code) = host_runner::from_args(&std::env::args_os().collect::<Vec<_>>()) {
        return code;
    }
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
pub fn dispatch(command: Command) -> Outcome {
    match command {
        Command::Freeze(args) => freeze::run(args),
        Command::Build(args) => build::run(args),
        Command::Flash(args) => flash::run(args),
        Command::Run(args) => run::run(args),
        Command::Repl(args) => repl::run(args),
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
