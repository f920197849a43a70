//! Test stage: every corpus program, compiled by rime, runs in real MicroPython.
//!
//! For each `tests/corpus/NAME.py` the stage compiles the source with
//! `rime_compiler` to `NAME.mpy` (source name `NAME.py`, as
//! `tests/corpus/check.sh` compiles it with mpy-cross), runs every module in
//! the pinned MicroPython 1.27 WebAssembly build, and compares what it printed
//! with `tests/corpus/NAME.out`, which MicroPython printed running the source.
//! Node starts slowly, so all modules go through one `node` process running
//! `tests/reference/run-many.mjs`, which gives each module a fresh
//! MicroPython instance and reports one JSON line per module.
//!
//! A file fails when it does not compile, exits with an exception, or prints
//! something else; each failure prints the file's name and a diff of the
//! outputs (`-` expected, `+` actual). The byte-identity of the `.mpy` files
//! with mpy-cross is checked by `cargo test` (`runtime/compiler/tests/differential.rs`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use xshell::Shell;

/// How long the whole MicroPython run may take before it is stopped.
const TIMEOUT: Duration = Duration::from_secs(900);

/// One module's result as `run-many.mjs` prints it.
#[derive(serde::Deserialize, Debug)]
struct RunResult {
    name: String,
    exit: i32,
    output: String,
}

/// The stage: compile, run, compare; fails if any file differs.
pub fn corpus_runs_in_micropython(_sh: &Shell) -> anyhow::Result<()> {
    let root = crate::project_root();
    let corpus = root.join("tests/corpus");
    let runner = root.join("tests/reference/run-many.mjs");
    if !root.join("tests/reference/node_modules/@micropython").is_dir() {
        bail!("the pinned MicroPython is not installed; run `npm ci` in tests/reference (see `cargo xtask doctor`)");
    }
    let out_dir = std::env::temp_dir().join(format!("rime-reference-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out_dir);
    std::fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    let result = compile_and_run(&corpus, &runner, &out_dir);
    let _ = std::fs::remove_dir_all(&out_dir);
    result
}

fn compile_and_run(corpus: &Path, runner: &Path, out_dir: &Path) -> anyhow::Result<()> {
    let mut sources: Vec<PathBuf> = std::fs::read_dir(corpus)
        .with_context(|| format!("reading {}", corpus.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|extension| extension == "py"))
        .collect();
    sources.sort();
    println!("compiling {} corpus files and running them in MicroPython…", sources.len());
    let mut failures: Vec<String> = Vec::new();
    let mut compiled = 0usize;
    for source_path in &sources {
        let stem = file_stem(source_path);
        let source = std::fs::read(source_path).with_context(|| format!("reading {}", source_path.display()))?;
        let options = rime_compiler::CompileOptions::default();
        match rime_compiler::compile_to_mpy(&source, &format!("{stem}.py"), &options) {
            Ok(bytes) => {
                let path = out_dir.join(format!("{stem}.mpy"));
                std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
                compiled += 1;
            }
            Err(errors) => {
                let rendered: String =
                    errors.iter().map(|error| rime_compiler::render(error, &source, &format!("{stem}.py"))).collect();
                failures.push(format!("FAIL {stem}.py: rime does not compile it\n{rendered}"));
            }
        }
    }
    let started = Instant::now();
    let results = run_many(runner, out_dir)?;
    let mut identical = 0usize;
    for result in &results {
        let stem = result.name.trim_end_matches(".mpy");
        let expected_path = corpus.join(format!("{stem}.out"));
        let Ok(expected) = std::fs::read_to_string(&expected_path) else {
            failures.push(format!("FAIL {stem}.py: no {stem}.out (run tests/corpus/check.sh --update {stem}.py)"));
            continue;
        };
        if result.exit == 0 && result.output == expected {
            identical += 1;
        } else {
            failures.push(format!(
                "FAIL {stem}.py: the .mpy exited with {} and printed something else (- source, + rime .mpy)\n{}",
                result.exit,
                diff(&expected, &result.output)
            ));
        }
    }
    if results.len() != compiled {
        failures.push(format!("run-many.mjs reported {} results for {compiled} modules", results.len()));
    }
    for failure in &failures {
        println!("{failure}");
    }
    println!(
        "reference: {identical}/{} corpus programs print the same from rime's .mpy as from source ({:.1} s in MicroPython)",
        sources.len(),
        started.elapsed().as_secs_f64()
    );
    if !failures.is_empty() {
        bail!("{} of {} corpus programs differ in MicroPython", failures.len(), sources.len());
    }
    Ok(())
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Runs `run-many.mjs` on `dir` and parses its JSON lines, stopping node
/// after [`TIMEOUT`].
fn run_many(runner: &Path, dir: &Path) -> anyhow::Result<Vec<RunResult>> {
    let mut child = Command::new("node")
        .arg(runner)
        .arg(dir)
        .current_dir(runner.parent().unwrap_or(Path::new(".")))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .context("starting `node` (is Node.js installed? see `cargo xtask doctor`)")?;
    let mut stdout = child.stdout.take().context("node's stdout")?;
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        stdout.read_to_string(&mut text).map(|_| text)
    });
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            bail!("run-many.mjs took longer than {} s and was stopped", TIMEOUT.as_secs());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let text = reader.join().map_err(|_| anyhow::anyhow!("reading node's output failed"))??;
    if !status.success() {
        bail!("run-many.mjs failed ({status})");
    }
    parse_results(&text)
}

/// Parses the JSON lines of `run-many.mjs`; lines that are not results (the
/// final `{"done": N}`, anything else node printed) are skipped.
fn parse_results(text: &str) -> anyhow::Result<Vec<RunResult>> {
    let mut results = Vec::new();
    let mut done = false;
    for line in text.lines() {
        if line.starts_with("{\"name\"") {
            results.push(serde_json::from_str(line).with_context(|| format!("parsing {line:?}"))?);
        } else if line.starts_with("{\"done\"") {
            done = true;
        }
    }
    if !done {
        bail!("run-many.mjs stopped before it was done ({} results)", results.len());
    }
    Ok(results)
}

/// A line diff (longest common subsequence) showing changed lines with two
/// lines of context: `-` expected only, `+` actual only.
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    if a.len() * b.len() > 4_000_000 {
        return format!("(too large to diff: {} vs {} lines)\n", a.len(), b.len());
    }
    let mut table = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i][j] = if a[i] == b[j] { table[i + 1][j + 1] + 1 } else { table[i + 1][j].max(table[i][j + 1]) };
        }
    }
    let mut lines: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            lines.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || table[i + 1][j] >= table[i][j + 1]) {
            lines.push(('-', a[i]));
            i += 1;
        } else {
            lines.push(('+', b[j]));
            j += 1;
        }
    }
    let mut out = String::new();
    for (index, (tag, line)) in lines.iter().enumerate() {
        let near = lines[index.saturating_sub(2)..(index + 3).min(lines.len())].iter().any(|(t, _)| *t != ' ');
        if near {
            out.push_str(&format!("{tag}{line}\n"));
            if out.len() > 8_000 {
                out.push_str("...\n");
                break;
            }
        }
    }
    if out.is_empty() {
        // Same lines: the difference is in line endings or a final newline.
        out.push_str("(the outputs differ only in whitespace at line ends or the final newline)\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_results_and_requires_the_final_line() {
        let text = "{\"name\":\"a.mpy\",\"exit\":0,\"output\":\"1\\n\"}\nnoise\n{\"done\":1}\n";
        let results = parse_results(text).unwrap();
        assert_eq!(results.len(), 1);
        assert_eq!((results[0].name.as_str(), results[0].exit, results[0].output.as_str()), ("a.mpy", 0, "1\n"));
        assert!(parse_results("{\"name\":\"a.mpy\",\"exit\":0,\"output\":\"\"}\n").is_err());
    }

    #[test]
    fn diff_marks_changed_lines() {
        assert_eq!(diff("a\nb\nc\n", "a\nx\nc\n"), " a\n-b\n+x\n c\n");
        assert!(diff("a\n", "a").contains("differ only"));
    }
}
