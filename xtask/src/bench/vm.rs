//! Benchmark suite `vm`: the VM's speed on CPU-bound programs, against
//! MicroPython's.
//!
//! Two sets of programs run, each frozen as the main module and run by the
//! release build of the host runner `rime-host`:
//! - every `tests/bench/*.py` (loops, calls, recursion, dict and string
//!   work, int, float and big-int math, sorting, class-heavy,
//!   generator-heavy, an asyncio-style coroutine loop and tasks on the real
//!   asyncio package), timed by the wall clock, the time of an empty program
//!   subtracted on each side to remove process (and node, and wasm) start-up;
//! - with a MicroPython checkout named by [`SOURCE_VARIABLE`], MicroPython's
//!   own `tests/perf_bench` programs, built as its run-perfbench.py builds
//!   them ([`perf_bench`]), each timing its own run.
//!
//! The baseline ([`baseline`]) is a native MicroPython when one is named or
//! on `PATH`, the pinned WebAssembly reference otherwise. Every program runs
//! [`ROUNDS`] times on each side, interleaved (rime, MicroPython, rime, ...)
//! so that the machine's load weighs on both alike, and the best time counts.
//! A program's figure is rime's time divided by MicroPython's (below 1 is
//! faster), and the geometric mean of each set is printed. A program whose
//! output differs from MicroPython's is reported as such with rime's time and
//! is not compared; one that either side skips or fails is listed with the
//! reason.
//!
//! With valgrind installed and a native baseline, [`callgrind`] counts the
//! instructions of both sides for the programs `--callgrind` selects, net of
//! an empty program's, and reports their ratio.
//!
//! A program that imports `asyncio` runs on the project's own asyncio
//! package, `manifests/lib/asyncio`, on both sides: rime has it frozen beside
//! the program, as the base manifests freeze it; MicroPython gets the same
//! `.py` files first on its path (see [`baseline::Baseline::invocation`]).
//! The same Python code runs on both, so the figure compares the VMs;
//! MicroPython also pays for compiling the package's source at import.

mod baseline;
mod callgrind;
pub(super) mod perf_bench;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context};
use xshell::{cmd, Shell};

use super::{CallgrindScope, Measurement, Options};
use crate::files;
use crate::freeze::{self, Input, InputKind, Inputs};
use baseline::{Baseline, Invocation};
use perf_bench::Report;

const SUITE: &str = "vm";

/// The environment variable naming a MicroPython checkout whose
/// `tests/perf_bench` programs join the run.
pub(super) const SOURCE_VARIABLE: &str = "MICROPYTHON_SRC";

/// The heap rime runs the benchmark programs with (the Pico's 192K is too
/// small for the sorting and string programs, which hold 100,000 items, and
/// perf_bench's M of 1000 asks for about a megabyte).
const BENCH_HEAP: &str = "1M";

/// Runs per program and side; the best one counts.
const ROUNDS: usize = 5;

/// The programs issue 17's acceptance holds to MicroPython's instruction
/// count, which `--callgrind acceptance` (the default) counts.
const ACCEPTANCE_PROGRAMS: [&str; 4] = ["misc_pystone", "bm_fannkuch", "misc_raytrace", "bm_nqueens"];

/// How a program's time is taken.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Timing {
    /// Wall clock around the process, minus an empty program's.
    WallClock,
    /// The microseconds the program prints for its timed part (perf_bench).
    SelfReported,
}

/// One program, ready to run on both sides.
struct Program {
    name: String,
    /// `bench` for tests/bench, `perf_bench` for MicroPython's.
    set: &'static str,
    /// The `.py` file MicroPython runs.
    script: PathBuf,
    /// The frozen image rime runs.
    image: PathBuf,
    timing: Timing,
    asyncio: bool,
}

/// What one program's comparison came to.
enum Outcome {
    /// Both sides ran with the same output: rime's and MicroPython's seconds.
    Compared { rime: f64, micropython: f64 },
    /// Both ran, with different outputs: rime's seconds.
    Differs { rime: f64 },
    /// Not compared, and why.
    NotCompared(String),
}

pub fn run(sh: &Shell, options: &Options) -> anyhow::Result<Vec<Measurement>> {
    let root = crate::project_root();
    cmd!(sh, "cargo build --release --quiet --package rime-host").run().context("building rime-host")?;
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    let runner = target.join("release/rime-host");
    if !runner.exists() {
        bail!("{} was not built", runner.display());
    }
    let baseline = Baseline::find(&root)?;
    eprintln!("  baseline: {}", baseline.describe());
    let work = root.join("target/bench/vm");
    std::fs::create_dir_all(work.join("perf_bench")).with_context(|| format!("creating {}", work.display()))?;
    let (programs, mut not_compared) = programs(&root, &work)?;

    let empty_py = work.join("empty.py");
    std::fs::write(&empty_py, "")?;
    let empty_image = freeze_program(&root, &empty_py, &work.join("empty.img"), false)?;
    let label = baseline.short_name();
    let rime_empty = rime_invocation(&runner, &empty_image);
    let micropython_empty = baseline.invocation(&empty_py, None);
    let (rime_start, micropython_start) = interleaved(&rime_empty, &micropython_empty, Timing::WallClock)?;
    // An empty program prints nothing; anything else means a side cannot run
    // programs at all (the wasm reference without its node packages, say),
    // which would otherwise show as every output differing.
    for (side, start) in [("rime", &rime_start), (label, &micropython_start)] {
        if !start.output.trim().is_empty() {
            bail!("{side} does not run an empty program cleanly:\n{}", start.output.trim_end());
        }
    }
    let (rime_start, micropython_start) = (rime_start.seconds, micropython_start.seconds);

    let mut measurements = Vec::new();
    let mut compared = Vec::new();
    for program in &programs {
        let asyncio = program.asyncio.then(|| root.join(ASYNCIO_PACKAGE));
        let rime = rime_invocation(&runner, &program.image);
        let micropython = baseline.invocation(&program.script, asyncio.as_deref());
        let (mut rime, mut micropython) = interleaved(&rime, &micropython, program.timing)?;
        if program.timing == Timing::WallClock {
            rime.seconds = (rime.seconds - rime_start).max(1e-4);
            micropython.seconds = (micropython.seconds - micropython_start).max(1e-4);
        }
        let name = format!("{}/{}", program.set, program.name);
        match outcome(program.timing, &rime, &micropython) {
            Outcome::Compared { rime, micropython } => {
                let ratio = rime / micropython;
                eprintln!(
                    "  {name:<26} rime {:8.1} ms  {label} {:8.1} ms  ratio {ratio:.2}",
                    rime * 1e3,
                    micropython * 1e3
                );
                compared.push((program.set, program.name.clone(), ratio));
                measurements.push(Measurement {
                    suite: SUITE,
                    name: format!(
                        "{name}: rime time / MicroPython time (rime {:.1} ms, MicroPython {:.1} ms)",
                        rime * 1e3,
                        micropython * 1e3
                    ),
                    value: round2(ratio),
                    unit: "x",
                    compared_against: compared_against(&baseline, program.timing),
                    baseline: Some(1.0),
                });
            }
            Outcome::Differs { rime } => {
                eprintln!("  {name:<26} rime {:8.1} ms  OUTPUT DIFFERS from {label}'s: not compared", rime * 1e3);
                measurements.push(Measurement {
                    suite: SUITE,
                    name: format!("{name}: rime time, OUTPUT DIFFERS from MicroPython's (not compared)"),
                    value: (rime * 1e4).round() / 10.0,
                    unit: "ms",
                    compared_against: compared_against(&baseline, program.timing),
                    baseline: None,
                });
            }
            Outcome::NotCompared(reason) => {
                eprintln!("  {name:<26} {reason}");
                not_compared.push((name, reason));
            }
        }
    }
    let ratios: Vec<(&str, f64)> = compared.iter().map(|(set, _, ratio)| (*set, *ratio)).collect();
    measurements.extend(geometric_means(&ratios, "time", &baseline));
    if !not_compared.is_empty() {
        eprintln!("  not compared:");
        for (name, reason) in &not_compared {
            eprintln!("    {name}: {reason}");
        }
    }
    let counted: Vec<&Program> = programs
        .iter()
        .filter(|program| compared.iter().any(|(set, name, _)| *set == program.set && *name == program.name))
        .filter(|program| match options.callgrind {
            CallgrindScope::None => false,
            CallgrindScope::Acceptance => ACCEPTANCE_PROGRAMS.contains(&program.name.as_str()),
            CallgrindScope::All => true,
        })
        .collect();
    measurements.extend(instruction_counts(&baseline, &runner, &counted, &empty_py, &empty_image, &root)?);
    Ok(measurements)
}

/// tests/bench's programs, then (with a checkout) perf_bench's, each frozen;
/// and the perf_bench programs skipped before running, with the reason.
fn programs(root: &Path, work: &Path) -> anyhow::Result<(Vec<Program>, Vec<(String, String)>)> {
    let mut programs = Vec::new();
    let own = super::python_files(&root.join("tests/bench"))?;
    if own.len() < 8 {
        bail!("expected at least 8 programs in tests/bench");
    }
    for script in own {
        let name = script.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let asyncio = uses_asyncio(&script);
        let image = freeze_program(root, &script, &work.join(format!("{name}.img")), asyncio)?;
        programs.push(Program { name, set: "bench", script, image, timing: Timing::WallClock, asyncio });
    }
    let mut skipped = Vec::new();
    let Some(checkout) = std::env::var_os(SOURCE_VARIABLE).map(PathBuf::from) else {
        eprintln!("  perf_bench: set {SOURCE_VARIABLE} to a MicroPython checkout to add its tests/perf_bench programs");
        return Ok((programs, skipped));
    };
    for program in perf_bench::programs(&checkout)? {
        match program {
            perf_bench::Program::Built { name, script: text } => {
                let script = work.join(format!("perf_bench/{name}.py"));
                files::write_atomically(&script, text.as_bytes())?;
                let image = freeze_program(root, &script, &work.join(format!("perf_bench/{name}.img")), false)?;
                programs.push(Program {
                    name,
                    set: "perf_bench",
                    script,
                    image,
                    timing: Timing::SelfReported,
                    asyncio: false,
                });
            }
            perf_bench::Program::Skipped { name, reason } => {
                skipped.push((format!("perf_bench/{name}"), format!("SKIP: {reason}")));
            }
        }
    }
    Ok((programs, skipped))
}

/// Freezes one program as `main.py` into the image at `path`.
fn freeze_program(root: &Path, program: &Path, path: &Path, asyncio: bool) -> anyhow::Result<PathBuf> {
    let source = std::fs::read(program).with_context(|| format!("reading {}", program.display()))?;
    let mut modules = Vec::new();
    if asyncio {
        for module in super::python_files(&root.join(ASYNCIO_PACKAGE))? {
            let name = format!("asyncio/{}", module.file_name().unwrap_or_default().to_string_lossy());
            let source = std::fs::read(&module).with_context(|| format!("reading {}", module.display()))?;
            modules.push(Input { name, kind: InputKind::Compile { source, opt: 0 } });
        }
    }
    modules.push(Input { name: "main.py".to_string(), kind: InputKind::Compile { source, opt: 0 } });
    let inputs = Inputs { modules, main: Some("main.py".to_string()), ..Inputs::default() };
    let frozen = match freeze::freeze(&inputs, "host", Some(&root.join("target/freeze-cache")))? {
        Ok(frozen) => frozen,
        Err(rendered) => bail!("freezing {}: {rendered}", program.display()),
    };
    files::write_atomically(path, &frozen.image.bytes)?;
    Ok(path.to_owned())
}

/// How rime runs an image. The baselines grow their heaps on demand or start
/// with a large one, so rime gets a heap large enough for every program:
/// this suite compares speed, not heap limits.
fn rime_invocation(runner: &Path, image: &Path) -> Invocation {
    Invocation {
        program: runner.to_owned(),
        args: vec![image.as_os_str().to_owned(), "--heap".into(), BENCH_HEAP.into()],
        envs: Vec::new(),
    }
}

/// One side's best time over the rounds, and the output of its first round.
struct Best {
    seconds: f64,
    output: String,
}

/// Runs rime and MicroPython in turn, [`ROUNDS`] times each, and keeps each
/// side's best time. A self-reported time is read from the output; a round
/// whose output does not report one counts as infinitely slow.
fn interleaved(rime: &Invocation, micropython: &Invocation, timing: Timing) -> anyhow::Result<(Best, Best)> {
    let mut best = [(); 2].map(|()| Best { seconds: f64::INFINITY, output: String::new() });
    for round in 0..ROUNDS {
        for (side, invocation) in [rime, micropython].into_iter().enumerate() {
            let start = Instant::now();
            let output = if side == 0 { run_rime(invocation)? } else { invocation.output()? };
            let wall = start.elapsed().as_secs_f64();
            let seconds = match timing {
                Timing::WallClock => wall,
                Timing::SelfReported => match perf_bench::parse_report(&output) {
                    Report::Timed { micros, .. } => micros as f64 * 1e-6,
                    _ => f64::INFINITY,
                },
            };
            best[side].seconds = best[side].seconds.min(seconds);
            if round == 0 {
                best[side].output = output;
            }
        }
    }
    let [rime, micropython] = best;
    Ok((rime, micropython))
}

/// Runs rime; the runner's exit code 2 means it could not load the image.
fn run_rime(invocation: &Invocation) -> anyhow::Result<String> {
    let output = Command::new(&invocation.program)
        .args(&invocation.args)
        .output()
        .with_context(|| format!("running {}", invocation.program.display()))?;
    if output.status.code() == Some(2) {
        bail!(
            "{} could not run {:?}: {}",
            invocation.program.display(),
            invocation.args,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr))
}

/// Compares the two sides' outputs and says what the program's figure is.
fn outcome(timing: Timing, rime: &Best, micropython: &Best) -> Outcome {
    if timing == Timing::WallClock {
        return if rime.output == micropython.output {
            Outcome::Compared { rime: rime.seconds, micropython: micropython.seconds }
        } else {
            Outcome::Differs { rime: rime.seconds }
        };
    }
    match (perf_bench::parse_report(&rime.output), perf_bench::parse_report(&micropython.output)) {
        (_, Report::Skip(reason)) => Outcome::NotCompared(format!("SKIP on MicroPython: {reason}")),
        (_, Report::Failed(line)) => Outcome::NotCompared(format!("FAILS on MicroPython: {line}")),
        (Report::Skip(reason), _) => Outcome::NotCompared(format!("SKIP on rime: {reason}")),
        (Report::Failed(line), _) => Outcome::NotCompared(format!("FAILS on rime: {line}")),
        (Report::Timed { result: ours, .. }, Report::Timed { result: theirs, .. }) if ours != theirs => {
            Outcome::Differs { rime: rime.seconds }
        }
        (Report::Timed { .. }, Report::Timed { .. }) => {
            Outcome::Compared { rime: rime.seconds, micropython: micropython.seconds }
        }
    }
}

fn compared_against(baseline: &Baseline, timing: Timing) -> String {
    let how = match timing {
        Timing::WallClock => "wall clock, start-up subtracted",
        Timing::SelfReported => "the program's own timing of its run",
    };
    format!("{}, {how}, best of {ROUNDS} interleaved", baseline.label())
}

/// Callgrind's instruction counts of both sides for `programs`, net of an
/// empty program's, as ratios. Needs valgrind and a native baseline (the
/// wasm reference's count would be node's); says why when it has neither.
fn instruction_counts(
    baseline: &Baseline,
    runner: &Path,
    programs: &[&Program],
    empty_py: &Path,
    empty_image: &Path,
    root: &Path,
) -> anyhow::Result<Vec<Measurement>> {
    if programs.is_empty() {
        return Ok(Vec::new());
    }
    if !callgrind::available() {
        eprintln!("  callgrind: valgrind is not installed; no instruction counts");
        return Ok(Vec::new());
    }
    if !baseline.is_native() {
        eprintln!("  callgrind: the baseline is not native; no instruction counts (set MICROPYTHON)");
        return Ok(Vec::new());
    }
    let count = |invocation: &Invocation| -> anyhow::Result<u64> {
        let args: Vec<&std::ffi::OsStr> = invocation.args.iter().map(|arg| arg.as_os_str()).collect();
        let envs: Vec<(&str, &std::ffi::OsStr)> =
            invocation.envs.iter().map(|(key, value)| (*key, value.as_os_str())).collect();
        Ok(callgrind::count(&invocation.program, &args, &envs)?.0)
    };
    let rime_empty = count(&rime_invocation(runner, empty_image))?;
    let micropython_empty = count(&baseline.invocation(empty_py, None))?;
    eprintln!("  callgrind: empty program: rime {rime_empty} instructions, MicroPython {micropython_empty}");
    let mut measurements = Vec::new();
    let mut ratios = Vec::new();
    for program in programs {
        let asyncio = program.asyncio.then(|| root.join(ASYNCIO_PACKAGE));
        let rime = count(&rime_invocation(runner, &program.image))?.saturating_sub(rime_empty);
        let micropython =
            count(&baseline.invocation(&program.script, asyncio.as_deref()))?.saturating_sub(micropython_empty);
        let ratio = rime as f64 / micropython.max(1) as f64;
        ratios.push((program.set, ratio));
        let name = format!("{}/{}", program.set, program.name);
        eprintln!("  {name:<26} callgrind: rime {rime} instructions, MicroPython {micropython}, ratio {ratio:.2}");
        measurements.push(Measurement {
            suite: SUITE,
            name: format!(
                "{name}: callgrind instructions, rime / MicroPython (rime {rime}, MicroPython {micropython})"
            ),
            value: round2(ratio),
            unit: "x",
            compared_against: format!(
                "{}, whole process net of an empty program's (rime {rime_empty}, MicroPython {micropython_empty})",
                baseline.label()
            ),
            baseline: Some(1.0),
        });
    }
    measurements.extend(geometric_means(&ratios, "callgrind instructions", baseline));
    Ok(measurements)
}

/// One row per program set with at least two ratios of `what` (rime's figure
/// divided by MicroPython's): their geometric mean.
fn geometric_means(ratios: &[(&str, f64)], what: &str, baseline: &Baseline) -> Vec<Measurement> {
    let mut rows = Vec::new();
    for set in ["bench", "perf_bench"] {
        let of_set: Vec<f64> = ratios.iter().filter(|(of, _)| *of == set).map(|(_, ratio)| *ratio).collect();
        let Some(mean) = geometric_mean(&of_set).filter(|_| of_set.len() >= 2) else {
            continue;
        };
        eprintln!("  {set}: geometric mean of rime / MicroPython {what} over {} programs: {mean:.2}", of_set.len());
        rows.push(Measurement {
            suite: SUITE,
            name: format!("{set}: geometric mean of rime / MicroPython {what}, {} programs", of_set.len()),
            value: round2(mean),
            unit: "x",
            compared_against: baseline.label(),
            baseline: Some(1.0),
        });
    }
    rows
}

/// The geometric mean of positive ratios (`None` for none): the mean that
/// weighs a program twice as fast and one twice as slow alike.
fn geometric_mean(ratios: &[f64]) -> Option<f64> {
    if ratios.is_empty() || ratios.iter().any(|ratio| *ratio <= 0.0 || !ratio.is_finite()) {
        return None;
    }
    Some((ratios.iter().map(|ratio| ratio.ln()).sum::<f64>() / ratios.len() as f64).exp())
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The project's asyncio package, frozen into every image by the base manifests.
const ASYNCIO_PACKAGE: &str = "manifests/lib/asyncio";

/// Whether a benchmark program imports asyncio.
fn uses_asyncio(program: &Path) -> bool {
    std::fs::read_to_string(program).is_ok_and(|source| source.lines().any(|line| line.trim() == "import asyncio"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_geometric_mean_weighs_halves_and_doubles_alike() {
        assert_eq!(geometric_mean(&[]), None);
        assert!((geometric_mean(&[2.0, 0.5]).expect("mean") - 1.0).abs() < 1e-12);
        assert!((geometric_mean(&[1.0, 4.0, 16.0]).expect("mean") - 4.0).abs() < 1e-12);
        assert!((geometric_mean(&[3.0]).expect("mean") - 3.0).abs() < 1e-12);
        assert_eq!(geometric_mean(&[1.0, 0.0]), None);
        assert_eq!(geometric_mean(&[1.0, f64::INFINITY]), None);
    }

    #[test]
    fn each_set_with_two_ratios_gets_a_mean_row() {
        let baseline = Baseline::Wasm { script: PathBuf::from("run-micropython.mjs") };
        let ratios = [("bench", 2.0), ("perf_bench", 3.0), ("bench", 0.5)];
        let rows = geometric_means(&ratios, "time", &baseline);
        assert_eq!(rows.len(), 1, "perf_bench has one program only");
        assert_eq!(rows[0].name, "bench: geometric mean of rime / MicroPython time, 2 programs");
        assert_eq!(rows[0].value, 1.0);
        assert_eq!(rows[0].compared_against, baseline.label());
    }

    fn best(seconds: f64, output: &str) -> Best {
        Best { seconds, output: output.to_owned() }
    }

    #[test]
    fn self_reported_outputs_are_compared_without_their_times() {
        let same = outcome(Timing::SelfReported, &best(0.2, "200000 4000 0\n"), &best(0.1, "100000 4000 0\n"));
        assert!(matches!(same, Outcome::Compared { rime, micropython } if rime == 0.2 && micropython == 0.1));
        let differs = outcome(Timing::SelfReported, &best(0.2, "200000 4000 1\n"), &best(0.1, "100000 4000 0\n"));
        assert!(matches!(differs, Outcome::Differs { rime } if rime == 0.2));
        let fails = outcome(
            Timing::SelfReported,
            &best(f64::INFINITY, "ImportError: no module named 'cmath'\n"),
            &best(0.1, "1 1 x\n"),
        );
        assert!(
            matches!(fails, Outcome::NotCompared(reason) if reason == "FAILS on rime: ImportError: no module named 'cmath'")
        );
        let skips = outcome(Timing::SelfReported, &best(0.2, "SKIP\n"), &best(0.1, "1 1 x\n"));
        assert!(matches!(skips, Outcome::NotCompared(reason) if reason.starts_with("SKIP on rime")));
    }

    #[test]
    fn wall_clock_outputs_are_compared_whole() {
        assert!(matches!(outcome(Timing::WallClock, &best(1.0, "a\n"), &best(2.0, "a\n")), Outcome::Compared { .. }));
        assert!(matches!(outcome(Timing::WallClock, &best(1.0, "a\n"), &best(2.0, "b\n")), Outcome::Differs { .. }));
    }
}
