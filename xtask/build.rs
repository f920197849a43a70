//! Build script of xtask: fingerprints the compiler's source.
//!
//! The freeze cache keys every compiled module by its source, its options and
//! the compiler that produced it. A version number is not enough (the compiler
//! changes between releases), so this script hashes every source file of
//! `runtime/compiler` and `runtime/bytecode` into `RIME_COMPILER_FINGERPRINT`.
//! Any edit to the compiler gives a new fingerprint and so a cold cache.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default();
    let mut files = Vec::new();
    for dir in ["runtime/compiler/src", "runtime/bytecode/src"] {
        let dir = root.join(dir);
        println!("cargo:rerun-if-changed={}", dir.display());
        collect(&dir, &mut files);
    }
    files.sort();
    let mut hasher = Sha256::new();
    for file in &files {
        // The path relative to the root, so the fingerprint is the same in every checkout.
        let relative = file.strip_prefix(&root).unwrap_or(file);
        hasher.update(relative.to_string_lossy().replace('\\', "/").as_bytes());
        hasher.update([0]);
        hasher.update(std::fs::read(file).unwrap_or_default());
        hasher.update([0]);
    }
    let fingerprint: String = hasher.finalize().iter().take(16).map(|byte| format!("{byte:02x}")).collect();
    println!("cargo:rustc-env=RIME_COMPILER_FINGERPRINT={fingerprint}");
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
}
