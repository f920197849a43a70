//! `cargo xtask repl [MANIFEST|FILE.py] [--board host] [--heap SIZE] [--pty]`:
//! boots a board as MicroPython boots (the frozen `main`, if any, then the
//! REPL) with its console on this terminal, in raw mode (Ctrl-] quits), or
//! with `--pty` on a new pseudo-terminal: the one line `pty: PATH` is
//! printed on stdout and the REPL is served there until the command is
//! killed, so that `mpremote connect PATH ...` or Thonny can attach.
//!
//! The input is frozen through the freeze pipeline as `cargo xtask run`
//! freezes it (a `.py` file as `main.py` into `target/repl/<board>`, a
//! manifest into `firmware/<board>`); without one the image holds no module
//! and the REPL starts at once. The host board runs in the host runner
//! (this executable started again, `host_runner.rs`); the other boards'
//! consoles come later and say so.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::board::{Board, Runner};
use crate::freeze;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The manifest.toml or .py file whose frozen `main` runs before the REPL.
    pub input: Option<PathBuf>,
    /// Where to run: host, qemu-m0, qemu-m33, or pico with --emulate.
    #[arg(long, default_value = "host")]
    pub board: String,
    /// Run the real board firmware in the rp2040js emulator.
    #[arg(long)]
    pub emulate: bool,
    /// Heap size, e.g. 192K.
    #[arg(long)]
    pub heap: Option<String>,
    /// Serve the REPL on a new pseudo-terminal (its path is printed as `pty: PATH`).
    #[arg(long)]
    pub pty: bool,
    /// Register a library for `require`: --lib NAME=PATH.
    #[arg(long = "lib", value_name = "NAME=PATH")]
    pub libs: Vec<String>,
    /// Set a manifest path variable: --var NAME=VALUE.
    #[arg(long = "var", value_name = "NAME=VALUE")]
    pub vars: Vec<String>,
}

pub fn run(args: Args) -> crate::Outcome {
    let board = Board::find(&args.board)?;
    match (board.runner(), args.emulate) {
        (Runner::HostRunner, false) => repl_on_host(&args, &board),
        _ => crate::not_available(
            &format!("repl --board {}{}", board.name, if args.emulate { " --emulate" } else { "" }),
            "issue 18: the REPL runs on the host board so far",
        ),
    }
}

/// Freezes the input (or an image without modules) and starts the host runner's REPL.
fn repl_on_host(args: &Args, board: &Board) -> crate::Outcome {
    let image_path = match &args.input {
        Some(input) => {
            let request =
                freeze::Request { input: input.clone(), vars: args.vars.clone(), libs: args.libs.clone(), heap: None };
            let out_dir = if request.is_single_file() {
                crate::project_root().join("target/repl").join(&board.name)
            } else {
                board.output_dir()
            };
            match freeze::freeze_board(board, &request, &out_dir)? {
                Ok(built) => built.image_path(),
                Err(rendered) => {
                    eprint!("{rendered}");
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        None => {
            let image = rime_host::freeze_sources(&[])?;
            let out_dir = crate::project_root().join("target/repl").join(&board.name);
            std::fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
            let path = out_dir.join("empty.img");
            crate::files::write_atomically(&path, &image)?;
            path
        }
    };
    let mut command = crate::host_runner::command(&image_path, args.heap.as_deref(), false)?;
    command.arg("--repl");
    if args.pty {
        command.arg("--pty");
    }
    let status = command.status().context("running the host runner")?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(code.clamp(1, 255) as u8),
        None => ExitCode::FAILURE,
    })
}
