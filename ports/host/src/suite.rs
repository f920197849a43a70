//! The Python suite's files, shared by every runner of the suite: the host
//! test (`ports/host/tests/python.rs`) and the QEMU stage of `cargo xtask
//! test` (`xtask/src/test/qemu.rs`), so both run exactly the same tests with
//! the same modules and expectations.
//!
//! A test is every `tests/py/**/NAME.py` with a `NAME.py.exp` beside it. The
//! `.py` files under a `pkgs/` folder are library modules, frozen into every
//! test of that folder's parent under their path relative to `pkgs/`. Tests
//! that mention `asyncio` also get the asyncio package from
//! `manifests/lib/asyncio`, as the base manifests freeze it into every image.
//! Tests named `memory_error` run with a 16 KiB heap.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// The heap of the `memory_error` tests.
pub const SMALL_HEAP: usize = 16 * 1024;

/// One test, read and ready to freeze.
pub struct SuiteTest {
    /// The main module's name: the test's file name, as in MicroPython's tracebacks.
    pub main: String,
    /// Every module to freeze under its frozen name, the main module first.
    pub modules: Vec<(String, Vec<u8>)>,
    /// The expected output, after [`normalise_reference`].
    pub expected: String,
    /// Whether the test runs with [`SMALL_HEAP`] instead of the board's heap.
    pub small_heap: bool,
}

/// Every test under `suite` (the `tests/py` folder), sorted, skipping the
/// `pkgs/` library folders.
pub fn collect(suite: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut tests = Vec::new();
    collect_into(suite, &mut tests)?;
    Ok(tests)
}

fn collect_into(dir: &Path, tests: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .flatten()
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|name| name != "pkgs") {
                collect_into(&path, tests)?;
            }
        } else if path.extension().is_some_and(|extension| extension == "py") && expected_path(&path).exists() {
            tests.push(path);
        }
    }
    Ok(())
}

/// Reads test `path` with its library modules and expected output;
/// `project_root` is where `manifests/lib/asyncio` lives.
pub fn load(path: &Path, project_root: &Path) -> anyhow::Result<SuiteTest> {
    let expected_path = expected_path(path);
    let expected =
        std::fs::read_to_string(&expected_path).with_context(|| format!("reading {}", expected_path.display()))?;
    let source = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let main = path.file_name().context("a test has a file name")?.to_string_lossy().into_owned();
    let mentions_asyncio = source.windows(7).any(|window| window == b"asyncio");
    let mut modules = vec![(main.clone(), source)];
    modules.extend(python_files_under(&path.parent().context("a test has a folder")?.join("pkgs"), "")?);
    if mentions_asyncio {
        modules.extend(python_files_under(&project_root.join("manifests/lib/asyncio"), "asyncio/")?);
    }
    Ok(SuiteTest {
        main,
        modules,
        expected: normalise_reference(&expected),
        small_heap: path.to_string_lossy().contains("memory_error"),
    })
}

fn expected_path(test: &Path) -> PathBuf {
    let mut expected = test.as_os_str().to_owned();
    expected.push(".exp");
    PathBuf::from(expected)
}

/// Every `.py` file under `dir` (none when it does not exist), named
/// `prefix` + its path relative to `dir`, sorted.
fn python_files_under(dir: &Path, prefix: &str) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut modules = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(each) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&each) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|extension| extension == "py") {
                let relative = path.strip_prefix(dir)?.to_string_lossy().replace('\\', "/");
                let source = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
                modules.push((format!("{prefix}{relative}"), source));
            }
        }
    }
    modules.sort();
    Ok(modules)
}

/// The reference runner imports each test from its root folder inside a
/// wrapper, so MicroPython's tracebacks start with the wrapper's frame and
/// name files `//NAME.py`; this removes both differences from an expected
/// output.
pub fn normalise_reference(expected: &str) -> String {
    let mut text = String::with_capacity(expected.len());
    for line in expected.split_inclusive('\n') {
        if line.trim() == r#"File "<stdin>", line 4, in <module>"# {
            continue;
        }
        text.push_str(&line.replace(r#"File "//"#, r#"File ""#));
    }
    text
}
