//! Benchmark suite `micropython-lib-heap`: the heap an import keeps, module
//! by module, for the 40 micropython-lib files MicroPython's own figures were
//! measured on, beside those figures.
//!
//! MicroPython's figures are the data file [`FIGURES`] (its header names
//! their source: section 1 of the project's reference figures). The modules
//! come from a micropython-lib checkout named by the environment variable
//! [`CHECKOUT_VARIABLE`]; without it the suite says so and measures nothing
//! (the checkout is public but not part of this repository). Each file's
//! package (the nearest folder above it holding a `manifest.py`) is
//! `require`d by a generated `manifest.toml` from that checkout, as
//! MicroPython's manifest `require()`d them, resolved and frozen for the host,
//! and every module is then imported in a fresh VM on the image, exactly as
//! the size report measures it ([`crate::freeze::report::measure`]):
//! collect, read the heap in use, import, collect, subtract. The VM's values
//! are 32-bit words on every board, so the figures are those of a board.
//!
//! A figure of 0 B means that a native module of the same name answered the
//! import (rime's `binascii`, for instance); such modules, and those either
//! side cannot import, are left out of the totals, which cover the modules
//! both import.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use xshell::Shell;

use super::Measurement;
use crate::files;
use crate::freeze::report::{measure, ImportHeap};
use crate::freeze::{self, Input, InputKind, Inputs};
use crate::manifest::names::import_name;
use crate::manifest::{self, BoardContext, ModuleKind};

const SUITE: &str = "micropython-lib-heap";

/// MicroPython's figures, relative to the project root.
const FIGURES: &str = "tests/bench/micropython-lib-heap.txt";

/// The environment variable naming the micropython-lib checkout.
const CHECKOUT_VARIABLE: &str = "MICROPYTHON_LIB";

/// What MicroPython's figures were measured on.
const REFERENCE: &str = "MicroPython v1.29.0-preview, frozen, QEMU MPS2-AN385 (32-bit)";

/// One line of the data file.
#[derive(Debug, PartialEq, Eq)]
struct Figure {
    /// The frozen name, `pkg/mod.py`.
    frozen: String,
    /// The file's path in micropython-lib.
    path: String,
    /// MicroPython's bytes, or `None` when it could not import the module.
    bytes: Option<u64>,
}

pub fn run(_sh: &Shell, _options: &super::Options) -> anyhow::Result<Vec<Measurement>> {
    let root = crate::project_root();
    let Some(checkout) = std::env::var_os(CHECKOUT_VARIABLE).map(PathBuf::from) else {
        eprintln!(
            "  skipped: set {CHECKOUT_VARIABLE} to a micropython-lib checkout (the folder holding python-stdlib, \
             python-ecosys and micropython) to measure this suite"
        );
        return Ok(Vec::new());
    };
    let text = std::fs::read_to_string(root.join(FIGURES)).with_context(|| format!("reading {FIGURES}"))?;
    let figures = parse_figures(&text)?;
    let work = root.join("target/bench/micropython-lib-heap");
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let manifest_path = work.join("manifest.toml");
    let packages =
        figures.iter().map(|figure| package_of(&checkout, &figure.path)).collect::<anyhow::Result<Vec<String>>>()?;
    files::write_atomically(&manifest_path, requiring_manifest(&packages).as_bytes())?;

    let board = BoardContext::find(&root, "host").map_err(|error| anyhow::anyhow!("{}", error.render()))?;
    let libraries = [("micropython-lib".to_string(), checkout.clone())];
    let resolved = manifest::resolve_with_libraries(&manifest_path, &board, &root, &BTreeMap::new(), &libraries)
        .map_err(|error| anyhow::anyhow!("{}", error.render()))?;
    let modules: Vec<Input> = resolved
        .modules
        .into_iter()
        .map(|module| {
            let kind = match module.kind {
                ModuleKind::Compile { opt } => InputKind::Compile { source: module.source, opt },
                ModuleKind::Mpy => InputKind::Mpy(module.source),
                ModuleKind::Source => InputKind::Source(String::from_utf8_lossy(&module.source).into_owned()),
            };
            Input { name: module.name, kind }
        })
        .collect();
    let inputs = Inputs { modules, ..Inputs::default() };
    let frozen = match freeze::freeze(&inputs, "host", Some(&root.join("target/freeze-cache")))? {
        Ok(frozen) => frozen,
        Err(rendered) => bail!("the micropython-lib set does not freeze:\n{rendered}"),
    };
    let costs = measure(&frozen.image.bytes, figures.iter().map(|figure| figure.frozen.as_str()));

    let mut measurements = Vec::new();
    let (mut rime_total, mut micropython_total, mut both, mut above) = (0u64, 0u64, 0usize, 0usize);
    for (figure, cost) in figures.iter().zip(costs) {
        let (rime, note) = match cost {
            ImportHeap::Bytes(0) => (None, "a native module of the same name answers the import".to_string()),
            ImportHeap::Bytes(bytes) => (Some(u64::from(bytes)), String::new()),
            ImportHeap::Raised(line) => (None, format!("the import raises: {line}")),
            ImportHeap::TooLong => (None, "the import does not finish".to_string()),
            ImportHeap::MainModule => (None, "the main module".to_string()),
            ImportHeap::NotRun(why) => (None, format!("not run: {why}")),
        };
        let reference = figure.bytes.map_or("-".to_string(), |bytes| format!("{bytes} B"));
        let Some(rime) = rime else {
            eprintln!("  {:<24} rime      -  MicroPython {reference:>7}  ({note})", figure.frozen);
            continue;
        };
        let ratio = figure.bytes.map_or(String::new(), |bytes| format!("  ratio {:.2}", rime as f64 / bytes as f64));
        eprintln!("  {:<24} rime {rime:>6} B  MicroPython {reference:>7}{ratio}", figure.frozen);
        if let Some(bytes) = figure.bytes {
            rime_total += rime;
            micropython_total += bytes;
            both += 1;
            above += usize::from(rime > bytes);
        }
        measurements.push(Measurement {
            suite: SUITE,
            name: format!("import {}: heap kept", import_name(&figure.frozen)),
            value: rime as f64,
            unit: "B",
            compared_against: REFERENCE.to_string(),
            baseline: figure.bytes.map(|bytes| bytes as f64),
        });
    }
    if both == 0 {
        bail!("no module of {FIGURES} imports on both rime and MicroPython");
    }
    let ratio = rime_total as f64 / micropython_total as f64;
    eprintln!(
        "  total over the {both} modules both import: rime {rime_total} B, MicroPython {micropython_total} B, \
         ratio {ratio:.3}; {above} above MicroPython's figure"
    );
    measurements.push(Measurement {
        suite: SUITE,
        name: format!("total over the {both} modules both import"),
        value: rime_total as f64,
        unit: "B",
        compared_against: REFERENCE.to_string(),
        baseline: Some(micropython_total as f64),
    });
    measurements.push(Measurement {
        suite: SUITE,
        name: format!("modules keeping more than MicroPython's figure, of {both}"),
        value: above as f64,
        unit: "modules",
        compared_against: "issue 16's goal: none".to_string(),
        baseline: Some(0.0),
    });
    Ok(measurements)
}

/// Reads the data file: `#` comments, then `frozen-name path bytes` lines
/// (`-` for a module MicroPython could not import).
fn parse_figures(text: &str) -> anyhow::Result<Vec<Figure>> {
    let mut figures = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [frozen, path, bytes] = fields[..] else {
            bail!("{FIGURES}:{}: expected `frozen-name path bytes`, found `{line}`", number + 1);
        };
        let bytes = match bytes {
            "-" => None,
            digits => {
                Some(digits.parse().with_context(|| format!("{FIGURES}:{}: `{digits}` is not a number", number + 1))?)
            }
        };
        figures.push(Figure { frozen: frozen.to_string(), path: path.to_string(), bytes });
    }
    if figures.is_empty() {
        bail!("{FIGURES} lists no module");
    }
    Ok(figures)
}

/// The package `require` finds a file in: the name of the nearest folder
/// above it, inside the checkout, that holds a `manifest.py`.
fn package_of(checkout: &Path, path: &str) -> anyhow::Result<String> {
    let file = checkout.join(path);
    if !file.is_file() {
        bail!("{} is not in the micropython-lib checkout {}", path, checkout.display());
    }
    let mut folder = file.parent();
    while let Some(candidate) = folder {
        if !candidate.starts_with(checkout) || candidate == checkout {
            break;
        }
        if candidate.join("manifest.py").is_file() {
            return Ok(candidate.file_name().unwrap_or_default().to_string_lossy().into_owned());
        }
        folder = candidate.parent();
    }
    bail!("no manifest.py above {path} in {}", checkout.display())
}

/// A manifest that requires each package once, in order.
fn requiring_manifest(packages: &[String]) -> String {
    let mut text = String::from("# Generated by `cargo xtask bench micropython-lib-heap`.\n");
    let mut seen = Vec::new();
    for package in packages {
        if !seen.contains(package) {
            text.push_str(&format!("\n[[require]]\nname = \"{package}\"\n"));
            seen.push(package.clone());
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_figures_parse_and_add_up_to_the_reference_sum() {
        let text = std::fs::read_to_string(crate::project_root().join(FIGURES)).unwrap();
        let figures = parse_figures(&text).unwrap();
        assert_eq!(figures.len(), 40);
        assert_eq!(
            figures[0],
            Figure { frozen: "abc.py".into(), path: "python-stdlib/abc/abc.py".into(), bytes: Some(208) }
        );
        // The reference states its sum over the 36 modules MicroPython imports.
        let importable: Vec<u64> = figures.iter().filter_map(|figure| figure.bytes).collect();
        assert_eq!(importable.len(), 36);
        assert_eq!(importable.iter().sum::<u64>(), 30_560);
    }

    #[test]
    fn bad_lines_are_named() {
        let error = parse_figures("# only a comment\nabc.py python-stdlib/abc/abc.py\n").unwrap_err();
        assert!(error.to_string().contains(":2:"), "{error}");
        assert!(parse_figures("abc.py p x\n").is_err());
        assert!(parse_figures("# nothing\n").is_err());
        let figures = parse_figures("jwt.py python-ecosys/pyjwt/jwt.py -\n").unwrap();
        assert_eq!(figures[0].bytes, None);
    }

    #[test]
    fn packages_are_the_folders_holding_a_manifest() {
        let checkout = std::env::temp_dir().join(format!("rime-mplib-heap-{}", std::process::id()));
        let package = checkout.join("python-stdlib/string");
        std::fs::create_dir_all(package.join("string")).unwrap();
        std::fs::write(package.join("manifest.py"), "package(\"string\")\n").unwrap();
        std::fs::write(package.join("string/__init__.py"), "").unwrap();
        let found = package_of(&checkout, "python-stdlib/string/string/__init__.py");
        let missing = package_of(&checkout, "python-stdlib/abc/abc.py");
        std::fs::remove_dir_all(&checkout).unwrap();
        assert_eq!(found.unwrap(), "string");
        assert!(missing.is_err());
        assert_eq!(
            requiring_manifest(&["cbor2".into(), "cbor2".into(), "abc".into()]),
            "# Generated by `cargo xtask bench micropython-lib-heap`.\n\n[[require]]\nname = \"cbor2\"\n\n[[require]]\nname = \"abc\"\n"
        );
    }
}
