//! Golden `.mpy` files from mpy-cross: read, write back byte for byte, decode
//! every instruction, re-encode it, and compare the disassembly snapshot.
//!
//! Regenerate the `.mpy` files with `tests/data/regen.sh` and the `.dis`
//! snapshots with `UPDATE_EXPECT=1 cargo test -p rime-bytecode --features alloc`.

use rime_bytecode::opcode::{encode_instruction, instructions, Operand, OperandKind};
use rime_bytecode::{disassemble, MpyModule, PreludeSize, RawCode, Signature};
use std::path::{Path, PathBuf};

fn golden_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mpy");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "mpy"))
        .collect();
    files.sort();
    files
}

/// Checks one raw code and its children; returns the number of instructions.
fn check_code(module: &MpyModule, code: &RawCode, name: &str) -> usize {
    let prelude = code.prelude().unwrap_or_else(|error| panic!("{name}: prelude: {error}"));

    // mpy-cross writes the shortest signature and size encodings, so ours must match.
    let mut reencoded = Vec::new();
    prelude.signature.encode(&mut |byte| reencoded.push(byte));
    prelude.size.encode(&mut |byte| reencoded.push(byte));
    let (_, signature_len) = Signature::decode(&code.fun_data, 0).unwrap();
    let (_, size_len) = PreludeSize::decode(&code.fun_data, signature_len).unwrap();
    assert_eq!(reencoded, code.fun_data[..signature_len + size_len], "{name}: prelude encoding");
    assert!((prelude.simple_name as usize) < module.qstrs.len(), "{name}: simple name");
    for arg_name in prelude.arg_names(&code.fun_data) {
        assert!((arg_name as usize) < module.qstrs.len(), "{name}: argument name");
    }
    assert_eq!(prelude.arg_names(&code.fun_data).count() as u32, prelude.arg_count());

    let mut count = 0;
    let mut end = prelude.code_start;
    for result in instructions(&code.fun_data, prelude.code_start) {
        let instruction = result.unwrap_or_else(|error| panic!("{name}: {error}"));
        let bytes = &code.fun_data[instruction.offset..instruction.end()];
        let mut encoded = Vec::new();
        let len = encode_instruction(instruction.opcode, instruction.operand, &mut |byte| encoded.push(byte)).unwrap();
        assert_eq!((len, encoded.as_slice()), (bytes.len(), bytes), "{name}: re-encoding at {}", instruction.offset);
        match (instruction.opcode.operand_kind(), instruction.operand) {
            (OperandKind::Qstr, Operand::Qstr(index)) => assert!((index as usize) < module.qstrs.len(), "{name}: qstr"),
            (OperandKind::Obj, Operand::Uint(index)) => {
                assert!((index as usize) < module.objects.len(), "{name}: object")
            }
            (OperandKind::Child, Operand::Uint(index))
            | (OperandKind::ChildAndByte, Operand::UintAndByte(index, _)) => {
                assert!((index as usize) < code.children.len(), "{name}: child")
            }
            _ => {}
        }
        if let Operand::Jump { .. } | Operand::JumpAndByte { .. } = instruction.operand {
            let target = instruction.jump_target().unwrap();
            assert!(target >= prelude.code_start && target <= code.fun_data.len(), "{name}: jump target {target}");
        }
        end = instruction.end();
        count += 1;
    }
    assert_eq!(end, code.fun_data.len(), "{name}: decoding must end exactly at the end of fun_data");

    for (index, child) in code.children.iter().enumerate() {
        count += check_code(module, child, &format!("{name}.{index}"));
    }
    count
}

#[test]
fn golden_files_round_trip() {
    let files = golden_files();
    assert!(files.len() >= 20, "expected at least 20 golden files, found {}", files.len());
    let mut total_instructions = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let module = MpyModule::read(&bytes).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(module.source_name(), format!("{name}.py"));
        assert_eq!(module.to_bytes(), bytes, "{name}: writer output differs from mpy-cross");
        total_instructions += check_code(&module, &module.root, &name);
    }
    assert!(total_instructions > 1000, "only {total_instructions} instructions checked");
}

#[test]
fn disassembly_snapshots() {
    for path in golden_files() {
        let bytes = std::fs::read(&path).unwrap();
        let module = MpyModule::read(&bytes).unwrap();
        let text = disassemble(&module);
        assert!(!text.contains("error:"), "{}: {text}", path.display());
        expect_test::expect_file![path.with_extension("dis")].assert_eq(&text);
    }
}

/// The floats in `tests/data/floats/` are random; writing them back
/// byte-identically shows the float text matches mpy-cross's.
#[test]
fn random_floats_are_written_as_mpy_cross_writes_them() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/floats/floats_many.mpy");
    let bytes = std::fs::read(path).unwrap();
    let module = MpyModule::read(&bytes).unwrap();
    let floats = module.objects.iter().filter(|constant| matches!(constant, rime_bytecode::Constant::Float(_))).count();
    assert!(floats >= 500, "only {floats} floats");
    assert_eq!(module.to_bytes(), bytes);
}
