//! Runs the fuzz targets' checks over the seed corpus without libFuzzer.
//!
//! The seed corpus is the project's valid Python: the realistic programs in
//! `tests/corpus` and the parser's `ok`/`err` test files. Each file is fed
//! whole and as a few prefixes, which is what a fuzzer mutating it would
//! reach first. This keeps the targets' bodies working on stable Rust, where
//! `cargo fuzz` itself cannot run.

use std::fs;
use std::path::{Path, PathBuf};

fn seed_files() -> Vec<PathBuf> {
    let compiler = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dirs = [
        compiler.join("../../tests/corpus"),
        compiler.join("tests/data/parser/ok"),
        compiler.join("tests/data/parser/err"),
    ];
    let mut files = Vec::new();
    for dir in dirs {
        for entry in fs::read_dir(&dir).unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display())) {
            let path = entry.expect("directory entry").path();
            if path.extension().is_some_and(|extension| extension == "py") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn the_targets_accept_every_seed_and_its_prefixes() {
    let files = seed_files();
    assert!(files.len() >= 200, "only {} seed files", files.len());
    for path in &files {
        let source = fs::read(path).expect("read seed file");
        for cut in [source.len(), source.len() / 2, source.len() / 3] {
            rime_compiler_fuzz::check_parse(&source[..cut]);
        }
        rime_compiler_fuzz::check_compile(&source);
    }
    println!("{} seed files checked", files.len());
}
