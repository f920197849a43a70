//! Checks rime's static qstr list against the ids mpy-cross 1.27 emits.
//!
//! `tests/data/qstr/static_qstrs.py` assigns each static qstr, in id order, as
//! a string literal. mpy-cross turns each into `LOAD_CONST_STRING q`, and
//! qstr-table entry `q` is written as `(id << 1) | 1`. This test reads those
//! raw ids straight from the file bytes, independently of the `.mpy` reader.

use rime_bytecode::opcode::{instructions, Opcode, Operand};
use rime_bytecode::varint::decode_uint;
use rime_bytecode::{static_qstr, static_qstr_id, MpyModule, LAST_STATIC_QSTR};
use std::path::Path;

/// The raw (still encoded) qstr-table entries of a `.mpy` file.
fn raw_qstr_entries(bytes: &[u8]) -> Vec<u32> {
    let mut offset = 4;
    let (count, len) = decode_uint(bytes, offset).unwrap();
    offset += len;
    offset += decode_uint(bytes, offset).unwrap().1;
    let mut entries = Vec::new();
    for _ in 0..count {
        let (entry, len) = decode_uint(bytes, offset).unwrap();
        offset += len;
        if entry & 1 == 0 {
            offset += (entry >> 1) as usize + 1;
        }
        entries.push(entry);
    }
    entries
}

/// The string literals of the source, one per line, with `\n` unescaped.
fn source_literals(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|line| line.strip_prefix("x = \"")?.strip_suffix('"').map(|text| text.replace("\\n", "\n")))
        .collect()
}

#[test]
fn static_ids_match_mpy_cross() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/qstr");
    let bytes = std::fs::read(dir.join("static_qstrs.mpy")).unwrap();
    let source = std::fs::read_to_string(dir.join("static_qstrs.py")).unwrap();
    let literals = source_literals(&source);
    assert_eq!(literals.len(), LAST_STATIC_QSTR as usize);

    let entries = raw_qstr_entries(&bytes);
    let module = MpyModule::read(&bytes).unwrap();
    let prelude = module.root.prelude().unwrap();
    let mut loaded = Vec::new();
    for instruction in instructions(&module.root.fun_data, prelude.code_start) {
        let instruction = instruction.unwrap();
        if let (Opcode::LoadConstString, Operand::Qstr(index)) = (instruction.opcode, instruction.operand) {
            loaded.push(entries[index as usize]);
        }
    }
    assert_eq!(loaded.len(), literals.len());
    for (expected_id, (raw, literal)) in (1u16..).zip(loaded.iter().zip(&literals)) {
        assert_eq!(raw & 1, 1, "{literal:?} is not written as a static qstr");
        let id = (raw >> 1) as u16;
        assert_eq!(id, expected_id, "{literal:?}");
        assert_eq!(static_qstr(id), Some(literal.as_str()), "id {id}");
        assert_eq!(static_qstr_id(literal), Some(id), "{literal:?}");
    }
}

/// Spot checks in the other golden files: every static entry has the id rime expects.
#[test]
fn static_entries_in_golden_files_agree() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mpy");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "mpy") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let module = MpyModule::read(&bytes).unwrap();
        for (raw, text) in raw_qstr_entries(&bytes).into_iter().zip(&module.qstrs) {
            let expected = static_qstr_id(text).map(|id| (u32::from(id) << 1) | 1);
            if raw & 1 == 1 {
                checked += 1;
            }
            assert_eq!(expected.is_some(), raw & 1 == 1, "{}: {text:?}", path.display());
            if let Some(expected) = expected {
                assert_eq!(raw, expected, "{}: {text:?}", path.display());
            }
        }
    }
    assert!(checked > 50, "only {checked} static entries seen");
}
