//! MicroPython's `tests/perf_bench` programs, built the way its
//! `tests/run-perfbench.py` builds them, and the line they print.
//!
//! run-perfbench.py makes one script per program: the program's source, then
//! `benchrun.py` (which defines `bm_run`), then the call `bm_run(N, M)`, where
//! N is roughly the target's CPU clock in MHz and M its heap in kilobytes;
//! `bm_run` picks the largest of the program's `bm_params` that fits them,
//! times the program's run itself and prints one line: microseconds taken,
//! a normalisation figure, and the program's result. run-perfbench.py also
//! puts `import sys; sys.path.remove('')` first, because it pipes the script
//! to the interpreter's stdin, where `''` heads `sys.path`; here every script
//! runs from a file (rime from a frozen image), where `''` is not on the path
//! and removing it would raise, so that line is left out. It only keeps the
//! current folder out of imports and does not change what is timed.
//!
//! Programs for the viper emitter are skipped (rime compiles bytecode only),
//! as run-perfbench.py skips them on a port without native code.

use std::path::Path;

use anyhow::{bail, Context};

/// The N and M of the measurements (and of MicroPython's figures in
/// the project's reference notes): a 1 GHz-class host with 1 MB of heap.
pub const PARAM_N: u32 = 1000;
pub const PARAM_M: u32 = 1000;

/// One perf_bench program: a script to run, or the reason it is not run.
#[derive(Debug, PartialEq, Eq)]
pub enum Program {
    Built { name: String, script: String },
    Skipped { name: String, reason: String },
}

/// Every program of `<checkout>/tests/perf_bench`, sorted by name, built or
/// skipped. Fails when the folder or its `benchrun.py` is missing, so a wrong
/// checkout path is an error rather than an empty run.
pub fn programs(checkout: &Path) -> anyhow::Result<Vec<Program>> {
    let dir = checkout.join("tests/perf_bench");
    let benchrun_path = dir.join("benchrun.py");
    let benchrun = std::fs::read_to_string(&benchrun_path)
        .with_context(|| format!("reading {} (is it a MicroPython checkout?)", benchrun_path.display()))?;
    let mut programs = Vec::new();
    for path in super::super::python_files(&dir)? {
        let name = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        if name == "benchrun" {
            continue;
        }
        if let Some(reason) = skip_reason(&name) {
            programs.push(Program::Skipped { name, reason: reason.to_owned() });
            continue;
        }
        let source = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        programs.push(Program::Built { name, script: build_script(&source, &benchrun, PARAM_N, PARAM_M) });
    }
    if !programs.iter().any(|program| matches!(program, Program::Built { .. })) {
        bail!("no perf_bench program found in {}", dir.display());
    }
    Ok(programs)
}

/// The script of the program `name` of `<checkout>/tests/perf_bench`, with
/// `before_call` (Python lines) between benchrun.py and `bm_run(n, m)`.
pub fn read_script(checkout: &Path, name: &str, before_call: &str, n: u32, m: u32) -> anyhow::Result<String> {
    let dir = checkout.join("tests/perf_bench");
    let read = |file: &str| {
        let path = dir.join(file);
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
    };
    let mut benchrun = read("benchrun.py")?;
    if !benchrun.ends_with('\n') {
        benchrun.push('\n');
    }
    benchrun.push_str(before_call);
    Ok(build_script(&read(&format!("{name}.py"))?, &benchrun, n, m))
}

/// Why a program is not run, for those rime cannot run by design.
pub fn skip_reason(name: &str) -> Option<&'static str> {
    name.starts_with("viper_").then_some("viper emitter (rime compiles bytecode only)")
}

/// The script for one program: its source, benchrun.py, then the call.
pub fn build_script(program: &str, benchrun: &str, n: u32, m: u32) -> String {
    let mut script = String::with_capacity(program.len() + benchrun.len() + 24);
    for part in [program, benchrun] {
        script.push_str(part);
        if !part.ends_with('\n') {
            script.push('\n');
        }
    }
    script.push_str(&format!("bm_run({n}, {m})\n"));
    script
}

/// What a perf_bench script printed, read as `bm_run` prints it.
#[derive(Debug, PartialEq, Eq)]
pub enum Report {
    /// The timed part's microseconds, and the rest of the line (the
    /// normalisation figure and the result), which both sides must agree on.
    Timed { micros: u64, result: String },
    /// The program printed `SKIP` (it checked for a feature and found none),
    /// or `bm_run` found no parameters that fit.
    Skip(String),
    /// Anything else: an exception's traceback, for instance. Holds the last
    /// non-empty line.
    Failed(String),
}

/// Reads a perf_bench script's output (stdout and stderr together).
pub fn parse_report(output: &str) -> Report {
    let lines: Vec<&str> = output.lines().map(str::trim).filter(|line| !line.is_empty()).collect();
    let last = lines.last().copied().unwrap_or("(no output)");
    if lines.len() == 1 {
        if last == "SKIP" {
            return Report::Skip("the program printed SKIP (a feature it checks for is missing)".to_owned());
        }
        let mut words = last.splitn(3, ' ');
        if let (Some(micros), Some(norm), Some(result)) = (words.next(), words.next(), words.next()) {
            if micros == "-1" && norm == "-1" {
                return Report::Skip(result.trim_start_matches("SKIP: ").to_owned());
            }
            if let (Ok(micros), Ok(_)) = (micros.parse::<u64>(), norm.parse::<i64>()) {
                return Report::Timed { micros, result: format!("{norm} {result}") };
            }
        }
    }
    Report::Failed(last.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_is_the_program_then_benchrun_then_the_call() {
        let script = build_script("bm_params = {(1, 1): (2,)}", "def bm_run(N, M):\n    pass\n", 1000, 1000);
        assert_eq!(script, "bm_params = {(1, 1): (2,)}\ndef bm_run(N, M):\n    pass\nbm_run(1000, 1000)\n");
        let script = build_script("x = 1\n", "y = 2\n", 50, 10);
        assert_eq!(script, "x = 1\ny = 2\nbm_run(50, 10)\n");
    }

    #[test]
    fn viper_programs_are_skipped_and_others_are_not() {
        assert!(skip_reason("viper_call1a").is_some_and(|reason| reason.contains("viper")));
        assert_eq!(skip_reason("misc_pystone"), None);
        assert_eq!(skip_reason("bm_fft"), None);
    }

    #[test]
    fn a_timed_line_gives_the_micros_and_the_result() {
        assert_eq!(
            parse_report("123456 4000 None\n"),
            Report::Timed { micros: 123_456, result: "4000 None".to_owned() }
        );
        assert_eq!(
            parse_report("  99 1 [1, 2, 3]  \n"),
            Report::Timed { micros: 99, result: "1 [1, 2, 3]".to_owned() }
        );
    }

    #[test]
    fn skips_and_failures_are_told_apart() {
        assert!(matches!(parse_report("SKIP\n"), Report::Skip(_)));
        assert_eq!(parse_report("-1 -1 SKIP: no matching params\n"), Report::Skip("no matching params".to_owned()));
        let traceback =
            "Traceback (most recent call last):\n  File \"main.py\", line 4\nImportError: no module named 'cmath'\n";
        assert_eq!(parse_report(traceback), Report::Failed("ImportError: no module named 'cmath'".to_owned()));
        assert_eq!(parse_report(""), Report::Failed("(no output)".to_owned()));
        assert_eq!(parse_report("12 x y\n"), Report::Failed("12 x y".to_owned()));
    }

    #[test]
    fn a_checkout_without_perf_bench_is_an_error() {
        let error = programs(Path::new("/nonexistent/micropython")).expect_err("no checkout");
        assert!(format!("{error:#}").contains("benchrun.py"), "{error:#}");
    }

    #[test]
    fn programs_are_built_from_a_checkout_and_viper_ones_skipped() {
        let dir = std::env::temp_dir().join(format!("rime-perf-bench-{}", std::process::id()));
        let bench = dir.join("tests/perf_bench");
        std::fs::create_dir_all(&bench).expect("temp dir");
        std::fs::write(bench.join("benchrun.py"), "def bm_run(N, M):\n    print(N, M, 'x')\n").expect("write");
        std::fs::write(bench.join("misc_one.py"), "bm_params = {}\n").expect("write");
        std::fs::write(bench.join("viper_call0.py"), "@micropython.viper\ndef f(): pass\n").expect("write");
        std::fs::write(bench.join("misc_one.py.exp"), "not a program\n").expect("write");
        let found = programs(&dir).expect("programs");
        let marked = read_script(&dir, "misc_one", "print('start')\n", 50, 10).expect("one script");
        let missing = read_script(&dir, "misc_two", "", 50, 10);
        std::fs::remove_dir_all(&dir).expect("clean up");
        assert_eq!(marked, "bm_params = {}\ndef bm_run(N, M):\n    print(N, M, 'x')\nprint('start')\nbm_run(50, 10)\n");
        assert!(missing.is_err());
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0],
            Program::Built {
                name: "misc_one".to_owned(),
                script: "bm_params = {}\ndef bm_run(N, M):\n    print(N, M, 'x')\nbm_run(1000, 1000)\n".to_owned()
            }
        );
        assert!(matches!(&found[1], Program::Skipped { name, .. } if name == "viper_call0"));
    }
}
