//! The freezer's proposals of flash functions: which functions a module's
//! body (or the body of a class it makes) creates that could be function
//! objects in flash (see "Flash functions" in the format's docs).
//!
//! The analysis reads the bytecode of the module body and of its class
//! bodies. A `MAKE_FUNCTION` or `MAKE_FUNCTION_DEFARGS` instruction is
//! proposed when no backward jump of the same body spans it (it runs at most
//! once per run of the body), when its function is stored or handed to a
//! call (a `def`, a decorated `def`, a lambda assigned to a name; not a
//! comprehension, which is called at once and dropped), and, for
//! `MAKE_FUNCTION_DEFARGS`, when the instructions before it load constants
//! only, build them into the positional defaults tuple and push NULL for
//! the keyword defaults. A class body is the child made right after
//! `LOAD_BUILD_CLASS`; it is not proposed itself (the class statement drops
//! it at once), but the functions it makes are.
//!
//! A proposal decides nothing: the VM checks at run time that the defaults
//! it was given are the flash ones, word for word.

use crate::constant::Constant;
use crate::mpy::{MpyModule, RawCode};
use crate::opcode::{instructions, Instruction, Opcode, Operand};
use alloc::string::ToString;
use alloc::vec::Vec;

/// A flash function the freezer proposes.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// The child index in the module body, and for a method, its child
    /// index in that child (a class body).
    pub path: (usize, Option<usize>),
    /// The positional defaults, when the function is made with some.
    pub defaults: Option<Vec<Constant>>,
}

/// The flash functions proposed for `module`, in the order of their raw
/// codes in the image (parents first, children in `MAKE_FUNCTION` order).
pub fn propose(module: &MpyModule) -> Vec<Proposal> {
    let mut out = Vec::new();
    for (child, made) in made_functions(module, &module.root) {
        match made {
            Made::ClassBody => {
                let Some(body) = module.root.children.get(child) else { continue };
                for (grandchild, made) in made_functions(module, body) {
                    if let Made::Function(defaults) = made {
                        out.push(Proposal { path: (child, Some(grandchild)), defaults });
                    }
                }
            }
            Made::Function(defaults) => out.push(Proposal { path: (child, None), defaults }),
        }
    }
    out
}

/// What one `MAKE_FUNCTION*` of a body makes.
enum Made {
    /// A class body (made right after `LOAD_BUILD_CLASS`).
    ClassBody,
    /// A function worth a flash object, with its constant defaults.
    Function(Option<Vec<Constant>>),
}

/// The children of `code` that its body makes once, in child order.
fn made_functions(module: &MpyModule, code: &RawCode) -> Vec<(usize, Made)> {
    let Ok(prelude) = code.prelude() else { return Vec::new() };
    let decoded: Vec<Instruction> = instructions(&code.fun_data, prelude.code_start).map_while(Result::ok).collect();
    let loops: Vec<(usize, usize)> = decoded
        .iter()
        .filter_map(|instruction| {
            let target = instruction.jump_target()?;
            (target < instruction.offset).then_some((target, instruction.offset))
        })
        .collect();
    let mut out: Vec<(usize, Made)> = Vec::new();
    for (index, instruction) in decoded.iter().enumerate() {
        let Operand::Uint(child) = instruction.operand else { continue };
        let defargs = match instruction.opcode {
            Opcode::MakeFunction => false,
            Opcode::MakeFunctionDefargs => true,
            _ => continue,
        };
        let child = child as usize;
        if child >= code.children.len() || out.iter().any(|(seen, _)| *seen == child) {
            continue;
        }
        if loops.iter().any(|(start, end)| (*start..=*end).contains(&instruction.offset)) {
            continue;
        }
        let previous = index.checked_sub(1).map(|at| decoded[at].opcode);
        if previous == Some(Opcode::LoadBuildClass) && !defargs {
            out.push((child, Made::ClassBody));
            continue;
        }
        let next = decoded.get(index + 1).map(|next| next.opcode);
        if !matches!(next, Some(Opcode::StoreName | Opcode::StoreGlobal | Opcode::CallFunction)) {
            continue;
        }
        if !defargs {
            out.push((child, Made::Function(None)));
        } else if let Some(defaults) = constant_defaults(module, &decoded[..index]) {
            out.push((child, Made::Function(Some(defaults))));
        }
    }
    out
}

/// The defaults when `before` ends in `<constant loads> BUILD_TUPLE n;
/// LOAD_NULL` (what the compiler emits for constant positional defaults).
fn constant_defaults(module: &MpyModule, before: &[Instruction]) -> Option<Vec<Constant>> {
    let [.., build, null] = before else { return None };
    if null.opcode != Opcode::LoadNull || build.opcode != Opcode::BuildTuple {
        return None;
    }
    let Operand::Uint(count) = build.operand else { return None };
    let count = count as usize;
    let loads = before.len().checked_sub(2 + count).map(|start| &before[start..before.len() - 2])?;
    loads.iter().map(|load| constant_of(module, load)).collect()
}

/// The constant an instruction loads, if it loads one.
fn constant_of(module: &MpyModule, load: &Instruction) -> Option<Constant> {
    match (load.opcode, load.operand) {
        (Opcode::LoadConstNone, _) => Some(Constant::None),
        (Opcode::LoadConstTrue, _) => Some(Constant::True),
        (Opcode::LoadConstFalse, _) => Some(Constant::False),
        (Opcode::LoadConstSmallInt | Opcode::LoadConstSmallIntMulti, Operand::Int(value)) => {
            Some(Constant::Int(value.to_string()))
        }
        (Opcode::LoadConstString, Operand::Qstr(index)) => {
            module.qstrs.get(index as usize).map(|text| Constant::Str(text.clone()))
        }
        (Opcode::LoadConstObj, Operand::Uint(index)) => module.objects.get(index as usize).cloned(),
        _ => None,
    }
}
