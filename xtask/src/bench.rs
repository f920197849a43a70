//! `cargo xtask bench`: run the benchmark suites and print one table.
//!
//! A suite is a function in the [`SUITES`] registry that measures something
//! real and returns its figures. Every figure carries what it is compared
//! against (MicroPython's own number, a previous run, a budget), because a
//! number without a baseline says nothing. The table goes to stdout and the
//! same figures to `target/bench/results.json`.
//!
//! Registered so far: [`parse`] (the compiler front end's throughput and
//! peak memory) and [`compile`] (the whole compiler against mpy-cross run
//! once per file). The issues that build the frozen image and the runtime
//! add theirs (code size against mpy-cross, RAM at boot against
//! MicroPython's, pystone-style timings on QEMU). With no suite registered the command says
//! so, writes an empty `results.json` and exits 0, instead of printing
//! made-up figures.

mod boot_cycles;
mod compile;
mod conformance;
mod image;
mod import_heap;
mod micropython_lib_heap;
mod parse;
mod pico_speed;
mod vm;

use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;
use xshell::Shell;

#[derive(clap::Args, Debug)]
#[command(after_help = "Environment:
  MICROPYTHON      a native MicroPython (unix port) for the `vm` suite to compare against;
                   `micropython` on PATH otherwise, else the pinned WebAssembly reference;
                   the `conformance` suite needs it
  MICROPYTHON_SRC  a MicroPython checkout: the `vm` suite adds its tests/perf_bench programs,
                   the `conformance` suite runs its tests/basics, micropython and float
  MICROPYTHON_LIB  a micropython-lib checkout for the `micropython-lib-heap` suite")]
pub struct Args {
    /// Run only the suites whose name contains this text.
    pub filter: Option<String>,
    /// Which programs the `vm` suite counts instructions of under callgrind
    /// (needs valgrind and a native MicroPython; counting is slow).
    #[arg(long, value_enum, default_value_t = CallgrindScope::Acceptance)]
    pub callgrind: CallgrindScope,
}

/// The `vm` suite's programs counted under callgrind.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallgrindScope {
    /// No instruction counts.
    None,
    /// The four of issue 17's acceptance: pystone, fannkuch, raytrace, nqueens.
    Acceptance,
    /// Every program whose output matches MicroPython's.
    All,
}

/// The command line's choices a suite may need.
#[derive(Debug, Clone)]
pub struct Options {
    pub callgrind: CallgrindScope,
}

/// One measured figure.
#[derive(Debug, Clone, Serialize)]
pub struct Measurement {
    /// The suite that measured it.
    pub suite: &'static str,
    /// What was measured, e.g. `frozen image of examples/blink, flash`.
    pub name: String,
    pub value: f64,
    /// The unit of `value` and `baseline`, e.g. `B` or `ms`.
    pub unit: &'static str,
    /// What the figure is compared against, e.g. `mpy-cross 1.27 .mpy total`.
    pub compared_against: String,
    /// The baseline's value, when there is one to measure.
    pub baseline: Option<f64>,
}

/// One benchmark suite: a name and the function that measures it.
pub struct Suite {
    pub name: &'static str,
    pub run: fn(&Shell, &Options) -> anyhow::Result<Vec<Measurement>>,
}

/// The registered suites. Add an entry here (with its function in its own
/// module) to make `cargo xtask bench` run it.
pub const SUITES: &[Suite] = &[
    Suite { name: "parse", run: parse::run },
    Suite { name: "compile", run: compile::run },
    Suite { name: "image", run: image::run },
    Suite { name: "vm", run: vm::run },
    Suite { name: "import-heap", run: import_heap::run },
    Suite { name: "micropython-lib-heap", run: micropython_lib_heap::run },
    Suite { name: "boot-cycles", run: boot_cycles::run },
    Suite { name: "pico-speed", run: pico_speed::run },
    Suite { name: "conformance", run: conformance::run },
];

/// Everything one run wrote to `results.json`.
#[derive(Debug, Serialize)]
struct Results<'a> {
    suites: Vec<&'static str>,
    measurements: &'a [Measurement],
}

pub fn run(args: Args) -> crate::Outcome {
    let selected: Vec<&Suite> =
        SUITES.iter().filter(|suite| args.filter.as_deref().is_none_or(|filter| suite.name.contains(filter))).collect();
    if !SUITES.is_empty() && selected.is_empty() {
        println!("no benchmark suite matches `{}`", args.filter.unwrap_or_default());
        return Ok(ExitCode::FAILURE);
    }
    let sh = Shell::new()?;
    sh.change_dir(crate::project_root());
    // Speed figures only mean something in release; the suites measure in
    // release-built probes and say so, but a debug `cargo xtask` is named here.
    let profile = if cfg!(debug_assertions) { "debug" } else { "release" };
    eprintln!("bench: cargo xtask is a {profile} build; speed suites measure in release-built probes");
    let options = Options { callgrind: args.callgrind };
    let mut measurements = Vec::new();
    for suite in &selected {
        eprintln!("bench: {}", suite.name);
        measurements
            .extend((suite.run)(&sh, &options).with_context(|| format!("benchmark suite `{}` failed", suite.name))?);
    }
    if SUITES.is_empty() {
        println!("no benchmark suites yet");
    } else {
        print!("{}", table(&measurements));
    }
    // The JSON is written even when it is empty, so tools reading it always
    // find the file of the latest run.
    let results = Results { suites: selected.iter().map(|suite| suite.name).collect(), measurements: &measurements };
    let out_dir = crate::project_root().join("target/bench");
    std::fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    let path = out_dir.join("results.json");
    std::fs::write(&path, serde_json::to_string_pretty(&results)? + "\n")
        .with_context(|| format!("writing {}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// Formats the measurements as one aligned table.
/// The `.py` files directly in `dir`, sorted so every run measures the same input.
fn python_files(dir: &std::path::Path) -> anyhow::Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|extension| extension == "py") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn table(measurements: &[Measurement]) -> String {
    let rows: Vec<[String; 5]> = measurements
        .iter()
        .map(|m| {
            let baseline = m.baseline.map(|value| format!("{value} {}", m.unit)).unwrap_or_else(|| "-".to_owned());
            [
                format!("{}: {}", m.suite, m.name),
                format!("{}", m.value),
                m.unit.to_owned(),
                m.compared_against.clone(),
                baseline,
            ]
        })
        .collect();
    let header = ["benchmark", "value", "unit", "compared against", "baseline"].map(str::to_owned);
    let mut widths = header.clone().map(|cell| cell.len());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.len());
        }
    }
    let mut text = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = row.iter().zip(widths).map(|(cell, width)| format!("{cell:<width$}")).collect();
        text.push_str(cells.join("  ").trim_end());
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_aligns_columns_and_shows_the_baseline() {
        let measurements = [Measurement {
            suite: "size",
            name: "blink flash".to_owned(),
            value: 1200.0,
            unit: "B",
            compared_against: "mpy-cross 1.27".to_owned(),
            baseline: Some(1500.0),
        }];
        let expected = "benchmark          value  unit  compared against  baseline\n\
                        size: blink flash  1200   B     mpy-cross 1.27    1500 B\n";
        assert_eq!(table(&measurements), expected);
    }

    #[test]
    fn suite_names_are_unique() {
        for (index, suite) in SUITES.iter().enumerate() {
            assert!(SUITES[..index].iter().all(|other| other.name != suite.name), "{} twice", suite.name);
        }
    }
}
