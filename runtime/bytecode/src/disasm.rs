//! A readable, deterministic dump of an [`MpyModule`].
//!
//! The text lists the header, the qstr table (static qstrs marked with their
//! id), the object table as Python reprs, then every raw code depth first.
//! Each raw code shows its path (child indices from the root), its simple
//! name, the prelude fields, argument names, cells, the decoded line table and
//! one instruction per line: `offset  hex bytes  NAME operand`. All offsets
//! are positions in the raw code's `fun_data`, in hex; jump targets are shown
//! as absolute offsets (`->0012`), qstr operands as names, `LOAD_CONST_OBJ`
//! operands as the constant's repr and `MAKE_FUNCTION` operands with the
//! child's name. Golden tests and `cargo xtask mpy --dump` print this text, so
//! it must only change on purpose.

use crate::constant::Constant;
use crate::mpy::{MpyModule, RawCode};
use crate::opcode::{instructions, Instruction, Opcode, Operand, OperandKind};
use crate::prelude::{line_entries, Prelude};
use crate::qstr::static_qstr_id;
use alloc::format;
use alloc::string::String;
use core::fmt::Write;

/// Disassembles a whole module.
pub fn disassemble(module: &MpyModule) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "mpy v6, small int bits {}, source {:?}", module.small_int_bits, module.source_name());
    let _ = writeln!(out, "qstrs ({}):", module.qstrs.len());
    for (index, text) in module.qstrs.iter().enumerate() {
        let quoted = Constant::Str(text.clone()).repr();
        match static_qstr_id(text) {
            Some(id) => {
                let _ = writeln!(out, "  {index:3}  {quoted}  (static {id})");
            }
            None => {
                let _ = writeln!(out, "  {index:3}  {quoted}");
            }
        }
    }
    let _ = writeln!(out, "objects ({}):", module.objects.len());
    for (index, constant) in module.objects.iter().enumerate() {
        let _ = writeln!(out, "  {index:3}  {}", constant.repr());
    }
    let mut path = String::from("0");
    disassemble_code(module, &module.root, &mut path, &mut out);
    out
}

fn qstr_name(module: &MpyModule, index: u32) -> String {
    match module.qstrs.get(index as usize) {
        Some(text) => text.clone(),
        None => format!("<bad qstr {index}>"),
    }
}

fn code_name(module: &MpyModule, code: &RawCode) -> String {
    match code.prelude() {
        Ok(prelude) => qstr_name(module, prelude.simple_name),
        Err(_) => String::from("<bad prelude>"),
    }
}

fn disassemble_code(module: &MpyModule, code: &RawCode, path: &mut String, out: &mut String) {
    let _ = writeln!(
        out,
        "\ncode {} {}: {} bytes, {} children",
        path,
        code_name(module, code),
        code.fun_data.len(),
        code.children.len()
    );
    match code.prelude() {
        Ok(prelude) => {
            write_prelude(module, code, &prelude, out);
            write_instructions(module, code, &prelude, out);
        }
        Err(error) => {
            let _ = writeln!(out, "  error: prelude: {error}");
        }
    }
    for (index, child) in code.children.iter().enumerate() {
        let saved_len = path.len();
        let _ = write!(path, ".{index}");
        disassemble_code(module, child, path, out);
        path.truncate(saved_len);
    }
}

fn write_prelude(module: &MpyModule, code: &RawCode, prelude: &Prelude, out: &mut String) {
    let signature = &prelude.signature;
    let _ = writeln!(
        out,
        "  signature: n_state={} n_exc_stack={} scope_flags=0x{:02x} n_pos_args={} n_kwonly_args={} n_def_pos_args={}",
        signature.n_state,
        signature.n_exc_stack,
        signature.scope_flags,
        signature.n_pos_args,
        signature.n_kwonly_args,
        signature.n_def_pos_args
    );
    let _ = writeln!(
        out,
        "  prelude: n_info={} n_cell={} code_start=0x{:04x}",
        prelude.size.n_info, prelude.size.n_cell, prelude.code_start
    );
    let _ = write!(out, "  args:");
    for name in prelude.arg_names(&code.fun_data) {
        let _ = write!(out, " {}", qstr_name(module, name));
    }
    let _ = write!(out, "\n  cells:");
    for &local in code.fun_data.get(prelude.closure.clone()).unwrap_or(&[]) {
        let _ = write!(out, " {local}");
    }
    let _ = write!(out, "\n  lines:");
    let table = code.fun_data.get(prelude.line_info.clone()).unwrap_or(&[]);
    let (mut offset, mut line) = (prelude.code_start as u64, 1u64);
    for entry in line_entries(table) {
        match entry {
            Ok(entry) => {
                offset += u64::from(entry.bytecode_delta);
                line += u64::from(entry.line_delta);
                let _ = write!(out, " {offset:04x}:{line}");
            }
            Err(error) => {
                let _ = write!(out, " error: {error}");
            }
        }
    }
    out.push('\n');
}

fn write_instructions(module: &MpyModule, code: &RawCode, prelude: &Prelude, out: &mut String) {
    let mut end = prelude.code_start;
    for result in instructions(&code.fun_data, prelude.code_start) {
        match result {
            Ok(instruction) => {
                end = instruction.end();
                let mut hex = String::new();
                for byte in &code.fun_data[instruction.offset..instruction.end()] {
                    let _ = write!(hex, "{byte:02x} ");
                }
                let operand = operand_text(module, code, &instruction);
                let line = format!(
                    "  {:04x}  {:<12} {} {}",
                    instruction.offset,
                    hex.trim_end(),
                    instruction.opcode.name(),
                    operand
                );
                let _ = writeln!(out, "{}", line.trim_end());
            }
            Err(error) => {
                let _ = writeln!(out, "  error: {error}");
                return;
            }
        }
    }
    if end != code.fun_data.len() {
        let _ = writeln!(out, "  error: code ends at 0x{:04x}, fun_data at 0x{:04x}", end, code.fun_data.len());
    }
}

fn child_name(module: &MpyModule, code: &RawCode, index: u32) -> String {
    match code.children.get(index as usize) {
        Some(child) => code_name(module, child),
        None => format!("<bad child {index}>"),
    }
}

fn operand_text(module: &MpyModule, code: &RawCode, instruction: &Instruction) -> String {
    let opcode = instruction.opcode;
    let target = || match instruction.jump_target() {
        Some(target) => format!("->{target:04x}"),
        None => String::from("-><before start>"),
    };
    match (opcode.operand_kind(), instruction.operand) {
        (OperandKind::Qstr, Operand::Qstr(index)) => {
            let name = qstr_name(module, index);
            if opcode == Opcode::LoadConstString {
                Constant::Str(name).repr()
            } else {
                name
            }
        }
        (OperandKind::Obj, Operand::Uint(index)) => match module.objects.get(index as usize) {
            Some(constant) => constant.repr(),
            None => format!("<bad object {index}>"),
        },
        (OperandKind::Child, Operand::Uint(index)) => format!("{index} ({})", child_name(module, code, index)),
        (OperandKind::ChildAndByte, Operand::UintAndByte(index, cells)) => {
            format!("{index} ({}) n_closed={cells}", child_name(module, code, index))
        }
        (_, Operand::Jump { .. }) => target(),
        (_, Operand::JumpAndByte { byte, .. }) => format!("{} 0x{byte:02x}", target()),
        (_, Operand::Uint(value)) => match opcode {
            Opcode::CallFunction | Opcode::CallFunctionVarKw | Opcode::CallMethod | Opcode::CallMethodVarKw => {
                format!("n_pos={} n_kw={}", value & 0xff, value >> 8)
            }
            Opcode::UnpackEx => format!("n_left={} n_right={}", value & 0xff, value >> 8),
            _ => format!("{value}"),
        },
        (_, Operand::Int(value)) => format!("{value}"),
        (_, Operand::Unary(op)) => format!("{} ({})", op.number(), op.symbol()),
        (_, Operand::Binary(op)) => format!("{} ({})", op.number(), op.symbol()),
        (_, Operand::Qstr(index)) => format!("{index}"),
        (_, Operand::UintAndByte(value, byte)) => format!("{value} 0x{byte:02x}"),
        (_, Operand::None) => String::new(),
    }
}
