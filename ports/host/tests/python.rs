//! The Python suite: every `tests/py/**/NAME.py` with a `NAME.py.exp` is
//! frozen with the real compiler, run on the VM in-process and its output
//! compared with the expected output (made by CPython or the pinned
//! MicroPython reference, never by rime). The whole suite runs twice: with
//! normal collection, and in GC stress mode (a collection before every
//! allocation), which catches objects that native code forgot to root.
//! Files under a `pkgs/` folder are library modules, frozen into every test
//! of that folder's parent under their path relative to `pkgs/`. Tests that
//! mention `asyncio` also get the frozen asyncio package from
//! `manifests/lib/asyncio`, as the base manifests freeze it into every image.
//! A test may end with an uncaught exception: its traceback is then part of
//! the expected output, compared after [`normalise_reference`].

use std::path::{Path, PathBuf};

use rime_host::{freeze_sources, run_image, HostPort, DEFAULT_HEAP};
use rime_vm::Config;

fn suite_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/py")
}

fn collect(dir: &Path, tests: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> =
        std::fs::read_dir(dir).expect("tests/py exists").flatten().map(|entry| entry.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|name| name != "pkgs") {
                collect(&path, tests);
            }
        } else if path.extension().is_some_and(|extension| extension == "py") {
            let mut expected = path.clone().into_os_string();
            expected.push(".exp");
            if Path::new(&expected).exists() {
                tests.push(path);
            }
        }
    }
}

fn library_modules(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let pkgs = dir.join("pkgs");
    let mut modules = Vec::new();
    let mut stack = vec![pkgs.clone()];
    while let Some(each) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&each) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|extension| extension == "py") {
                let name = path.strip_prefix(&pkgs).expect("inside pkgs").to_string_lossy().replace('\\', "/");
                modules.push((name, std::fs::read(&path).expect("readable")));
            }
        }
    }
    modules.sort();
    modules
}

/// The modules of the frozen asyncio package, under their frozen names.
fn asyncio_modules() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../manifests/lib/asyncio");
    let mut modules = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("manifests/lib/asyncio exists").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|extension| extension == "py") {
            let file = path.file_name().expect("has a name").to_string_lossy().into_owned();
            modules.push((format!("asyncio/{file}"), std::fs::read(&path).expect("readable")));
        }
    }
    modules.sort();
    modules
}

/// Runs one test; returns the output.
pub fn run_test(path: &Path, stress: bool, heap: usize) -> Result<String, String> {
    let source = std::fs::read(path).map_err(|error| error.to_string())?;
    let mut libraries = library_modules(path.parent().expect("has a parent"));
    if source.windows(7).any(|window| window == b"asyncio") {
        libraries.extend(asyncio_modules());
    }
    // The main module keeps its file name, as in MicroPython's tracebacks.
    let main_name = path.file_name().expect("has a name").to_string_lossy().into_owned();
    let mut modules: Vec<(&str, &[u8])> = vec![(&main_name, &source)];
    for (name, text) in &libraries {
        modules.push((name, text));
    }
    let image = freeze_sources(&modules).map_err(|error| format!("{error:#}"))?;
    let mut port = HostPort::new(true);
    let config = Config { gc_stress: stress, ..Config::default() };
    let outcome = run_image(&image, heap, config, &mut port).map_err(|error| format!("{error:#}"))?;
    let output = String::from_utf8_lossy(&port.capture.unwrap_or_default()).into_owned();
    match outcome {
        rime_vm::Outcome::Finished | rime_vm::Outcome::Uncaught => Ok(output),
        other => Err(format!("{other:?}\n{output}")),
    }
}

/// The reference runner imports each test from its root folder inside a
/// wrapper, so MicroPython's tracebacks start with the wrapper's frame and
/// name files `//NAME.py`; this removes both differences from an expected
/// output.
fn normalise_reference(expected: &str) -> String {
    let mut text = String::with_capacity(expected.len());
    for line in expected.split_inclusive('\n') {
        if line.trim() == r#"File "<stdin>", line 4, in <module>"# {
            continue;
        }
        text.push_str(&line.replace(r#"File "//"#, r#"File ""#));
    }
    text
}

fn run_suite(stress: bool) {
    let mut tests = Vec::new();
    collect(&suite_root(), &mut tests);
    // `RIME_PY_ONLY=text` narrows a local run to the tests whose path contains the text.
    if let Ok(only) = std::env::var("RIME_PY_ONLY") {
        tests.retain(|test| test.to_string_lossy().contains(&only));
    }
    assert!(!tests.is_empty(), "no tests found");
    let mut failures = Vec::new();
    for test in &tests {
        let mut expected_path = test.clone().into_os_string();
        expected_path.push(".exp");
        let expected = normalise_reference(&std::fs::read_to_string(&expected_path).expect("readable"));
        let heap = if test.to_string_lossy().contains("memory_error") { 16 * 1024 } else { DEFAULT_HEAP };
        match run_test(test, stress, heap) {
            Ok(output) if output == expected => {}
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
