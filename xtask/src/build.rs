//! `cargo xtask build`: build a board's runtime firmware.
//!
//! `--board B` asks the board ([`Board`]) what its firmware is:
//!
//! - an RP2 board (pico, pico_w, pico2, pico2_w; `--all-boards` builds each
//!   of them): the runtime firmware, into `firmware/B/runtime.elf` and
//!   `firmware/B/runtime.uf2`, with one report line per board: the runtime's
//!   flash against its region, static RAM, the heap and the frozen-image
//!   region, then the size of the board's last frozen image
//!   (`firmware/B/frozen.img`) and the heap free at boot with it, or with an
//!   empty image when there is none yet ([`image_report`]). A runtime that
//!   overflows its region fails the build (see `rp2.rs`);
//! - a QEMU board (qemu-m0, qemu-m33): the QEMU port's `runtime` binary for
//!   the board's target (see `qemu.rs`), with its sizes;
//! - the host board: the host runner, `rime-host`, in release mode.
//!
//! `--smoke` builds the QEMU smoke binary of `ports/qemu` once per QEMU board
//! (each board's `board.toml` names its target triple and QEMU machine),
//! copies the ELFs to `firmware/qemu-smoke/<board>.elf` and prints their
//! sizes; `--run` then boots each one in `qemu-system-arm` and checks its
//! semihosting line and exit status. `xtask test` runs the same two steps as
//! its QEMU stage.
//!
//! The thumb builds use their own target directory, `target/thumb`, so they
//! never invalidate or wait on the host workspace's `target/`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context as _};
use xshell::{cmd, Shell};

use crate::board::{Board, Port, Rp2Board};
use crate::freeze::{self, Input, InputKind, Inputs};
use crate::{files, qemu, rp2, toolchain};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The board to build the runtime firmware for (pico, pico_w, pico2, pico2_w, qemu-m0, qemu-m33, host).
    #[arg(long, conflicts_with_all = ["smoke", "all_boards"])]
    pub board: Option<String>,
    /// Build the runtime firmware for every RP2 board.
    #[arg(long, conflicts_with = "smoke")]
    pub all_boards: bool,
    /// Build the no_std QEMU smoke binary for every QEMU board (both thumb targets).
    #[arg(long)]
    pub smoke: bool,
    /// With --smoke: run each smoke binary in qemu-system-arm and check its output.
    #[arg(long, requires = "smoke")]
    pub run: bool,
}

pub fn run(args: Args) -> crate::Outcome {
    let sh = Shell::new()?;
    let root = crate::project_root();
    let shown = |path: &Path| path.strip_prefix(&root).unwrap_or(path).display().to_string();
    if let Some(name) = &args.board {
        let board = Board::find(name)?;
        match &board.port {
            Port::Rp2(rp2) => println!("{}", build_rp2(&sh, rp2)?),
            Port::Qemu(qemu_board) => {
                let elf = qemu::build_runtime(&sh, qemu_board)?;
                let sizes = qemu::elf_sizes(&files::read(&elf)?)?;
                println!(
                    "{:<9} {:<26} runtime text {:>6} B  data {:>5} B  bss {:>6} B  heap {} KiB  -> {}",
                    qemu_board.name,
                    qemu_board.target,
                    sizes.text,
                    sizes.data,
                    sizes.bss,
                    qemu_board.heap_size / 1024,
                    shown(&elf)
                );
            }
            Port::Host(host) => {
                let cargo = toolchain::cargo_program();
                let _dir = sh.push_dir(&root);
                cmd!(sh, "{cargo} build --release --package rime-host").run().context("building rime-host")?;
                println!("host      {} -> target/release/rime-host", host.description);
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    if args.all_boards {
        let mut reports = Vec::new();
        for board in &rp2::rp2_boards()? {
            reports.push(build_rp2(&sh, board)?);
        }
        for line in reports {
            println!("{line}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    if !args.smoke {
        bail!("say what to build: `cargo xtask build --board B`, `--all-boards` or `--smoke [--run]`");
    }
    let elves = qemu::build_smoke(&sh)?;
    if args.run {
        for (board, elf) in &elves {
            qemu::run_smoke(board, elf)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Builds one RP2 board's runtime and returns its report line.
pub fn build_rp2(sh: &Shell, board: &Rp2Board) -> anyhow::Result<String> {
    let root = crate::project_root();
    let shown = |path: &Path| path.strip_prefix(&root).unwrap_or(path).display().to_string();
    let built = rp2::build_board(sh, board)?;
    let image = image_report(board)?;
    Ok(format!("{}  {image}  -> {}, {}", built.report(), shown(&built.elf), shown(&built.uf2)))
}

/// The image part of a board's build report: the size of the image in
/// `firmware/<board>/frozen.img` (the last one frozen for the board) and the
/// heap free at boot with it, or, when there is none or it is for another
/// runtime build, the heap free at boot with an empty image (the VM's own
/// start-up cost, every image's floor).
pub fn image_report(board: &Rp2Board) -> anyhow::Result<String> {
    let path = crate::project_root().join("firmware").join(&board.name).join("frozen.img");
    if let Ok(image) = std::fs::read(&path) {
        if let Ok(free) = freeze::link::free_heap_at_boot(&image, board.heap_size) {
            return Ok(format!("image {:>6} B  heap free at boot {:>6} B", image.len(), free));
        }
    }
    let inputs = Inputs {
        modules: vec![Input { name: "main.py".to_string(), kind: InputKind::Compile { source: Vec::new(), opt: 0 } }],
        main: Some("main.py".to_string()),
        ..Inputs::default()
    };
    let frozen = match freeze::freeze_at(&inputs, &board.name, board.frozen_origin, None)? {
        Ok(frozen) => frozen,
        Err(rendered) => bail!("an empty image does not freeze for {}:\n{rendered}", board.name),
    };
    let free = freeze::link::free_heap_at_boot(&frozen.image.bytes, board.heap_size)?;
    Ok(format!("no image yet (an empty one: {} B, heap free at boot {free} B)", frozen.image.bytes.len()))
}
