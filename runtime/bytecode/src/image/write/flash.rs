//! The flash objects of an image: the flash functions the freezer proposes
//! (`super::super::propose`), the `staticmethod`/`classmethod`/`property`
//! wrappers of them that class bodies store, and the class dicts' tables
//! ("flash namespaces"), laid out after the constants.
//!
//! Planning happens while constants are still being added (the defaults
//! tuples and the constant values of namespaces are constants); the layout
//! happens once the code's place is known, since a function object holds
//! its raw code's address. Every size is known at planning time.

use super::super::propose::{self, Value, Wrapper};
use super::super::{dict_slot_shift, qstr_word, small_int_word, uncertain_word, BuiltinTypes, WORD_NONE, WORD_NULL};
use super::{child_record_offset, push_word, BuildError, Constants};
use crate::constant::Constant;
use crate::mpy::MpyModule;
use alloc::vec::Vec;

/// A flash function being laid out.
struct Function {
    /// Its path in the module (see [`propose::Proposal::path`]).
    path: (usize, Option<usize>),
    /// Where its raw code's record lies, relative to its module's root record.
    record_offset: usize,
    /// The address of its defaults tuple, if it has defaults.
    defaults: Option<u32>,
}

/// A value of a flash namespace, before addresses are known.
enum Pending {
    Word(u32),
    Function(usize),
    Wrapped(Wrapper, usize),
}

/// A flash namespace being laid out.
struct Namespace {
    /// The class body's child index in the module body (`None`: the module's globals).
    child: Option<usize>,
    /// Where the class body's record lies, relative to its module's root record.
    record_offset: usize,
    /// `(key word, the key's 16-bit qstr hash, value)`, in insertion order.
    entries: Vec<(u32, u16, Pending)>,
}

/// The flash objects of one module, planned.
pub(super) struct ModulePlan {
    functions: Vec<Function>,
    namespaces: Vec<Namespace>,
}

/// The flash objects of one module, laid out: `(raw code address, object
/// address)` per flash function and `(class body raw code address, table
/// address, entry count)` per flash namespace, each sorted by raw code.
#[derive(Default)]
pub(super) struct ModuleFlash {
    pub functions: Vec<(u32, u32)>,
    pub namespaces: Vec<(u32, u32, u32)>,
}

/// Plans the flash objects of `module`, adding the constants they need.
pub(super) fn plan(
    module: &MpyModule,
    (dotted_name, file_name): (u32, u32),
    constants: &mut Constants,
    qstr_id: &dyn Fn(&str) -> Option<u32>,
) -> Result<ModulePlan, BuildError> {
    let proposals = propose::propose(module);
    let mut functions = Vec::new();
    for proposal in &proposals {
        let defaults = match &proposal.defaults {
            Some(items) => Some(constants.word(&Constant::Tuple(items.clone()), qstr_id, 0)?),
            None => None,
        };
        let record_offset = child_record_offset(&module.root, proposal.path);
        functions.push(Function { path: proposal.path, record_offset, defaults });
    }
    let mut namespaces = Vec::new();
    if dotted_name != 0 {
        let module_namespace = propose::propose_module_namespace(module, &proposals);
        let class_namespaces = propose::propose_namespaces(module, &proposals);
        'namespaces: for namespace in module_namespace.into_iter().chain(class_namespaces) {
            let mut entries = Vec::new();
            let mut uncertain = 0;
            for (name, value) in namespace.entries {
                let Some(key) = qstr_id(&name) else { continue 'namespaces };
                let pending = match value {
                    Value::Constant(constant) => Pending::Word(constants.word(&constant, qstr_id, 0)?),
                    Value::ModuleName => Pending::Word(qstr_word(dotted_name)),
                    Value::FileName => Pending::Word(qstr_word(file_name)),
                    Value::Function(child) => Pending::Function(child),
                    Value::Wrapped(wrapper, child) => Pending::Wrapped(wrapper, child),
                    Value::Uncertain => {
                        uncertain += 1;
                        Pending::Word(uncertain_word(uncertain - 1))
                    }
                };
                entries.push((qstr_word(key), crate::qstr_hash16(name.as_bytes()), pending));
            }
            let record_offset = match namespace.child {
                Some(child) => child_record_offset(&module.root, (child, None)),
                None => 0,
            };
            namespaces.push(Namespace { child: namespace.child, record_offset, entries });
        }
    }
    Ok(ModulePlan { functions, namespaces })
}

fn function_size(function: &Function) -> usize {
    if function.defaults.is_some() {
        24
    } else {
        16
    }
}

/// The words of a dict table of `count` entries (capacity `count`), as the
/// VM lays dict tables out: the filled count, the entries, the index.
pub(super) fn table_words(count: usize) -> usize {
    1 + 2 * count + (1usize << dict_slot_shift(count as u32)).div_ceil(4)
}

/// Bytes of the flash objects of every module: functions, wrappers, tables.
pub(super) fn sizes(plans: &[ModulePlan]) -> (usize, usize, usize) {
    let functions = plans.iter().flat_map(|plan| &plan.functions).map(function_size).sum();
    let namespaces = || plans.iter().flat_map(|plan| &plan.namespaces);
    let wrappers = namespaces()
        .flat_map(|namespace| &namespace.entries)
        .filter(|(_, _, value)| matches!(value, Pending::Wrapped(..)))
        .count()
        * 16;
    let tables = namespaces().map(|namespace| 4 * table_words(namespace.entries.len())).sum();
    (functions, wrappers, tables)
}

/// Lays out the flash objects of every module at `start` (appending them to
/// `out`), given the address of each module's root raw code.
pub(super) fn lay_out(
    plans: &[ModulePlan],
    start: u32,
    roots: &[u32],
    types: &BuiltinTypes,
    out: &mut Vec<u8>,
) -> Vec<ModuleFlash> {
    let (function_bytes, wrapper_bytes, _) = sizes(plans);
    let mut next_function = start;
    let mut next_wrapper = start + function_bytes as u32;
    let mut next_table = next_wrapper + wrapper_bytes as u32;
    let mut wrappers = Vec::new();
    let mut tables = Vec::new();
    let mut laid_out = Vec::new();
    for (index, plan) in plans.iter().enumerate() {
        let mut flash = ModuleFlash::default();
        let mut address_of = Vec::new();
        for function in &plan.functions {
            let raw_code = roots[index] + function.record_offset as u32;
            push_word(out, types.function);
            push_word(out, small_int_word(index as i32));
            push_word(out, raw_code);
            match function.defaults {
                Some(tuple) => [1, tuple, WORD_NULL].iter().for_each(|word| push_word(out, *word)),
                None => push_word(out, 0),
            }
            flash.functions.push((raw_code, next_function));
            address_of.push((function.path, next_function));
            next_function += function_size(function) as u32;
        }
        for namespace in &plan.namespaces {
            let function = |child: usize| {
                let path = match namespace.child {
                    Some(body) => (body, Some(child)),
                    None => (child, None),
                };
                address_of.iter().find(|(each, _)| *each == path).map_or(0, |entry| entry.1)
            };
            let mut words = Vec::new();
            for (key, hash, value) in &namespace.entries {
                let word = match value {
                    Pending::Word(word) => *word,
                    Pending::Function(child) => function(*child),
                    Pending::Wrapped(wrapper, child) => {
                        let type_word = match wrapper {
                            Wrapper::StaticMethod => types.static_method,
                            Wrapper::ClassMethod => types.class_method,
                            Wrapper::Property => types.property,
                        };
                        [type_word, function(*child), WORD_NONE, WORD_NONE]
                            .iter()
                            .for_each(|word| push_word(&mut wrappers, *word));
                        let address = next_wrapper;
                        next_wrapper += 16;
                        address
                    }
                };
                words.push((*key, *hash, word));
            }
            let raw_code = roots[index] + namespace.record_offset as u32;
            flash.namespaces.push((raw_code, next_table, words.len() as u32));
            let before = tables.len();
            push_table(&mut tables, &words);
            next_table += (tables.len() - before) as u32;
        }
        flash.functions.sort_unstable();
        flash.namespaces.sort_unstable();
        laid_out.push(flash);
    }
    out.extend_from_slice(&wrappers);
    out.extend_from_slice(&tables);
    laid_out
}

/// Appends the dict table of `entries` (`(key, key hash, value)`, keys
/// qstrs, fewer than 256): one-byte index slots holding `entry + 1`, each
/// key placed by linear probing from `hash & (slots - 1)` in entry order.
fn push_table(out: &mut Vec<u8>, entries: &[(u32, u16, u32)]) {
    let count = entries.len();
    push_word(out, count as u32);
    for (key, _, value) in entries {
        push_word(out, *key);
        push_word(out, *value);
    }
    let slots = 1usize << dict_slot_shift(count as u32);
    let mut index = alloc::vec![0u8; slots.next_multiple_of(4)];
    for (entry, (_, hash, _)) in entries.iter().enumerate() {
        let mut slot = usize::from(*hash) & (slots - 1);
        while index[slot] != 0 {
            slot = (slot + 1) & (slots - 1);
        }
        index[slot] = entry as u8 + 1;
    }
    out.extend_from_slice(&index);
}

/// Bytes of the flash objects charged to each module, for the size report.
pub(super) fn module_sizes(plans: &[ModulePlan]) -> Vec<usize> {
    plans
        .iter()
        .map(|plan| {
            let functions: usize = plan.functions.iter().map(function_size).sum();
            let namespaces: usize = plan
                .namespaces
                .iter()
                .map(|namespace| {
                    let wrappers =
                        namespace.entries.iter().filter(|(_, _, value)| matches!(value, Pending::Wrapped(..))).count();
                    16 * wrappers + 4 * table_words(namespace.entries.len())
                })
                .sum();
            functions + namespaces
        })
        .collect()
}
