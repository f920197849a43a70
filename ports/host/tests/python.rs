//! The Python suite: every `tests/py/**/NAME.py` with a `NAME.py.exp` is
//! frozen with the real compiler, run on the VM in-process and its output
//! compared with the expected output (made by CPython or the pinned
//! MicroPython reference, never by rime). The whole suite runs twice: with
//! normal collection, and in GC stress mode (a collection before every
//! allocation), which catches objects that native code forgot to root.
//! Which files make a test, and its library modules, come from
//! [`rime_host::suite`], which the QEMU stage of `cargo xtask test` shares.
//! A test may end with an uncaught exception: its traceback is then part of
//! the expected output.

use std::path::{Path, PathBuf};

use rime_host::suite::{self, SuiteTest, SMALL_HEAP};
use rime_host::{freeze_sources, run_image, HostPort, DEFAULT_HEAP};
use rime_vm::Config;

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs one test; returns the output.
fn run_test(test: &SuiteTest, stress: bool) -> Result<String, String> {
    let modules: Vec<(&str, &[u8])> =
        test.modules.iter().map(|(name, text)| (name.as_str(), text.as_slice())).collect();
    let image = freeze_sources(&modules).map_err(|error| format!("{error:#}"))?;
    let mut port = HostPort::new(true);
    let config = Config { gc_stress: stress, ..Config::host() };
    let heap = if test.small_heap { SMALL_HEAP } else { DEFAULT_HEAP };
    let outcome = run_image(&image, heap, config, &mut port).map_err(|error| format!("{error:#}"))?;
    let output = String::from_utf8_lossy(&port.capture.unwrap_or_default()).into_owned();
    match outcome {
        rime_vm::Outcome::Finished | rime_vm::Outcome::Uncaught => Ok(output),
        other => Err(format!("{other:?}\n{output}")),
    }
}

fn run_suite(stress: bool) {
    let root = project_root();
    let mut tests = suite::collect(&root.join("tests/py")).expect("tests/py is readable");
    // `RIME_PY_ONLY=text` narrows a local run to the tests whose path contains the text.
    if let Ok(only) = std::env::var("RIME_PY_ONLY") {
        tests.retain(|test| test.to_string_lossy().contains(&only));
    }
    assert!(!tests.is_empty(), "no tests found");
    let mut failures = Vec::new();
    for test in &tests {
        let loaded = match suite::load(test, &root) {
            Ok(loaded) => loaded,
            Err(error) => {
                failures.push(format!("{}: {error:#}", test.display()));
                continue;
            }
        };
        let expected = &loaded.expected;
        match run_test(&loaded, stress) {
            Ok(output) if output == *expected => {}
            Ok(output) => {
                failures.push(format!("{}: output differs\n--- expected\n{expected}--- got\n{output}", test.display()))
            }
            Err(error) => failures.push(format!("{}: {error}", test.display())),
        }
    }
    let mode = if stress { "GC stress" } else { "normal" };
    eprintln!("{} of {} Python tests pass ({mode})", tests.len() - failures.len(), tests.len());
    assert!(failures.is_empty(), "{} failures ({mode}):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn python_suite() {
    run_suite(false);
}

#[test]
fn python_suite_in_gc_stress_mode() {
    run_suite(true);
}
