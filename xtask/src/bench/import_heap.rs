//! Benchmark suite `import-heap`: the heap an import costs on `qemu-m0`, the
//! 32-bit runtime with the RP2040's instruction set, for a realistic module
//! set.
//!
//! The module set is every module of the library (`manifests/lib/**/
//! manifest.toml`) and of the example applications (`manifests/examples/
//! *.toml`), resolved by the manifest resolver for `qemu-m0` exactly as
//! `cargo xtask freeze` resolves them, without each application's `main.py`
//! (a program, not a module one imports). They are frozen together with a
//! generated main module which, for each module in sorted order, runs
//! `gc.collect()`, reads `gc.mem_alloc()`, imports the module, collects again
//! and prints the difference: the bytes the imported module keeps alive on
//! the heap (its module object, globals dict, functions and classes; its code
//! and constants stay in flash). A package's submodules that the package
//! itself imports cost nothing more when imported next, and are reported as
//! such. A module that cannot be imported on this board (one that needs a
//! native module the QEMU runtime lacks) is reported by name with its error
//! and left out of the total.
//!
//! The baseline of each figure is the same program on the host runner
//! (`rime-host`): every value is a 32-bit word everywhere, so the figures
//! must agree, and a difference shows at once.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{bail, Context};
use xshell::{cmd, Shell};

use super::Measurement;
use crate::files;
use crate::freeze::{self, Input, InputKind, Inputs};
use crate::manifest::names::import_name;
use crate::manifest::{self, BoardContext, ModuleKind};
use crate::qemu;

const SUITE: &str = "import-heap";

/// The board the figures are measured on.
const BOARD: &str = "qemu-m0";

/// How long the QEMU run may take.
const TIMEOUT: Duration = Duration::from_secs(60);

pub fn run(sh: &Shell, _options: &super::Options) -> anyhow::Result<Vec<Measurement>> {
    let root = crate::project_root();
    let modules = module_set(&root)?;
    let names: Vec<String> = modules.iter().map(|input| import_name(&input.name)).collect();
    let mut inputs = Inputs { modules, main: Some("main.py".to_string()), ..Inputs::default() };
    inputs.modules.push(Input {
        name: "main.py".to_string(),
        kind: InputKind::Compile { source: measuring_program(&names).into_bytes(), opt: 0 },
    });
    let work = root.join("target/bench/import-heap");
    let cache = root.join("target/freeze-cache");

    let board = qemu::qemu_boards()?
        .into_iter()
        .find(|board| board.name == BOARD)
        .with_context(|| format!("no QEMU board {BOARD}"))?;
    let frozen = match freeze::freeze(&inputs, BOARD, Some(&cache))? {
        Ok(frozen) => frozen,
        Err(rendered) => bail!("the module set does not freeze for {BOARD}:\n{rendered}"),
    };
    let image = work.join(format!("{BOARD}.img"));
    files::write_atomically(&image, &frozen.image.bytes)?;
    let elf = qemu::build_runtime(sh, &board)?;
    let captured = qemu::run_captured(qemu::qemu_command(&board, &elf, &image), TIMEOUT)?;
    if captured.status.code() != Some(0) {
        bail!("the import program failed on {BOARD} ({}):\n{}{}", captured.status, captured.stdout, captured.stderr);
    }
    let on_board = parse_report(&captured.stdout)?;

    let host = host_report(sh, &root, &inputs, &work)?;
    let mut measurements = Vec::new();
    for line in &on_board {
        let baseline = host.iter().find(|other| other.name == line.name).and_then(|other| other.bytes);
        let (name, value) = match (line.bytes, &line.note) {
            (Some(bytes), None) => (format!("import {}: heap kept on {BOARD}", line.name), bytes),
            (Some(bytes), Some(note)) => (format!("import {}: heap kept on {BOARD} ({note})", line.name), bytes),
            (None, note) => {
                eprintln!("  import {}: not importable on {BOARD}: {}", line.name, note.as_deref().unwrap_or("?"));
                continue;
            }
        };
        eprintln!("  {name}: {value} B (host {})", baseline.map_or("-".to_string(), |bytes| format!("{bytes} B")));
        measurements.push(Measurement {
            suite: SUITE,
            name,
            value: value as f64,
            unit: "B",
            compared_against: "the same import on the host runner (rime-host)".to_string(),
            baseline: baseline.map(|bytes| bytes as f64),
        });
    }
    Ok(measurements)
}

/// Every non-main module of the library and example manifests, resolved for
/// [`BOARD`], each once, sorted by frozen name.
fn module_set(root: &Path) -> anyhow::Result<Vec<Input>> {
    let mut manifests = Vec::new();
    let lib = root.join("manifests/lib");
    for entry in walkdir::WalkDir::new(&lib).sort_by_file_name() {
        let entry = entry.with_context(|| format!("walking {}", lib.display()))?;
        if entry.file_name() == "manifest.toml" {
            manifests.push(entry.into_path());
        }
    }
    let examples = root.join("manifests/examples");
    let mut example_files: Vec<PathBuf> = std::fs::read_dir(&examples)
        .with_context(|| format!("reading {}", examples.display()))?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "toml"))
        .collect();
    example_files.sort();
    manifests.extend(example_files);

    let board = BoardContext::find(root, BOARD).map_err(|error| anyhow::anyhow!("{}", error.render()))?;
    let mut modules: Vec<Input> = Vec::new();
    for path in &manifests {
        let resolved = manifest::resolve(path, &board, root, &Default::default())
            .map_err(|error| anyhow::anyhow!("{}", error.render()))?;
        for module in resolved.modules {
            let is_main = module.name == "main.py" || resolved.main.as_deref() == Some(module.name.as_str());
            if is_main || modules.iter().any(|known| known.name == module.name) {
                continue;
            }
            let kind = match module.kind {
                ModuleKind::Compile { opt } => InputKind::Compile { source: module.source, opt },
                ModuleKind::Mpy => InputKind::Mpy(module.source),
                ModuleKind::Source => InputKind::Source(String::from_utf8_lossy(&module.source).into_owned()),
            };
            modules.push(Input { name: module.name, kind });
        }
    }
    modules.sort_by(|a, b| a.name.cmp(&b.name));
    if modules.len() < 4 {
        bail!("expected at least 4 library and example modules, found {}", modules.len());
    }
    Ok(modules)
}

/// The generated main module (see the module docs). Every line it prints is
/// `import NAME BYTES`, `import NAME unavailable ERROR` or `total BYTES`.
fn measuring_program(names: &[String]) -> String {
    let mut source = String::from("import gc\n\ntotal = 0\n");
    for name in names {
        source.push_str(&format!(
            "gc.collect()\nbefore = gc.mem_alloc()\ntry:\n    import {name}\nexcept ImportError as error:\n    \
             print('import {name} unavailable', error)\nelse:\n    gc.collect()\n    cost = gc.mem_alloc() - before\n    \
             total += cost\n    print('import {name}', cost)\n"
        ));
    }
    source.push_str("print('total', total)\n");
    source
}

/// One line of the program's report.
#[derive(Debug, PartialEq, Eq)]
struct ReportLine {
    name: String,
    /// The bytes kept, or `None` when the import failed.
    bytes: Option<u64>,
    /// Why the import failed, or a remark about a figure.
    note: Option<String>,
}

/// Reads the program's output into one line per import and a `total` line.
fn parse_report(stdout: &str) -> anyhow::Result<Vec<ReportLine>> {
    let mut lines = Vec::new();
    for line in stdout.lines() {
        if let Some(rest) = line.strip_prefix("import ") {
            let (name, rest) = rest.split_once(' ').with_context(|| format!("unexpected line `{line}`"))?;
            if let Some(error) = rest.strip_prefix("unavailable") {
                lines.push(ReportLine { name: name.to_string(), bytes: None, note: Some(error.trim().to_string()) });
            } else {
                let bytes: u64 = rest.trim().parse().with_context(|| format!("unexpected line `{line}`"))?;
                let note = (bytes == 0).then(|| "already imported by its package".to_string());
                lines.push(ReportLine { name: name.to_string(), bytes: Some(bytes), note });
            }
        } else if let Some(total) = line.strip_prefix("total ") {
            let bytes = total.trim().parse().with_context(|| format!("unexpected line `{line}`"))?;
            lines.push(ReportLine { name: "(every module above)".to_string(), bytes: Some(bytes), note: None });
        }
    }
    if !lines.iter().any(|line| line.name == "(every module above)") {
        bail!("the import program printed no total:\n{stdout}");
    }
    Ok(lines)
}

/// The same program on the release host runner, with the board's heap.
fn host_report(sh: &Shell, root: &Path, inputs: &Inputs, work: &Path) -> anyhow::Result<Vec<ReportLine>> {
    cmd!(sh, "cargo build --release --quiet --package rime-host").run().context("building rime-host")?;
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    let runner = target.join("release/rime-host");
    let frozen = match freeze::freeze(inputs, "host", Some(&root.join("target/freeze-cache")))? {
        Ok(frozen) => frozen,
        Err(rendered) => bail!("the module set does not freeze for the host:\n{rendered}"),
    };
    let image = work.join("host.img");
    files::write_atomically(&image, &frozen.image.bytes)?;
    let output = Command::new(&runner).arg(&image).output().with_context(|| format!("running {}", runner.display()))?;
    if !output.status.success() {
        bail!("the import program failed on the host: {}", String::from_utf8_lossy(&output.stderr));
    }
    parse_report(&String::from_utf8_lossy(&output.stdout))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frozen_names_become_import_names() {
        assert_eq!(import_name("asyncio/__init__.py"), "asyncio");
        assert_eq!(import_name("asyncio/core.py"), "asyncio.core");
        assert_eq!(import_name("onewire.py"), "onewire");
    }

    #[test]
    fn the_report_is_read_line_by_line() {
        let stdout = "import asyncio 2048\nimport asyncio.core 0\nimport onewire unavailable no module named \
                      '_onewire'\ntotal 2048\n";
        let lines = parse_report(stdout).unwrap();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0], ReportLine { name: "asyncio".into(), bytes: Some(2048), note: None });
        assert_eq!(lines[1].note.as_deref(), Some("already imported by its package"));
        assert_eq!(lines[2].bytes, None);
        assert_eq!(lines[2].note.as_deref(), Some("no module named '_onewire'"));
        assert_eq!(lines[3].bytes, Some(2048));
        assert!(parse_report("import x 12\n").is_err(), "no total line");
    }

    #[test]
    fn the_program_imports_every_module_between_collections() {
        let program = measuring_program(&["asyncio".to_string(), "templates.render".to_string()]);
        assert!(program.contains("    import asyncio\n") && program.contains("    import templates.render\n"));
        assert_eq!(program.matches("gc.collect()").count(), 2 * 2);
        assert!(program.ends_with("print('total', total)\n"));
    }
}
