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
use crate::opcode::{instructions, BinaryOp, Instruction, Opcode, Operand};
use alloc::string::{String, ToString};
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
        // `()`: the runtime's static empty tuple.
        (Opcode::BuildTuple, Operand::Uint(0)) => Some(Constant::Tuple(Vec::new())),
        _ => None,
    }
}

/// The wrapper types a class body may apply to a flash function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Wrapper {
    StaticMethod,
    ClassMethod,
    Property,
}

/// A value a class body certainly stores.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A constant.
    Constant(Constant),
    /// The flash function of this child of the class body.
    Function(usize),
    /// A wrapper of the flash function of this child of the class body.
    Wrapped(Wrapper, usize),
    /// The module's `__name__` (the class body's `__module__ = __name__`).
    ModuleName,
    /// The module's `__file__` (its frozen name).
    FileName,
    /// A value only the run of the body knows (an import, a list, a call's
    /// result): the flash table holds a marker, the value lives in RAM.
    Uncertain,
}

/// The dict a class body (or a module body) certainly leaves behind,
/// proposed as a flash table.
#[derive(Clone, Debug, PartialEq)]
pub struct Namespace {
    /// The child index of the class body in the module body; `None` for
    /// the module's own globals.
    pub child: Option<usize>,
    /// `(name, value)` in the order the body first stores each name.
    pub entries: Vec<(String, Value)>,
}

/// What the analysis of a class body tracks on its value stack.
#[derive(Clone, Debug, PartialEq)]
enum Slot {
    Known(Value),
    WrapperType(Wrapper),
    Null,
    /// A value the analysis does not know.
    Unknown,
}

/// The class dicts proposed for `module`: class bodies made by the module
/// body (as [`propose`] finds them), with the values they certainly store
/// (constants, tuples of constants built at run time included, flash
/// functions, `staticmethod`, `classmethod` or `property` of flash
/// functions, `__name__` as `__module__`, names they stored before) and
/// [`Value::Uncertain`] for the others.
pub fn propose_namespaces(module: &MpyModule, functions: &[Proposal]) -> Vec<Namespace> {
    let mut out = Vec::new();
    for (child, made) in made_functions(module, &module.root) {
        if !matches!(made, Made::ClassBody) {
            continue;
        }
        let Some(body) = module.root.children.get(child) else { continue };
        let flash = |grandchild: usize| functions.iter().any(|proposal| proposal.path == (child, Some(grandchild)));
        if let Some(entries) = class_entries(module, body, &flash, Vec::new(), false) {
            if !entries.is_empty() && entries.len() < 256 {
                out.push(Namespace { child: Some(child), entries });
            }
        }
    }
    out
}

/// The globals a module body leaves behind, analysed as a class body of
/// [`propose_namespaces`] (flash functions made by the module body itself):
/// `__name__` and `__file__` (which the import stores first), then the
/// body's names.
pub fn propose_module_namespace(module: &MpyModule, functions: &[Proposal]) -> Option<Namespace> {
    let flash = |child: usize| functions.iter().any(|proposal| proposal.path == (child, None));
    let first = alloc::vec![("__name__".to_string(), Value::ModuleName), ("__file__".to_string(), Value::FileName)];
    let entries = class_entries(module, &module.root, &flash, first, true)?;
    (entries.len() < 256).then_some(Namespace { child: None, entries })
}

/// The entries a body stores, in the order it first stores each name, with
/// the value each one certainly holds at the end of the body, or
/// [`Value::Uncertain`] when the analysis cannot tell.
///
/// The analysis follows the body's instructions in order on a model of its
/// value stack. An instruction it does not model (a call, an import, a
/// `BUILD_LIST`, …) makes the whole stack unknown: any value taken from it
/// afterwards is uncertain. In a body with jumps (an `if`, a `try`, a loop)
/// a name stored twice, or read back after its store, is uncertain too. The
/// result is only a guess: the VM compares it with what the body really
/// stored before using it.
fn class_entries(
    module: &MpyModule,
    body: &RawCode,
    flash: &dyn Fn(usize) -> bool,
    mut entries: Vec<(String, Value)>,
    module_body: bool,
) -> Option<Vec<(String, Value)>> {
    let prelude = body.prelude().ok()?;
    let decoded: Vec<Instruction> = instructions(&body.fun_data, prelude.code_start).collect::<Result<_, _>>().ok()?;
    let targets: Vec<usize> = decoded.iter().filter_map(Instruction::jump_target).collect();
    let jumps = !targets.is_empty();
    let mut stack: Vec<Slot> = Vec::new();
    let mut returned = false;
    let qstr = |index: u32| module.qstrs.get(index as usize).cloned();
    let pop = |stack: &mut Vec<Slot>| stack.pop().unwrap_or(Slot::Unknown);
    for instruction in &decoded {
        // Paths merge at a jump target: what the stack holds there is not known.
        if targets.contains(&instruction.offset) {
            stack.clear();
        }
        match (instruction.opcode, instruction.operand) {
            (Opcode::LoadName, Operand::Qstr(index)) | (Opcode::LoadGlobal, Operand::Qstr(index))
                if module_body || instruction.opcode == Opcode::LoadName =>
            {
                let name = qstr(index)?;
                // A name the body stored is its value: nothing ran since.
                if let Some((_, value)) = entries.iter().find(|(stored, _)| *stored == name) {
                    let known = !jumps && *value != Value::Uncertain;
                    stack.push(if known { Slot::Known(value.clone()) } else { Slot::Unknown });
                    continue;
                }
                let slot = match name.as_str() {
                    "__name__" => Slot::Known(Value::ModuleName),
                    "staticmethod" => Slot::WrapperType(Wrapper::StaticMethod),
                    "classmethod" => Slot::WrapperType(Wrapper::ClassMethod),
                    "property" => Slot::WrapperType(Wrapper::Property),
                    _ => Slot::Unknown,
                };
                stack.push(slot);
            }
            (Opcode::BuildTuple, Operand::Uint(count)) => {
                // A tuple of constants built at run time: the VM takes a RAM
                // tuple with the same item words as the flash one for it.
                let mut items = Vec::new();
                for _ in 0..count {
                    items.push(pop(&mut stack));
                }
                items.reverse();
                let constants = items
                    .into_iter()
                    .map(|slot| match slot {
                        Slot::Known(Value::Constant(constant)) => Some(constant),
                        _ => None,
                    })
                    .collect::<Option<Vec<Constant>>>();
                stack.push(
                    constants.map_or(Slot::Unknown, |items| Slot::Known(Value::Constant(Constant::Tuple(items)))),
                );
            }
            (Opcode::LoadNull, _) => stack.push(Slot::Null),
            (Opcode::MakeFunction, Operand::Uint(child)) => {
                let known = flash(child as usize);
                stack.push(if known { Slot::Known(Value::Function(child as usize)) } else { Slot::Unknown });
            }
            (Opcode::MakeFunctionDefargs, Operand::Uint(child)) => {
                let keyword = pop(&mut stack);
                let positional = pop(&mut stack);
                let known = flash(child as usize)
                    && keyword == Slot::Null
                    && matches!(positional, Slot::Known(Value::Constant(Constant::Tuple(_))));
                stack.push(if known { Slot::Known(Value::Function(child as usize)) } else { Slot::Unknown });
            }
            (Opcode::CallFunction, Operand::Uint(1))
                if matches!(stack.as_slice(), [.., Slot::WrapperType(_), Slot::Known(Value::Function(_))]) =>
            {
                let Slot::Known(Value::Function(child)) = pop(&mut stack) else { return None };
                let Slot::WrapperType(wrapper) = pop(&mut stack) else { return None };
                stack.push(Slot::Known(Value::Wrapped(wrapper, child)));
            }
            // A module body stores a name some function declares `global`
            // with `STORE_GLOBAL`: in its own namespace all the same.
            (Opcode::StoreName, Operand::Qstr(index)) | (Opcode::StoreGlobal, Operand::Qstr(index))
                if module_body || instruction.opcode == Opcode::StoreName =>
            {
                let value = match pop(&mut stack) {
                    Slot::Known(value) => value,
                    _ => Value::Uncertain,
                };
                let name = qstr(index)?;
                match entries.iter_mut().find(|(existing, _)| *existing == name) {
                    Some(entry) => entry.1 = if jumps { Value::Uncertain } else { value },
                    None => entries.push((name, value)),
                }
            }
            (Opcode::DeleteName, Operand::Qstr(index)) | (Opcode::DeleteGlobal, Operand::Qstr(index))
                if module_body || instruction.opcode == Opcode::DeleteName =>
            {
                let name = qstr(index)?;
                entries.retain(|(existing, _)| *existing != name);
            }
            (Opcode::BinaryOpMulti, Operand::Binary(operator)) => {
                let folded = match (pop(&mut stack), pop(&mut stack)) {
                    (
                        Slot::Known(Value::Constant(Constant::Int(right))),
                        Slot::Known(Value::Constant(Constant::Int(left))),
                    ) => bitwise(operator, &left, &right),
                    _ => None,
                };
                stack.push(folded.map_or(Slot::Unknown, |value| Slot::Known(Value::Constant(Constant::Int(value)))));
            }
            (Opcode::ReturnValue, _) => {
                pop(&mut stack);
                returned = true;
            }
            _ => match constant_of(module, instruction) {
                Some(constant) => stack.push(Slot::Known(Value::Constant(constant))),
                // Anything else: what the stack holds is not known any more.
                None => stack.clear(),
            },
        }
    }
    returned.then_some(entries)
}

/// `left OP right` for the bitwise operators on ints of 31 bits, whose
/// result is exact and again such an int (other operators are not folded).
fn bitwise(operator: BinaryOp, left: &str, right: &str) -> Option<String> {
    let (left, right): (i32, i32) = (left.parse().ok()?, right.parse().ok()?);
    let small = -(1 << 30)..(1 << 30);
    if !small.contains(&left) || !small.contains(&right) {
        return None;
    }
    let value = match operator {
        BinaryOp::Or => left | right,
        BinaryOp::And => left & right,
        BinaryOp::Xor => left ^ right,
        _ => return None,
    };
    Some(value.to_string())
}
