//! Data-driven tests of the manifest library, over `tests/manifest/`:
//!
//! - `bad/*.toml`: each must fail; the rendered error must equal `<name>.err`.
//! - `good/*.toml`: each must resolve; `manifest show`'s text must equal `<name>.show`.
//! - `convert/**/manifest.py`: each case is a folder in a fake MicroPython
//!   tree, so includes between cases work. The conversion must equal the
//!   sibling `manifest.toml` (and its warnings `manifest.warnings`, when there
//!   are any), and that `manifest.toml` must resolve to the hand-written module
//!   list in `manifest.modules`, which may also carry `# test:` directives
//!   (`board=NAME` picks a board of the fake tree's rp2 port).
//! - `convert/bad/*.py`: the converter must refuse; the errors must equal `<name>.err`.
//!
//! Manifests resolve for a test board (`tests/manifest/ports/test/boards/testboard`,
//! no compiler, 64K heap limit). A manifest's leading `# test: has_compiler`
//! line gives the board a compiler, and `# test: --var NAME=VALUE` lines (also
//! allowed in `.modules` files) set variables.
//! Run with `UPDATE_EXPECT=1` to rewrite the expected files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::convert::convert;
use super::resolve::resolve;
use super::vars::{slash_path, BoardContext};
use super::{render_show, ResolvedManifest};
use crate::project_root;

fn root() -> PathBuf {
    project_root().canonicalize().unwrap_or_else(|_| project_root())
}

fn test_board(has_compiler: bool) -> BoardContext {
    let port_dir = root().join("tests/manifest/ports/test");
    BoardContext {
        name: "testboard".to_string(),
        board_dir: port_dir.join("boards/testboard"),
        port_dir,
        has_compiler,
        max_heap: Some(64 * 1024),
    }
}

/// The `# test:` directives of a file.
#[derive(Default)]
struct Directives {
    has_compiler: bool,
    vars: BTreeMap<String, String>,
    /// A board of the fake MicroPython tree the `convert` cases use.
    convert_board: Option<String>,
}

fn directives(text: &str) -> Directives {
    let mut found = Directives::default();
    for line in text.lines() {
        let Some(directive) = line.strip_prefix("# test:").map(str::trim) else { continue };
        if directive == "has_compiler" {
            found.has_compiler = true;
        } else if let Some(board) = directive.strip_prefix("board=") {
            found.convert_board = Some(board.trim().to_string());
        } else if let Some((name, value)) =
            directive.strip_prefix("--var ").and_then(|assignment| assignment.split_once('='))
        {
            found.vars.insert(name.trim().to_string(), value.trim().to_string());
        }
    }
    found
}

/// The board of the `convert` cases: `tests/manifest/convert/micropython/ports/rp2/boards/<name>`.
fn convert_board(name: &str, has_compiler: bool) -> BoardContext {
    let port_dir = root().join("tests/manifest/convert/micropython/ports/rp2");
    BoardContext {
        name: name.to_string(),
        board_dir: port_dir.join("boards").join(name),
        port_dir,
        has_compiler,
        max_heap: None,
    }
}

/// The files in `tests/manifest/<folder>` ending in `.<extension>`, sorted.
fn cases(folder: &str, extension: &str) -> Vec<PathBuf> {
    let directory = root().join("tests/manifest").join(folder);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&directory)
        .unwrap_or_else(|error| panic!("reading {}: {error}", directory.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|found| found == extension))
        .collect();
    paths.sort();
    paths
}

fn relative(path: &Path) -> String {
    slash_path(path.strip_prefix(root()).unwrap_or(path))
}

/// Compares `actual` with the file `expected`; with `UPDATE_EXPECT=1`, rewrites it.
/// Returns a description of the mismatch, if any.
fn check_file(expected: &Path, actual: &str) -> Option<String> {
    let current = std::fs::read_to_string(expected).unwrap_or_default();
    if current == actual {
        return None;
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(expected, actual).unwrap_or_else(|error| panic!("writing {}: {error}", expected.display()));
        return None;
    }
    Some(format!("{} differs:\n--- expected\n{current}--- actual\n{actual}", relative(expected)))
}

/// Resolves a test manifest with the directives of its own text and of `extra_directives`.
fn resolve_case(
    manifest: &Path,
    extra_directives: &str,
) -> Result<ResolvedManifest, super::diagnostics::ManifestError> {
    let text = std::fs::read_to_string(manifest).unwrap_or_default();
    let mut found = directives(&text);
    let extra = directives(extra_directives);
    found.has_compiler |= extra.has_compiler;
    found.vars.extend(extra.vars);
    let board = match extra.convert_board.or(found.convert_board) {
        Some(name) => convert_board(&name, found.has_compiler),
        None => test_board(found.has_compiler),
    };
    resolve(manifest, &board, &root(), &found.vars)
}

#[test]
fn bad_manifests_fail_with_the_expected_message() {
    let cases = cases("bad", "toml");
    assert!(cases.len() >= 25, "only {} bad manifests", cases.len());
    let mut failures = Vec::new();
    for manifest in &cases {
        let actual = match resolve_case(manifest, "") {
            Ok(_) => format!("{} resolved without an error\n", relative(manifest)),
            Err(error) => error.render(),
        };
        failures.extend(check_file(&manifest.with_extension("err"), &actual));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn good_manifests_show_the_expected_modules() {
    let cases = cases("good", "toml");
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for manifest in &cases {
        let text = std::fs::read_to_string(manifest).unwrap_or_default();
        let board = test_board(directives(&text).has_compiler);
        let actual = match resolve_case(manifest, "") {
            Ok(resolved) => render_show(&resolved, &board, &root()),
            Err(error) => error.render(),
        };
        failures.extend(check_file(&manifest.with_extension("show"), &actual));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn metadata_version_is_appended_to_python_sources() {
    let manifest = root().join("tests/manifest/good/basic.toml");
    let resolved = resolve_case(&manifest, "").unwrap_or_else(|error| panic!("{}", error.render()));
    let by_name = |name: &str| {
        resolved.modules.iter().find(|module| module.name == name).unwrap_or_else(|| panic!("no module {name}"))
    };
    let app = by_name("app.py");
    assert!(app.source.ends_with(b"\n\n__version__ = '1.2.0'\n"), "{:?}", String::from_utf8_lossy(&app.source));
    // A file that defines `__version__` itself is left alone, and .mpy files are never touched.
    let versioned = by_name("versioned.py");
    assert_eq!(versioned.source, std::fs::read(&versioned.source_path).unwrap_or_default());
    let precompiled = by_name("precompiled.mpy");
    assert_eq!(precompiled.source, std::fs::read(&precompiled.source_path).unwrap_or_default());
}

#[test]
fn repository_manifests_resolve() {
    let root = root();
    let mut manifests: Vec<(PathBuf, &str)> = Vec::new();
    for example in cases("../../manifests/examples", "toml") {
        manifests.push((example, "host"));
    }
    for board in ["pico", "pico_w", "pico2", "pico2_w"] {
        manifests.push((root.join("ports/rp2/boards").join(board).join("manifest.toml"), board));
    }
    manifests.push((root.join("ports/host/boards/host/manifest.toml"), "host"));
    let mut failures = Vec::new();
    for (manifest, board_name) in manifests {
        let result =
            BoardContext::find(&root, board_name).and_then(|board| resolve(&manifest, &board, &root, &BTreeMap::new()));
        if let Err(error) = result {
            failures.push(error.render());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every `manifest.py` below `tests/manifest/convert/` (outside `bad/`), sorted.
fn convert_cases() -> Vec<PathBuf> {
    let directory = root().join("tests/manifest/convert");
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(&directory)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|entry| entry.path().to_path_buf())
        .filter(|path| {
            path.file_name().is_some_and(|name| name == "manifest.py") && !path.starts_with(directory.join("bad"))
        })
        .collect();
    paths.sort();
    paths
}

/// The module list of a resolved manifest, one `name kind source` line each.
fn module_lines(resolved: &ResolvedManifest) -> String {
    let mut out = String::new();
    for module in &resolved.modules {
        out.push_str(&format!("{} {} {}\n", module.name, module.kind.describe(), relative(&module.source_path)));
    }
    out
}

#[test]
fn convert_matches_expected_toml_and_resolves_to_expected_modules() {
    let cases = convert_cases();
    assert!(cases.len() >= 10, "only {} manifest.py files", cases.len());
    let mut failures = Vec::new();
    for python in &cases {
        let text = std::fs::read_to_string(python).unwrap_or_default();
        let converted = match convert(&relative(python), &text) {
            Ok(converted) => converted,
            Err(error) => {
                failures.push(format!("{} did not convert:\n{}", relative(python), error.render()));
                continue;
            }
        };
        failures.extend(check_file(&python.with_extension("toml"), &converted.toml));
        let warnings: String = converted.warnings.iter().map(|warning| warning.render_as("warning")).collect();
        let warnings_file = python.with_extension("warnings");
        if !warnings.is_empty() || warnings_file.exists() {
            failures.extend(check_file(&warnings_file, &warnings));
        }
        let modules_file = python.with_extension("modules");
        let expected = std::fs::read_to_string(&modules_file).unwrap_or_default();
        let expected_modules: String = expected
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .map(|line| format!("{line}\n"))
            .collect();
        match resolve_case(&python.with_extension("toml"), &expected) {
            Ok(resolved) => {
                let actual = module_lines(&resolved);
                if actual != expected_modules {
                    failures.push(format!("{} resolves to:\n{actual}expected:\n{expected_modules}", relative(python)));
                }
            }
            Err(error) => failures.push(format!(
                "{} does not resolve:\n{}",
                relative(&python.with_extension("toml")),
                error.render()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn convert_refuses_what_it_cannot_express() {
    let cases = cases("convert/bad", "py");
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for python in &cases {
        let text = std::fs::read_to_string(python).unwrap_or_default();
        let actual = match convert(&relative(python), &text) {
            Ok(_) => format!("{} converted without an error\n", relative(python)),
            Err(error) => error.render(),
        };
        failures.extend(check_file(&python.with_extension("err"), &actual));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The micropython-lib-style fixture library and the application that requires its packages.
fn mplib_fixture() -> (PathBuf, Vec<(String, PathBuf)>) {
    let manifest = root().join("tests/manifest/mplib-app");
    (manifest, vec![("mplib".to_string(), root().join("tests/manifest/mplib"))])
}

fn resolve_mplib_fixture() -> ResolvedManifest {
    let (manifest, libraries) = mplib_fixture();
    super::resolve::resolve_with_libraries(&manifest, &test_board(false), &root(), &BTreeMap::new(), &libraries)
        .unwrap_or_else(|error| panic!("{}", error.render()))
}

/// `expected.resolved` was written by `tests/manifest/mplib-compare.sh fixture`
/// from MicroPython's own `tools/manifestfile.py`: one JSON object per frozen
/// file with its source, opt (`null`: unset, which mpy-cross takes as 0) and
/// the `__version__` MicroPython's freezer appends.
#[test]
fn micropython_lib_fixture_resolves_like_micropython() {
    let resolved = resolve_mplib_fixture();
    let expected_path = root().join("tests/manifest/mplib-app/expected.resolved");
    let expected_text = std::fs::read_to_string(&expected_path).unwrap_or_default();
    let mut expected: Vec<String> = Vec::new();
    for line in expected_text.lines() {
        let row: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|error| panic!("{}: {error}: {line}", relative(&expected_path)));
        let version = row["version"].as_str().map_or("-".to_string(), |version| format!("__version__ = {version:?}"));
        expected.push(format!(
            "{} -O{} {} {version}",
            row["name"].as_str().unwrap_or_default(),
            row["opt"].as_u64().unwrap_or(0),
            row["source"].as_str().unwrap_or_default()
        ));
    }
    assert!(expected.len() >= 30, "only {} expected modules", expected.len());
    let mut actual: Vec<String> = Vec::new();
    for module in &resolved.modules {
        let super::ModuleKind::Compile { opt } = module.kind else {
            panic!("{} is not compiled: {:?}", module.name, module.kind);
        };
        let original = std::fs::read(&module.source_path).unwrap_or_default();
        let version = match module.source.strip_prefix(original.as_slice()) {
            Some(b"") => "-".to_string(),
            Some(appended) => {
                let appended = String::from_utf8_lossy(appended);
                let line = appended.strip_prefix("\n\n").and_then(|rest| rest.strip_suffix('\n'));
                let value =
                    line.and_then(|line| line.strip_prefix("__version__ = '")).and_then(|v| v.strip_suffix('\''));
                format!("__version__ = {:?}", value.unwrap_or("(malformed)"))
            }
            None => "(source changed)".to_string(),
        };
        actual.push(format!("{} -O{opt} {} {version}", module.name, relative(&module.source_path)));
    }
    actual.sort();
    assert_eq!(actual.join("\n"), expected.join("\n"));
}

#[test]
fn micropython_lib_fixture_shows_packages_and_manifests() {
    let resolved = resolve_mplib_fixture();
    let actual = render_show(&resolved, &test_board(false), &root());
    let failure = check_file(&root().join("tests/manifest/mplib-app/manifest.show"), &actual);
    assert!(failure.is_none(), "{}", failure.unwrap_or_default());
    let by_name = |name: &str| resolved.modules.iter().find(|module| module.name == name);
    let core = by_name("bleish/core.py").map(|module| (module.package.clone(), module.origin.file.clone()));
    let expected_origin = "tests/manifest/mplib/micropython/bluetooth/bleish-core/manifest.py".to_string();
    assert_eq!(core, Some((Some("bleish-core".to_string()), expected_origin)));
    assert_eq!(by_name("main.py").map(|module| module.package.clone()), Some(None));
}

/// Freezes the fixture application and runs it on the host runner; the
/// expected output is CPython's, running the files as MicroPython's freezer
/// would compile them (`mplib-compare.sh fixture`).
#[test]
fn micropython_lib_fixture_runs_on_the_host() {
    use crate::freeze::{Input, InputKind, Inputs};
    let resolved = resolve_mplib_fixture();
    let mut inputs = Inputs::default();
    for module in &resolved.modules {
        let super::ModuleKind::Compile { opt } = module.kind else {
            panic!("{} is not compiled", module.name);
        };
        let kind = InputKind::Compile { source: module.source.clone(), opt };
        inputs.modules.push(Input { name: module.name.clone(), kind });
    }
    inputs.main = Some("main.py".to_string());
    let frozen = crate::freeze::freeze(&inputs, "host", None)
        .unwrap_or_else(|error| panic!("{error:#}"))
        .unwrap_or_else(|rendered| panic!("{rendered}"));
    let mut port = rime_host::HostPort::new(true);
    let outcome = rime_host::run_image(&frozen.image.bytes, rime_host::DEFAULT_HEAP, Default::default(), &mut port);
    let output = String::from_utf8_lossy(&port.capture.unwrap_or_default()).into_owned();
    assert!(matches!(outcome, Ok(rime_vm::Outcome::Finished)), "{outcome:?}\n{output}");
    let expected = std::fs::read_to_string(root().join("tests/manifest/mplib-app/main.out")).unwrap_or_default();
    assert_eq!(output, expected);
}
