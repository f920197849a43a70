//! The example applications: every `manifests/examples/NAME.toml` listed in
//! [`EXAMPLES`] is frozen the way its manifest describes (the `.py` files of
//! `manifests/examples/NAME/` under their paths relative to that folder, plus
//! the asyncio package that the base manifests freeze into every image), run
//! on the VM in-process, and its output compared with
//! `tests/examples/NAME.exp`. The expected outputs were printed by CPython
//! running the same programs, never by rime. Each program ends by printing
//! its heap use as `heap: N bytes`; the figure is rime's own, so the test
//! checks that it is a positive number and masks it before comparing.

use std::path::{Path, PathBuf};

use rime_host::{freeze_sources, run_image, HostPort, DEFAULT_HEAP};
use rime_vm::{Config, Outcome};

/// The examples with a checked output; the others need hardware or resources.
const EXAMPLES: &[&str] = &[
    "hello",
    "sensor_logger",
    "async_blinker",
    "frame_parser",
    "state_machine",
    "json_config",
    "command_shell",
    "pid_control",
    "debouncer",
    "event_bus",
    "compressor",
];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.py` file below `dir`, named by its path relative to `relative_to`
/// with `prefix` in front.
fn python_files(dir: &Path, relative_to: &Path, prefix: &str, found: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            python_files(&path, relative_to, prefix, found);
        } else if path.extension().is_some_and(|extension| extension == "py") {
            let name = path.strip_prefix(relative_to).expect("inside the folder").to_string_lossy().replace('\\', "/");
            found.push((format!("{prefix}{name}"), std::fs::read(&path).expect("readable")));
        }
    }
}

/// Replaces the figure in `heap: N bytes` lines with `N`; an error names a
/// heap line whose figure is not a positive number.
fn mask_heap(output: &str) -> Result<String, String> {
    let mut masked = String::new();
    for line in output.lines() {
        if let Some(figure) = line.strip_prefix("heap: ").and_then(|rest| rest.strip_suffix(" bytes")) {
            match figure.parse::<u64>() {
                Ok(bytes) if bytes > 0 => masked.push_str("heap: N bytes"),
                _ => return Err(format!("bad heap figure in {line:?}")),
            }
        } else {
            masked.push_str(line);
        }
        masked.push('\n');
    }
    Ok(masked)
}

/// Freezes and runs one example; returns its output.
fn run_example(name: &str) -> Result<String, String> {
    let root = repo_root();
    let manifest = root.join(format!("manifests/examples/{name}.toml"));
    let text = std::fs::read_to_string(&manifest).map_err(|error| format!("{}: {error}", manifest.display()))?;
    if !text.contains("main = \"main\"") {
        return Err(format!("{}: the test expects `main = \"main\"`", manifest.display()));
    }
    let mut modules = Vec::new();
    let folder = root.join(format!("manifests/examples/{name}"));
    python_files(&folder, &folder, "", &mut modules);
    let asyncio = root.join("manifests/lib/asyncio");
    python_files(&asyncio, &asyncio, "asyncio/", &mut modules);
    // The first module is the one the image runs, so `main.py` leads.
    modules.sort_by(|left, right| (left.0 != "main.py", &left.0).cmp(&(right.0 != "main.py", &right.0)));
    let borrowed: Vec<(&str, &[u8])> = modules.iter().map(|(name, text)| (name.as_str(), text.as_slice())).collect();
    let image = freeze_sources(&borrowed).map_err(|error| format!("{error:#}"))?;
    let mut port = HostPort::new(true);
    let outcome = run_image(&image, DEFAULT_HEAP, Config::host(), &mut port).map_err(|error| format!("{error:#}"))?;
    let output = String::from_utf8_lossy(&port.capture.unwrap_or_default()).into_owned();
    match outcome {
        Outcome::Finished => Ok(output),
        other => Err(format!("{other:?}\n{output}")),
    }
}

#[test]
fn examples_print_what_cpython_prints() {
    let mut failures = Vec::new();
    for name in EXAMPLES {
        let expected_path = repo_root().join(format!("tests/examples/{name}.exp"));
        let expected = std::fs::read_to_string(&expected_path).expect("the expected output exists");
        let expected = expected.replace("heap: 0 bytes", "heap: N bytes");
        match run_example(name).and_then(|output| mask_heap(&output)) {
            Ok(output) if output == expected => {}
            Ok(output) => failures.push(format!("{name}: output differs\n--- expected\n{expected}--- got\n{output}")),
            Err(error) => failures.push(format!("{name}: {error}")),
        }
    }
    eprintln!("{} of {} examples match", EXAMPLES.len() - failures.len(), EXAMPLES.len());
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
