//! The realistic corpus: every `tests/corpus/NAME.py` is frozen with the real
//! compiler, run on the VM in-process, and its output compared with
//! `tests/corpus/NAME.out`, which the pinned MicroPython reference printed for
//! the same source. The test prints how many programs match and the first
//! lines of the difference for the others, and fails when the number of
//! identical outputs drops below [`RATCHET`]. Programs whose expected output
//! shows an artefact of the reference build rather than a MicroPython
//! behaviour a user relies on are listed in [`ALLOWLIST`] with the reason.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use rime_host::{freeze_sources, run_image, HostPort, DEFAULT_HEAP};
use rime_vm::Config;

/// The number of corpus programs whose output matches exactly; raise it as the VM improves.
const RATCHET: usize = 153;

/// Programs whose difference from the reference is an artefact of the
/// reference build, with the reason; they are reported but not counted.
const ALLOWLIST: &[(&str, &str)] = &[
    ("lang_args", "calls eval(), which needs a compiler at run time; frozen images have none"),
    (
        "lang_big_tuples",
        "the reference build names the ellipsis type '' (a minimal type object), not a behaviour programs use",
    ),
];

/// How long one program may run before it counts as hanging.
const TIME_LIMIT: Duration = Duration::from_secs(20);

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

/// The frozen library packages every corpus program may import, under
/// their frozen names (for example `asyncio/__init__.py`).
fn library_modules() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../manifests/lib");
    let mut modules = Vec::new();
    for package in ["asyncio"] {
        let dir = root.join(package);
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|extension| extension == "py") {
                let file = path.file_name().expect("has a name").to_string_lossy().into_owned();
                modules.push((format!("{package}/{file}"), std::fs::read(&path).expect("readable")));
            }
        }
    }
    modules.sort();
    modules
}

/// Freezes and runs one program; returns everything it printed (stdout and stderr).
fn run_program(source: Vec<u8>, libraries: Vec<(String, Vec<u8>)>) -> String {
    let mut modules: Vec<(&str, &[u8])> = vec![("main.py", &source)];
    for (name, text) in &libraries {
        modules.push((name, text));
    }
    let image = match freeze_sources(&modules) {
        Ok(image) => image,
        Err(error) => return format!("(freeze failed: {error:#})\n"),
    };
    let mut port = HostPort::new(true);
    let outcome = run_image(&image, DEFAULT_HEAP, Config::host(), &mut port);
    let mut output = String::from_utf8_lossy(&port.capture.unwrap_or_default()).into_owned();
    if let Err(error) = outcome {
        output.push_str(&format!("(run failed: {error:#})\n"));
    }
    output
}

/// The first differing lines of two outputs, for the report.
fn first_difference(expected: &str, got: &str) -> String {
    let expected_lines: Vec<&str> = expected.lines().collect();
    let got_lines: Vec<&str> = got.lines().collect();
    let first = expected_lines.iter().zip(&got_lines).position(|(left, right)| left != right);
    let index = first.unwrap_or(expected_lines.len().min(got_lines.len()));
    let mut text = format!("    line {}:\n", index + 1);
    for line in expected_lines.iter().skip(index).take(3) {
        text.push_str(&format!("    - {line}\n"));
    }
    for line in got_lines.iter().skip(index).take(3) {
        text.push_str(&format!("    + {line}\n"));
    }
    if got_lines.len() > index + 3 && got_lines.iter().skip(index).any(|line| line.starts_with("Traceback")) {
        text.push_str(&format!("    + … {}\n", got_lines.last().copied().unwrap_or_default()));
    }
    text
}

#[test]
fn corpus_matches_micropython() {
    let mut programs: Vec<PathBuf> = std::fs::read_dir(corpus_root())
        .expect("tests/corpus exists")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "py"))
        .collect();
    programs.sort();
    assert!(!programs.is_empty(), "no corpus programs found");
    let libraries = library_modules();
    let only = std::env::var("RIME_CORPUS_ONLY").ok();
    let mut identical = 0;
    let mut allowed = 0;
    let mut report = String::new();
    for path in &programs {
        let name = path.file_stem().expect("has a name").to_string_lossy().into_owned();
        if only.as_ref().is_some_and(|only| !name.contains(only.as_str())) {
            continue;
        }
        let expected = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
        let source = std::fs::read(path).expect("readable");
        let (sender, receiver) = mpsc::channel();
        let libraries = libraries.clone();
        std::thread::Builder::new()
            .stack_size(64 * 1024 * 1024)
            .spawn(move || {
                let _ = sender.send(run_program(source, libraries));
            })
            .expect("a thread starts");
        let got = match receiver.recv_timeout(TIME_LIMIT) {
            Ok(output) => output,
            Err(_) => "(did not finish in time)\n".to_string(),
        };
        if got == expected {
            identical += 1;
            continue;
        }
        if let Some((_, reason)) = ALLOWLIST.iter().find(|(allowed_name, _)| *allowed_name == name) {
            allowed += 1;
            report.push_str(&format!("{name}: differs (allowed: {reason})\n"));
            continue;
        }
        report.push_str(&format!("{name}: differs\n{}", first_difference(&expected, &got)));
    }
    eprintln!("{report}");
    eprintln!(
        "{identical}/{} corpus programs identical to MicroPython ({allowed} allowed differences)",
        programs.len()
    );
    if only.is_none() {
        assert!(identical >= RATCHET, "only {identical} corpus programs match; the ratchet is {RATCHET}");
    }
}
