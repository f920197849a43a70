//! Benchmark suite `conformance`: how many of MicroPython's own tests give
//! MicroPython's output on rime (issue 21's measure).
//!
//! The tests are those of `tests/basics`, `tests/micropython` and
//! `tests/float` in a MicroPython checkout named by `MICROPYTHON_SRC`, that
//! the native unix port named by `MICROPYTHON` passes: the suite runs
//! MicroPython's own `run-tests.py` with that binary and reads its
//! `_results.json`, so "passes" means exactly what MicroPython's test runner
//! says, with its skips. Tests of the native and viper emitters
//! (`native_*`, `viper_*`) are left out, as rime compiles bytecode only.
//! Without both variables the suite says so and measures nothing (the
//! checkout and the binary are public but not part of this repository).
//!
//! Each test's expected output is what the native MicroPython prints for it,
//! run from the test's folder with the bytecode emitter, standard error
//! merged into standard output as `run-tests.py` merges them; a test passes
//! only if it matched the test's own expected output (`.exp` file or
//! CPython), so this is never rime's output. rime freezes the test as the
//! main module, with the modules of the same folder it imports (found by
//! reading its `import` lines, then theirs), and runs it on the release host
//! runner with a time limit. A test passes on rime when the two outputs are
//! equal byte for byte. The names and reasons of the tests that differ go to
//! `target/bench/conformance/failures.txt`, one diff per test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{bail, Context};
use xshell::{cmd, Shell};

use super::Measurement;
use crate::files;
use crate::freeze::{self, Input, InputKind, Inputs};

const SUITE: &str = "conformance";

/// The folders of MicroPython's tests the issue measures.
const FOLDERS: [&str; 3] = ["basics", "micropython", "float"];

/// How long one test may run on either side before it counts as hung.
const TIME_LIMIT: Duration = Duration::from_secs(20);

/// The share of tests issue 21 asks for, in percent.
const TARGET_PERCENT: f64 = 95.0;

pub fn run(sh: &Shell, _options: &super::Options) -> anyhow::Result<Vec<Measurement>> {
    let root = crate::project_root();
    let (Some(micropython), Some(checkout)) =
        (std::env::var_os("MICROPYTHON").map(PathBuf::from), std::env::var_os("MICROPYTHON_SRC").map(PathBuf::from))
    else {
        eprintln!(
            "  skipped: set MICROPYTHON to a native MicroPython (unix port) and MICROPYTHON_SRC to its checkout \
             to measure this suite"
        );
        return Ok(Vec::new());
    };
    let micropython = std::fs::canonicalize(&micropython)
        .with_context(|| format!("finding MICROPYTHON={}", micropython.display()))?;
    let work = root.join("target/bench/conformance");
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    cmd!(sh, "cargo build --release --quiet --package rime-host").run().context("building rime-host")?;
    let runner = root.join("target/release/rime-host");

    let tests = passing_tests(&micropython, &checkout, &work)?;
    let tests_dir = checkout.join("tests");
    let image = work.join("test.img");
    let mut failures = Vec::new();
    for test in &tests {
        let path = tests_dir.join(test);
        let expected = run_limited(Command::new(&micropython).args(["-X", "emit=bytecode"]).arg(&path), &path)?;
        let outcome = match freeze_test(&root, &path, &image) {
            Ok(()) => run_limited(Command::new(&runner).arg(&image), &path)?,
            Err(error) => format!("(freeze failed) {error:#}\n"),
        };
        if outcome != expected {
            failures.push(format!("=== {test}\n--- MicroPython\n{expected}--- rime\n{outcome}"));
        }
    }
    let passed = tests.len() - failures.len();
    let report = work.join("failures.txt");
    files::write_atomically(&report, failures.join("\n").as_bytes())?;
    eprintln!("  {passed} of {} tests give MicroPython's output; the others are in {}", tests.len(), report.display());
    let percent = 100.0 * passed as f64 / tests.len().max(1) as f64;
    Ok(vec![
        Measurement {
            suite: SUITE,
            name: "MicroPython tests (basics, micropython, float) with MicroPython's output".into(),
            value: passed as f64,
            unit: "tests",
            compared_against: "tests the native unix port passes (bytecode emitter)".into(),
            baseline: Some(tests.len() as f64),
        },
        Measurement {
            suite: SUITE,
            name: "share of those tests".into(),
            value: (percent * 10.0).round() / 10.0,
            unit: "%",
            compared_against: "issue 21's goal".into(),
            baseline: Some(TARGET_PERCENT),
        },
    ])
}

/// The tests (`folder/name.py`, sorted) MicroPython's `run-tests.py` passes
/// with the binary `micropython`, without the native-emitter ones.
fn passing_tests(micropython: &Path, checkout: &Path, work: &Path) -> anyhow::Result<Vec<String>> {
    let results_dir = work.join("micropython-results");
    let status = Command::new("python3")
        .arg("run-tests.py")
        .arg("-r")
        .arg(&results_dir)
        .arg("-d")
        .args(FOLDERS)
        .current_dir(checkout.join("tests"))
        .env("MICROPY_MICROPYTHON", micropython)
        .stdout(Stdio::null())
        .status()
        .context("running MicroPython's tests/run-tests.py")?;
    // run-tests.py exits non-zero when a test fails; the results still say which passed.
    let _ = status;
    let path = results_dir.join("_results.json");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let tests = parse_results(&text)?;
    if tests.is_empty() {
        bail!("MicroPython's run-tests.py passed no test (see {})", path.display());
    }
    Ok(tests)
}

/// The passing, non-native tests of a `_results.json` (`{"results": [[test, "pass"|"fail"|"skip", reason], ...]}`).
fn parse_results(text: &str) -> anyhow::Result<Vec<String>> {
    let json: serde_json::Value = serde_json::from_str(text).context("reading run-tests.py's results")?;
    let Some(results) = json.get("results").and_then(|results| results.as_array()) else {
        bail!("run-tests.py's results have no `results` list");
    };
    let mut tests = BTreeSet::new();
    for result in results {
        let (Some(test), Some(outcome)) =
            (result.get(0).and_then(|v| v.as_str()), result.get(1).and_then(|v| v.as_str()))
        else {
            continue;
        };
        let name = test.rsplit('/').next().unwrap_or(test);
        if outcome == "pass" && !name.starts_with("native_") && !name.starts_with("viper_") {
            tests.insert(test.to_string());
        }
    }
    Ok(tests.into_iter().collect())
}

/// Runs `command` from the folder of `test` with standard error merged into
/// standard output, killed after [`TIME_LIMIT`]; returns what it printed,
/// with a last line saying so when it was killed.
fn run_limited(command: &mut Command, test: &Path) -> anyhow::Result<String> {
    let program = command.get_program().to_owned();
    let args: Vec<_> = command.get_args().map(|arg| arg.to_owned()).collect();
    // `timeout` from coreutils bounds a hung test; `2>&1` keeps the order of the two streams.
    let output = Command::new("sh")
        .arg("-c")
        .arg("exec timeout \"$0\" \"$@\" 2>&1")
        .arg(TIME_LIMIT.as_secs().to_string())
        .arg(&program)
        .args(&args)
        .current_dir(test.parent().unwrap_or(Path::new(".")))
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("running {}", program.to_string_lossy()))?;
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    if output.status.code() == Some(124) {
        text.push_str("(killed after the time limit)\n");
    }
    Ok(text)
}

/// Freezes the test at `path` as its main module, with the modules of its
/// folder it imports, into the host image at `image`.
fn freeze_test(root: &Path, path: &Path, image: &Path) -> anyhow::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let main = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let source = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let mut modules = BTreeMap::new();
    collect_imports(folder, &source, &mut modules)?;
    modules.remove(&main);
    let mut inputs: Vec<Input> = vec![Input { name: main.clone(), kind: InputKind::Compile { source, opt: 0 } }];
    inputs
        .extend(modules.into_iter().map(|(name, source)| Input { name, kind: InputKind::Compile { source, opt: 0 } }));
    let inputs = Inputs { modules: inputs, main: Some(main), ..Inputs::default() };
    match freeze::freeze(&inputs, "host", Some(&root.join("target/freeze-cache")))? {
        Ok(frozen) => files::write_atomically(image, &frozen.image.bytes),
        Err(rendered) => bail!("{rendered}"),
    }
}

/// Adds to `modules` (frozen name → source) every module of `folder` that
/// `source` imports, and theirs in turn: `NAME.py`, or every `.py` file of a
/// package folder `NAME/`.
fn collect_imports(folder: &Path, source: &[u8], modules: &mut BTreeMap<String, Vec<u8>>) -> anyhow::Result<()> {
    for name in imported_names(&String::from_utf8_lossy(source)) {
        let file = folder.join(format!("{name}.py"));
        let package = folder.join(&name);
        if file.is_file() {
            let frozen = format!("{name}.py");
            if !modules.contains_key(&frozen) {
                let text = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
                modules.insert(frozen, text.clone());
                collect_imports(folder, &text, modules)?;
            }
        } else if package.is_dir() && !modules.contains_key(&format!("{name}/__init__.py")) {
            for entry in walkdir::WalkDir::new(&package).sort_by_file_name() {
                let entry = entry?;
                if entry.path().extension().is_some_and(|ext| ext == "py") {
                    let relative = entry.path().strip_prefix(folder)?.to_string_lossy().replace('\\', "/");
                    let text = std::fs::read(entry.path())?;
                    modules.insert(relative, text);
                }
            }
        }
    }
    Ok(())
}

/// The first component of every name an `import X` or `from X import`
/// line names (any indentation; relative imports are left out).
fn imported_names(source: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in source.lines() {
        let line = line.trim_start();
        let rest = if let Some(rest) = line.strip_prefix("import ") {
            rest
        } else if let Some(rest) = line.strip_prefix("from ") {
            rest.split(" import").next().unwrap_or("")
        } else {
            continue;
        };
        for part in rest.split(',') {
            let first = part.trim().split(['.', ' ']).next().unwrap_or("");
            if !first.is_empty() && first.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                names.insert(first.to_string());
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_passing_bytecode_tests_only() {
        let text = r#"{"args": {}, "results": [["basics/a.py", "pass", ""], ["basics/b.py", "fail", ""],
            ["basics/c.py", "skip", "too large"], ["micropython/viper_x.py", "pass", ""],
            ["micropython/native_y.py", "pass", ""], ["float/f.py", "pass", ""]]}"#;
        assert_eq!(parse_results(text).unwrap(), ["basics/a.py", "float/f.py"]);
    }

    #[test]
    fn imports_give_their_first_names() {
        let source = "import a, b.c as d\nif x:\n    from e.f import g\nfrom . import h\nimport_me = 1\n";
        assert_eq!(imported_names(source).into_iter().collect::<Vec<_>>(), ["a", "b", "e"]);
    }

    #[test]
    fn imported_modules_of_the_folder_are_frozen_with_theirs() {
        let dir = std::env::temp_dir().join(format!("rime-conformance-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("one.py"), "import two\n").unwrap();
        std::fs::write(dir.join("two.py"), "x = 2\n").unwrap();
        std::fs::write(dir.join("pkg/__init__.py"), "").unwrap();
        std::fs::write(dir.join("pkg/mod.py"), "").unwrap();
        let mut modules = BTreeMap::new();
        collect_imports(&dir, b"import one, pkg.mod, sys\n", &mut modules).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(modules.keys().collect::<Vec<_>>(), ["one.py", "pkg/__init__.py", "pkg/mod.py", "two.py"]);
    }
}
