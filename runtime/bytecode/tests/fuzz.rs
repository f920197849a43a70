//! Malformed input never panics: every golden file truncated at every byte,
//! and corrupted at every byte, gives an error or a module that can still be
//! disassembled and written. Random bytes go through the low-level decoders.

use rime_bytecode::opcode::{decode, instructions};
use rime_bytecode::prelude::{line_entries, line_of_offset};
use rime_bytecode::varint::{decode_sint, decode_uint};
use rime_bytecode::{disassemble, MpyModule, Prelude, PreludeSize, RawCode, Signature};
use std::path::{Path, PathBuf};

fn golden_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut files = Vec::new();
    for dir in ["mpy", "qstr", "floats"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "mpy") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn walk(code: &RawCode) {
    if let Ok(prelude) = code.prelude() {
        let _ = prelude.arg_names(&code.fun_data).count();
        if let Some(table) = code.fun_data.get(prelude.line_info.clone()) {
            let _ = line_entries(table).count();
            let _ = line_of_offset(table, 1000);
        }
        for instruction in instructions(&code.fun_data, prelude.code_start).flatten() {
            let _ = instruction.jump_target();
        }
    }
    code.children.iter().for_each(walk);
}

fn exercise(bytes: &[u8]) -> bool {
    match MpyModule::read(bytes) {
        Ok(module) => {
            walk(&module.root);
            let _ = disassemble(&module);
            let _ = module.to_bytes();
            true
        }
        Err(error) => {
            assert!(error.offset() <= bytes.len(), "{error}");
            let _ = error.to_string();
            false
        }
    }
}

#[test]
fn every_truncation_is_an_error() {
    for path in golden_files() {
        let bytes = std::fs::read(&path).unwrap();
        // Reading a truncated file costs time proportional to its length, so
        // the large random-float file is cut at every 97th byte only; the
        // small files are cut everywhere.
        let stride = if bytes.len() > 4096 { 97 } else { 1 };
        for len in (0..bytes.len()).step_by(stride) {
            assert!(!exercise(&bytes[..len]), "{} truncated to {len} bytes was accepted", path.display());
        }
    }
}

#[test]
fn corruption_never_panics() {
    for path in golden_files() {
        let bytes = std::fs::read(&path).unwrap();
        let mut corrupted = bytes.clone();
        // The random-float file only repeats one pattern; its start is enough.
        let limit = if path.ends_with("floats/floats_many.mpy") { 256 } else { bytes.len() };
        for offset in 0..limit {
            for mask in [0x01, 0x80, 0xff, 0x3c] {
                corrupted[offset] = bytes[offset] ^ mask;
                exercise(&corrupted);
            }
            corrupted[offset] = bytes[offset];
        }
    }
}

/// A small deterministic generator, so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u8 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 56) as u8
    }
}

#[test]
fn random_bytes_never_panic_the_decoders() {
    let mut random = Lcg(0x5eed);
    for round in 0..20_000 {
        let len = usize::from(random.next() % 24);
        let mut bytes: Vec<u8> = (0..len).map(|_| random.next()).collect();
        if round % 3 == 0 && !bytes.is_empty() {
            // Bias towards continuation bits, where overflow handling lives.
            bytes.iter_mut().take(len - 1).for_each(|byte| *byte |= 0x80);
        }
        let start = usize::from(random.next() % 4);
        let _ = decode(&bytes, start);
        let _ = decode_uint(&bytes, start);
        let _ = decode_sint(&bytes, start);
        let _ = Signature::decode(&bytes, start);
        let _ = PreludeSize::decode(&bytes, start);
        let _ = instructions(&bytes, start).count();
        let _ = line_of_offset(&bytes, 40);
        if let Ok(prelude) = Prelude::decode(&bytes) {
            assert!(prelude.code_start <= bytes.len());
            let _ = prelude.arg_names(&bytes).count();
        }
        let mut file = vec![0x4d, 0x06, 0x00, 0x1f];
        file.extend_from_slice(&bytes);
        exercise(&file);
    }
}
