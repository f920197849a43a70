//! Benchmark suite `parse`: the compiler front end's speed and memory.
//!
//! Two figures, both on the project's realistic Python programs
//! (`tests/corpus/*.py`):
//! - throughput in MB/s: every corpus file parsed as a module of its own,
//!   the whole corpus repeated until at least 20 MB went through the parser,
//!   best of five rounds, CPU time of the parsing thread; compared against
//!   issue 3's target of 40 MB/s;
//! - peak heap while parsing a 1,000-line file (whole corpus files
//!   concatenated up to 1,000 lines), compared against the file's size. This
//!   bounds what the on-device compiler will need for the front end.
//!
//! `cargo xtask` itself runs in the debug profile, so the suite measures in
//! two small release-built probes, `xtask/src/bin/bench-parse-speed.rs` and
//! `bench-parse-memory.rs`; the second one counts allocations with a
//! wrapping global allocator, which would slow the first. The names of the
//! measurements say so.

use std::path::PathBuf;

use anyhow::{bail, Context};
use xshell::{cmd, Shell};

use super::Measurement;

const SUITE: &str = "parse";

/// Issue 3's throughput target on the development machine.
const TARGET_MB_PER_S: f64 = 40.0;

/// The size of the file whose parse is measured for peak memory.
const MEMORY_FILE_LINES: usize = 1_000;

pub fn run(sh: &Shell, _options: &super::Options) -> anyhow::Result<Vec<Measurement>> {
    let files = corpus_files()?;
    let mut measurements = vec![throughput(sh, &files)?];
    measurements.push(peak_memory(sh, &files)?);
    Ok(measurements)
}

/// The corpus programs, sorted so every run measures the same input.
fn corpus_files() -> anyhow::Result<Vec<PathBuf>> {
    let files = super::python_files(&crate::project_root().join("tests/corpus"))?;
    if files.is_empty() {
        bail!("no Python files in tests/corpus");
    }
    Ok(files)
}

fn throughput(sh: &Shell, files: &[PathBuf]) -> anyhow::Result<Measurement> {
    let output = cmd!(sh, "cargo run --release --quiet --package xtask --bin bench-parse-speed -- {files...}")
        .read()
        .context("running the throughput probe")?;
    let numbers = parse_numbers(&output, 3)?;
    let (bytes, cpu_seconds) = (numbers[0], numbers[1]);
    if cpu_seconds <= 0.0 {
        bail!("the throughput probe reported no time: {output}");
    }
    let mb_per_s = bytes / 1e6 / cpu_seconds;
    Ok(Measurement {
        suite: SUITE,
        name: format!(
            "throughput, {} corpus files, {:.0} MB per round, release build, CPU time, best of 5",
            files.len(),
            bytes / 1e6
        ),
        value: round(mb_per_s, 1),
        unit: "MB/s",
        compared_against: "issue 3 target".to_owned(),
        baseline: Some(TARGET_MB_PER_S),
    })
}

fn peak_memory(sh: &Shell, files: &[PathBuf]) -> anyhow::Result<Measurement> {
    let (source, used) = thousand_line_file(files)?;
    let out_dir = crate::project_root().join("target/bench");
    std::fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    let path = out_dir.join("parse-1000-lines.py");
    std::fs::write(&path, &source).with_context(|| format!("writing {}", path.display()))?;
    let output = cmd!(sh, "cargo run --release --quiet --package xtask --bin bench-parse-memory -- {path}")
        .read()
        .context("running the memory probe")?;
    let numbers = parse_numbers(&output, 2)?;
    if numbers[1] != 0.0 {
        bail!("{} has {} syntax errors", path.display(), numbers[1]);
    }
    Ok(Measurement {
        suite: SUITE,
        name: format!(
            "peak heap parsing a {}-line file ({used} corpus files, {} B), host allocator",
            source.iter().filter(|byte| **byte == b'\n').count(),
            source.len()
        ),
        value: numbers[0],
        unit: "B",
        compared_against: "size of the source".to_owned(),
        baseline: Some(source.len() as f64),
    })
}

/// Whole corpus files, concatenated in order while they fit in
/// [`MEMORY_FILE_LINES`] lines (files too long to fit are skipped, so the
/// result comes close to the limit). Returns the text and how many files it
/// holds. Cutting a file would risk leaving a bracket or a block open.
fn thousand_line_file(files: &[PathBuf]) -> anyhow::Result<(Vec<u8>, usize)> {
    let mut text = Vec::new();
    let mut lines = 0;
    let mut used = 0;
    for path in files {
        let mut source = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        if source.last().is_some_and(|byte| *byte != b'\n') {
            source.push(b'\n');
        }
        let file_lines = source.iter().filter(|byte| **byte == b'\n').count();
        if lines + file_lines > MEMORY_FILE_LINES {
            continue;
        }
        text.extend_from_slice(&source);
        lines += file_lines;
        used += 1;
    }
    if lines < MEMORY_FILE_LINES * 9 / 10 {
        bail!("the corpus gives only {lines} lines for the memory benchmark");
    }
    Ok((text, used))
}

/// The first `count` whitespace-separated numbers of a probe's output.
fn parse_numbers(output: &str, count: usize) -> anyhow::Result<Vec<f64>> {
    let numbers: Vec<f64> = output
        .split_whitespace()
        .map(|word| word.parse::<f64>())
        .collect::<Result<_, _>>()
        .with_context(|| format!("unexpected probe output {output:?}"))?;
    if numbers.len() < count {
        bail!("unexpected probe output {output:?}");
    }
    Ok(numbers)
}

fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_memory_file_is_close_to_a_thousand_lines_of_valid_python() {
        let files = corpus_files().expect("corpus");
        let (source, used) = thousand_line_file(&files).expect("1,000-line file");
        let lines = source.iter().filter(|byte| **byte == b'\n').count();
        assert!((900..=MEMORY_FILE_LINES).contains(&lines), "{lines} lines");
        assert!(used > 1);
        assert!(rime_compiler::parse(&source).errors.is_empty());
    }

    #[test]
    fn probe_output_is_read_as_numbers() {
        assert_eq!(parse_numbers("20000000 0.5 0.7\n", 3).expect("numbers"), vec![20_000_000.0, 0.5, 0.7]);
        assert!(parse_numbers("oops", 1).is_err());
        assert!(parse_numbers("1", 2).is_err());
        assert_eq!(round(41.26, 1), 41.3);
    }

    #[test]
    fn the_probes_exist_where_the_suite_runs_them() {
        let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bin");
        assert!(bin.join("bench-parse-speed.rs").is_file());
        assert!(bin.join("bench-parse-memory.rs").is_file());
    }
}
