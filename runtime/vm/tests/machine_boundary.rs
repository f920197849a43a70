//! The machine boundary's invariants, checked on the source (see
//! ARCHITECTURE.md, `runtime/vm/` and `ports/`): the VM names no chip, and
//! the RP2 port reaches the GPIOs through the HAL, never through raw pointers
//! to their registers, but for the files [`OWN_PIN_REGISTERS`] names with
//! their reason. Comments may name anything; only code is checked.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("reading {}: {error}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            found.extend(rust_files(&path));
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
    found
}

/// `file:line: text` for every code line (before any `//`) of the files under
/// `dir` that contains one of `words`, compared in lower case.
fn offenders(dir: &Path, words: &[&str]) -> Vec<String> {
    let mut offenders = Vec::new();
    for path in rust_files(dir) {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {}: {error}", path.display()));
        for (index, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("").to_lowercase();
            if words.iter().any(|word| code.contains(&word.to_lowercase())) {
                offenders.push(format!("{}:{}: {}", path.display(), index + 1, line.trim()));
            }
        }
    }
    offenders
}

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_vm_names_no_chip() {
    let source = crate_dir().join("src");
    let found = offenders(&source, &["rp2040", "rp2350", "rp235x", "pac::", "hal::", "125_000_000"]);
    assert!(found.is_empty(), "chip facts in the VM; they belong to a port:\n{}", found.join("\n"));
    assert!(rust_files(&source).len() > 50, "walked the wrong folder: {}", source.display());
}

/// The files of `ports/rp2` allowed to reach pin registers themselves, and why.
const OWN_PIN_REGISTERS: [(&str, &str); 1] =
    [("bootsel.rs", "the flash's select line (QSPI SS), read from RAM while the flash is deselected")];

#[test]
fn the_rp2_port_drives_gpios_through_the_hal() {
    let source = crate_dir().join("../../ports/rp2/src");
    let registers = ["sio::ptr", "io_bank0::ptr", "pads_bank0::ptr", "::steal()", "gpio_out", "gpio_oe"];
    let (excepted, found): (Vec<String>, Vec<String>) = offenders(&source, &registers)
        .into_iter()
        .partition(|line| OWN_PIN_REGISTERS.iter().any(|(file, _)| line.contains(&format!("/{file}:"))));
    assert!(!excepted.is_empty(), "the excepted files reach no pin register any more: drop their exception");
    assert!(found.is_empty(), "raw GPIO register access in ports/rp2; use the HAL's pins:\n{}", found.join("\n"));
    assert!(rust_files(&source).iter().any(|path| path.ends_with("machine.rs")), "walked the wrong folder");
}
