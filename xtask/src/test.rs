//! `cargo xtask test`: run the whole test suite, one stage after another.
//!
//! The suite is the list in [`stages`]: each stage has a name, says whether it
//! needs an emulator, and is one function. Stages run in order, each prints
//! its name and how long it took, and the first failure stops the run with a
//! message naming the stage. Later issues add their stages to the list (the
//! Python suite on the host, on QEMU and on the emulated Pico; the
//! differential tests against MicroPython's mpy-cross). `--only TEXT` runs only
//! the stages whose name contains TEXT. `--quick` skips every
//! stage that boots an emulator, for a fast edit-compile-test loop.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use xshell::{cmd, Shell};

use crate::toolchain;

mod fs;
mod fs_repl;
mod jig;
mod mplib;
mod qemu;
mod reference;
mod repl;
mod rom;
mod rp2;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Skip the stages that run an emulator (QEMU, rp2040js).
    #[arg(long)]
    pub quick: bool,
    /// Run only the stages whose name contains this text, e.g. `--only qemu`.
    #[arg(long)]
    pub only: Option<String>,
}

/// One step of the suite.
struct Stage {
    name: &'static str,
    /// Whether the stage boots an emulator (skipped by `--quick`).
    emulator: bool,
    run: fn(&Shell) -> anyhow::Result<()>,
}

/// The suite, in the order it runs. Host-only stages come first so that a
/// broken unit test fails the run before any firmware is built.
fn stages() -> Vec<Stage> {
    vec![
        Stage { name: "host: cargo test --workspace", emulator: false, run: cargo_test_workspace },
        Stage {
            name: "reference: corpus .mpy runs in MicroPython 1.27",
            emulator: false,
            run: reference::corpus_runs_in_micropython,
        },
        Stage { name: "repl: mpremote on the host pty", emulator: false, run: repl::mpremote_on_host_pty },
        Stage {
            name: "repl: friendly REPL bytes on the host pty, against MicroPython 1.27",
            emulator: false,
            run: repl::friendly_repl_on_host_pty,
        },
        Stage { name: "repl: Thonny's back end on the host pty", emulator: false, run: repl::thonny_on_host_pty },
        Stage {
            name: "repl: mpremote fs commands on the host pty (--fs), read back by littlefs-python",
            emulator: false,
            run: fs_repl::mpremote_fs_on_host_pty,
        },
        Stage { name: "rp2: build all boards", emulator: false, run: rp2::build_all_boards },
        Stage { name: "qemu: smoke binaries on mps2-an385 and mps2-an505", emulator: true, run: qemu_smoke },
        Stage { name: "qemu: Python suite on qemu-m0 and qemu-m33", emulator: true, run: qemu::python_suite_on_qemu },
        Stage {
            name: "qemu: a hung program is killed at --timeout",
            emulator: true,
            run: qemu::hung_program_is_killed,
        },
        Stage {
            name: "qemu: compiling on the board (a 200-line module on the Pico's heap, modules frozen as source)",
            emulator: true,
            run: qemu::compile_on_pico_heap,
        },
        Stage { name: "repl: UART console on qemu-m0 and qemu-m33", emulator: true, run: repl::repl_on_qemu_pty },
        Stage { name: "qemu: the filesystem acceptance program (--fs)", emulator: true, run: fs::acceptance_on_qemu },
        Stage { name: "qemu: frozen resources read in place at /rom", emulator: true, run: rom::rom_on_qemu },
        Stage {
            name: "host and qemu-m0: micropython-lib's gzip and zlib over deflate, and keyword, against MicroPython",
            emulator: true,
            run: mplib::gzip_and_zlib,
        },
        Stage {
            name: "repl: mpremote fs commands on qemu-m0 (--fs), read back by littlefs-python",
            emulator: true,
            run: fs_repl::mpremote_fs_on_qemu_pty,
        },
        Stage { name: "pico: boot banner in rp2040js", emulator: true, run: rp2::pico_boot_banner },
        Stage {
            name: "pico: the filesystem acceptance program in rp2040js (--fs, the flash driver)",
            emulator: true,
            run: fs::acceptance_on_emulated_pico,
        },
        Stage {
            name: "repl: mpremote on the emulated Pico's USB serial",
            emulator: true,
            run: repl::mpremote_on_emulated_pico,
        },
        Stage {
            name: "qemu and pico: .mpy import from the filesystem (--fs), against MicroPython",
            emulator: true,
            run: fs::mpy_import_on_boards,
        },
        Stage {
            name: "repl: mpremote fs commands on the emulated Pico (--fs), read back by littlefs-python",
            emulator: true,
            run: fs_repl::mpremote_fs_on_emulated_pico,
        },
        Stage {
            name: "repl: Thonny's back end on the emulated Pico's USB serial",
            emulator: true,
            run: repl::thonny_on_emulated_pico,
        },
        Stage { name: "pico: frozen blink example in rp2040js", emulator: true, run: rp2::pico_frozen_blink },
        Stage {
            name: "pico: the machine acceptance program on the emulated test jig",
            emulator: true,
            run: jig::acceptance_on_emulated_pico,
        },
        Stage {
            name: "pico: tests/py/machine on the emulated jig",
            emulator: true,
            run: jig::machine_suite_on_emulated_pico,
        },
        Stage {
            name: "pico: micropython-lib's ssd1306 driver on the emulated jig, against MicroPython's framebuf",
            emulator: true,
            run: jig::ssd1306_on_emulated_pico,
        },
        Stage {
            name: "pico: micropython-lib's ds18x20 driver on the emulated jig (onewire)",
            emulator: true,
            run: jig::ds18x20_on_emulated_pico,
        },
    ]
}

pub fn run(args: Args) -> crate::Outcome {
    let sh = Shell::new()?;
    sh.change_dir(crate::project_root());
    let suite_started = Instant::now();
    let mut timings: Vec<(&'static str, Option<Duration>)> = Vec::new();
    for stage in stages() {
        if args.only.as_ref().is_some_and(|only| !stage.name.contains(only.as_str())) {
            continue;
        }
        if args.quick && stage.emulator {
            println!("==> skip {} (--quick)", stage.name);
            timings.push((stage.name, None));
            continue;
        }
        println!("==> {}", stage.name);
        let started = Instant::now();
        let result = (stage.run)(&sh);
        let elapsed = started.elapsed();
        if let Err(error) = result {
            println!("==> FAILED {} after {:.1} s", stage.name, elapsed.as_secs_f64());
            return Err(error.context(format!("test stage `{}` failed", stage.name)));
        }
        println!("==> ok {} in {:.1} s", stage.name, elapsed.as_secs_f64());
        timings.push((stage.name, Some(elapsed)));
    }
    println!("\nstage timings:");
    for (name, elapsed) in &timings {
        match elapsed {
            Some(elapsed) => println!("  {:>7.1} s  {name}", elapsed.as_secs_f64()),
            None => println!("  {:>9}  {name}", "skipped"),
        }
    }
    println!("  {:>7.1} s  total", suite_started.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

/// The host workspace's unit tests, including tidy (`cargo test -p xtask`).
fn cargo_test_workspace(sh: &Shell) -> anyhow::Result<()> {
    let cargo = toolchain::cargo_program();
    println!("compiling and running the workspace's tests (the first compile takes a few minutes)…");
    cmd!(sh, "{cargo} test --workspace --quiet").run().context("`cargo test --workspace` failed; its output is above")
}

/// Builds the smoke binary for both thumb targets and checks it on QEMU.
fn qemu_smoke(sh: &Shell) -> anyhow::Result<()> {
    for (board, elf) in crate::qemu::build_smoke(sh)? {
        crate::qemu::run_smoke(&board, &elf)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_names_are_unique_and_host_stages_come_first() {
        let stages = stages();
        let first_emulator = stages.iter().position(|stage| stage.emulator).unwrap_or(stages.len());
        assert!(
            stages[first_emulator..].iter().all(|stage| stage.emulator),
            "a host stage runs after an emulator stage"
        );
        for (index, stage) in stages.iter().enumerate() {
            assert!(stages[..index].iter().all(|other| other.name != stage.name), "{} twice", stage.name);
        }
    }
}
