//! The dispatch loop's inner loop: runs the instructions that touch nothing
//! but the current frame's value slots (locals, small-int constants, NULL,
//! stack shuffles, small-int arithmetic and comparisons, jumps on booleans,
//! `for` over a range), the items of exact lists and tuples in the heap
//! (`x[i]`, `x[i] = v`, `for` over one) and the cells of closed-over
//! variables (`LOAD_DEREF`), with the heap borrowed once
//! (`gc::HeapBytes`, whose word reads never make a slice that could overlap
//! the sealed bytecode being run), so each access is one bounds-checked read
//! at an offset held in registers instead of an address resolved against
//! every region.
//!
//! With the heap it reads the VM's name caches ([`NameCaches`]), which
//! only the general loop writes: a `LOAD_GLOBAL` the global site cache
//! knows, and a `LOAD_ATTR` of an attribute that a plain instance's dict
//! holds where the lookup cache guesses (`Vm::load_attr`'s first step, with
//! the name from the qstr operand cache) run here too.
//!
//! It stops, without consuming the instruction, at the first one that
//! needs anything more (an unbound local, an int result that overflows a
//! small int, a truth test of an object, the interrupt poll of a backward
//! jump): the general loop in `dispatch` runs that one, so no instruction
//! here can raise.

use super::attr::lookup_cache_slot;
use super::global_site::{cached_global_in, GlobalSite, GLOBAL_SITE_CACHE_SIZE};
use crate::gc::{HeapBytes, HeapWords};
use crate::obj::binop_fast::small_index_position;
use crate::obj::dict::{KEYS_ONLY, TABLE_ENTRIES};
use crate::obj::{Obj, TypeId};
use crate::vm::{GLOBAL_LOOKUP_CACHE_SIZE, QSTR_OPERAND_CACHE_SIZE};
use core::cell::Cell;
use rime_bytecode::image::HEAP_BASE;
use rime_bytecode::opcode::{binary, op, read_jump};
use rime_bytecode::varint::{read_sint, read_uint};

/// The marker word of a `for` loop over a list or tuple (see `GET_ITER_STACK`).
pub(super) const ITER_SEQ: Obj = Obj::small(1);

/// The marker word of a `for` loop over a range (see `GET_ITER_STACK`).
pub(super) const ITER_RANGE: Obj = Obj::small(2);

/// The heap, with the value slots of a frame in it: slot `i` is the word at
/// byte offset `base + 4 i` (the general loop reaches them the same way).
struct Slots<'s> {
    heap: HeapWords<'s>,
    /// Byte offset of slot 0 in `heap`.
    base: usize,
    /// Slot of local 0 (the last slot).
    last: u32,
}

impl Slots<'_> {
    /// The heap word at byte `offset`, if it lies in the heap.
    #[inline(always)]
    fn word(&self, offset: usize) -> Option<u32> {
        self.heap.word(offset)
    }

    #[inline(always)]
    fn get(&self, slot: u32) -> Obj {
        match self.word(self.base.wrapping_add(4 * slot as usize)) {
            Some(word) => Obj(word),
            None => Obj::NULL,
        }
    }

    #[inline(always)]
    fn set(&mut self, slot: u32, value: Obj) {
        let at = self.base.wrapping_add(4 * slot as usize);
        self.heap.set_word(at, value.0);
    }

    /// The heap offset of the first item and the length of `obj` when it
    /// is an exact list (`lists_only`) or an exact list or tuple in the heap.
    #[inline(always)]
    fn items(&self, obj: Obj, lists_only: bool) -> Option<(usize, u32)> {
        if !obj.is_ptr() {
            return None;
        }
        let at = obj.0.wrapping_sub(HEAP_BASE) as usize;
        // Lists are four words (type, length, allocated, items); a tuple is
        // its type, its length and its items.
        let type_word = self.heap.word(at)?;
        let len = self.heap.word(at.wrapping_add(4))?;
        if type_word == TypeId::List.addr() {
            Some((self.heap.word(at.wrapping_add(12))?.wrapping_sub(HEAP_BASE) as usize, len))
        } else if type_word == TypeId::Tuple.addr() && !lists_only {
            Some((at.wrapping_add(8), len))
        } else {
            None
        }
    }

    /// The heap word at `address`, if it lies in the heap.
    #[inline(always)]
    fn heap_word(&self, address: u32) -> Option<u32> {
        self.heap.word(address.wrapping_sub(HEAP_BASE) as usize)
    }

    /// `LOAD_GLOBAL` with its operand at address `operand`, when the
    /// global site cache knows it: the value and the operand's length.
    #[inline(always)]
    fn load_global(&self, caches: &NameCaches<'_>, operand: usize) -> Option<(Obj, usize)> {
        let globals = self.heap_word(caches.module.0.wrapping_add(4))?;
        cached_global_in(caches.global_sites, caches.keys_version, globals, operand, |address| self.heap_word(address))
    }

    /// `LOAD_ATTR` of `obj` with its operand at address `operand`, when the
    /// general loop decoded that operand lately (its name is in the qstr
    /// operand cache) and [`Slots::instance_attr_guessed`] finds it.
    #[inline(always)]
    fn load_attr(&self, caches: &NameCaches<'_>, operand: usize, obj: Obj) -> Option<Obj> {
        let (cached, id) = caches.qstr_operands[(operand >> 1) % QSTR_OPERAND_CACHE_SIZE].get();
        let name = Obj::qstr(id);
        if cached != operand || name == q!("__class__") || name == q!("__dict__") {
            return None;
        }
        self.instance_attr_guessed(obj, name, caches.lookups)
    }

    /// `Vm::instance_attr_guessed` with the heap borrowed: attribute `name`
    /// of `obj` when `obj` is an instance of a class over `object` whose
    /// dict (a heap table) holds it at the entry the lookup cache guesses.
    #[inline(always)]
    fn instance_attr_guessed(
        &self,
        obj: Obj,
        name: Obj,
        lookups: &[Cell<u8>; GLOBAL_LOOKUP_CACHE_SIZE],
    ) -> Option<Obj> {
        if !obj.is_ptr() {
            return None;
        }
        let type_obj = self.heap_word(obj.0)?;
        if self.heap_word(type_obj)? != TypeId::Type.addr()
            || self.heap_word(type_obj.wrapping_add(16))? != TypeId::Object.addr()
        {
            return None;
        }
        let dict = self.heap_word(obj.0.wrapping_add(4))?;
        let entry = u32::from(lookups[lookup_cache_slot(Obj(type_obj), name)].get());
        let table = self.heap_word(dict.wrapping_add(12))?;
        let key_at = table.wrapping_add(4 * (TABLE_ENTRIES + 2 * entry));
        if self.heap_word(dict.wrapping_add(8))? & KEYS_ONLY != 0
            || entry >= self.heap_word(table)?
            || self.heap_word(key_at)? != name.0
        {
            return None;
        }
        self.heap_word(key_at.wrapping_add(4)).map(Obj)
    }

    #[inline(always)]
    fn local(&self, index: u32) -> Obj {
        self.get(self.last.wrapping_sub(index))
    }

    #[inline(always)]
    fn set_local(&mut self, index: u32, value: Obj) {
        self.set(self.last.wrapping_sub(index), value);
    }
}

/// What the inner loop reads besides the heap and the frame (see the
/// module docs): the VM's caches, shared, and the module being run.
pub(super) struct NameCaches<'s> {
    pub(super) qstr_operands: &'s [Cell<(usize, u32)>; QSTR_OPERAND_CACHE_SIZE],
    pub(super) lookups: &'s [Cell<u8>; GLOBAL_LOOKUP_CACHE_SIZE],
    pub(super) global_sites: &'s [Cell<GlobalSite>; GLOBAL_SITE_CACHE_SIZE],
    pub(super) keys_version: u32,
    pub(super) module: Obj,
}

/// Whether [`run`] can run instructions starting with `opcode` (the
/// dispatch loop enters it only then, so a run of other instructions costs
/// one table look-up each).
pub(super) static STARTS_FAST: [bool; 256] = {
    let mut table = [false; 256];
    let mut opcode = 0;
    while opcode < 256 {
        let byte = opcode as u8;
        table[opcode] = matches!(
            byte,
            op::LOAD_FAST_MULTI..=op::LOAD_FAST_MULTI_LAST
                | op::STORE_FAST_MULTI..=op::STORE_FAST_MULTI_LAST
                | op::LOAD_FAST_N
                | op::STORE_FAST_N
                | op::LOAD_CONST_SMALL_INT_MULTI..=op::LOAD_CONST_SMALL_INT_MULTI_LAST
                | op::LOAD_CONST_SMALL_INT
                | op::LOAD_CONST_NONE
                | op::LOAD_CONST_TRUE
                | op::LOAD_CONST_FALSE
                | op::POP_TOP
                | op::DUP_TOP
                | op::DUP_TOP_TWO
                | op::ROT_TWO
                | op::ROT_THREE
                | op::JUMP
                | op::POP_JUMP_IF_TRUE
                | op::POP_JUMP_IF_FALSE
                | op::JUMP_IF_TRUE_OR_POP
                | op::JUMP_IF_FALSE_OR_POP
                | op::FOR_ITER
                | op::LOAD_DEREF
                | op::LOAD_NULL
                | op::LOAD_GLOBAL
                | op::LOAD_ATTR
                | op::BINARY_OP_MULTI..=op::BINARY_OP_MULTI_LAST
        );
        opcode += 1;
    }
    table
};

/// What [`run`] does with each opcode: one of the small numbers in [`Kind`],
/// so that its `match` is one jump table instead of a chain of range tests.
static KIND: [Kind; 256] = {
    let mut table = [Kind::Other; 256];
    let mut opcode = 0;
    while opcode < 256 {
        let byte = opcode as u8;
        table[opcode] = match byte {
            op::LOAD_FAST_MULTI..=op::LOAD_FAST_MULTI_LAST => Kind::LoadFastMulti,
            op::STORE_FAST_MULTI..=op::STORE_FAST_MULTI_LAST => Kind::StoreFastMulti,
            op::LOAD_FAST_N => Kind::LoadFastN,
            op::STORE_FAST_N => Kind::StoreFastN,
            op::LOAD_CONST_SMALL_INT_MULTI..=op::LOAD_CONST_SMALL_INT_MULTI_LAST => Kind::SmallIntMulti,
            op::LOAD_CONST_SMALL_INT => Kind::SmallInt,
            op::LOAD_CONST_NONE => Kind::None,
            op::LOAD_CONST_TRUE => Kind::True,
            op::LOAD_CONST_FALSE => Kind::False,
            op::POP_TOP => Kind::PopTop,
            op::DUP_TOP => Kind::DupTop,
            op::DUP_TOP_TWO => Kind::DupTopTwo,
            op::ROT_TWO => Kind::RotTwo,
            op::ROT_THREE => Kind::RotThree,
            op::BINARY_OP_MULTI..=op::BINARY_OP_MULTI_LAST => Kind::BinaryOpMulti,
            op::JUMP => Kind::Jump,
            op::POP_JUMP_IF_TRUE | op::POP_JUMP_IF_FALSE => Kind::PopJump,
            op::JUMP_IF_TRUE_OR_POP | op::JUMP_IF_FALSE_OR_POP => Kind::JumpOrPop,
            op::LOAD_SUBSCR => Kind::LoadSubscr,
            op::STORE_SUBSCR => Kind::StoreSubscr,
            op::FOR_ITER => Kind::ForIter,
            op::LOAD_DEREF => Kind::LoadDeref,
            op::LOAD_NULL => Kind::LoadNull,
            op::LOAD_GLOBAL => Kind::LoadGlobal,
            op::LOAD_ATTR => Kind::LoadAttr,
            _ => Kind::Other,
        };
        opcode += 1;
    }
    table
};

/// The instruction kinds of [`KIND`] (an opcode range is one kind).
#[derive(Clone, Copy)]
#[repr(u8)]
enum Kind {
    Other,
    LoadFastMulti,
    StoreFastMulti,
    LoadFastN,
    StoreFastN,
    SmallIntMulti,
    SmallInt,
    None,
    True,
    False,
    PopTop,
    DupTop,
    DupTopTwo,
    RotTwo,
    RotThree,
    BinaryOpMulti,
    Jump,
    PopJump,
    JumpOrPop,
    LoadSubscr,
    StoreSubscr,
    ForIter,
    LoadDeref,
    LoadNull,
    LoadGlobal,
    LoadAttr,
}

fn jump_target(ip: usize, offset: i32) -> usize {
    (ip as i64 + i64::from(offset)).max(0) as usize
}

/// `a op b` for two small ints when the result needs no allocation and
/// cannot raise.
#[inline(always)]
fn small_int_binary(operator: u8, a: i32, b: i32) -> Option<Obj> {
    let fits = |value: i64| Obj::fits_small(value).then(|| Obj::small(value as i32));
    match operator {
        binary::LESS => Some(Obj::from_bool(a < b)),
        binary::MORE => Some(Obj::from_bool(a > b)),
        binary::EQUAL => Some(Obj::from_bool(a == b)),
        binary::LESS_EQUAL => Some(Obj::from_bool(a <= b)),
        binary::MORE_EQUAL => Some(Obj::from_bool(a >= b)),
        binary::NOT_EQUAL => Some(Obj::from_bool(a != b)),
        binary::INPLACE_ADD | binary::ADD => fits(i64::from(a) + i64::from(b)),
        binary::INPLACE_SUBTRACT | binary::SUBTRACT => fits(i64::from(a) - i64::from(b)),
        binary::INPLACE_MULTIPLY | binary::MULTIPLY => fits(i64::from(a) * i64::from(b)),
        binary::INPLACE_AND | binary::AND => Some(Obj::small(a & b)),
        binary::INPLACE_OR | binary::OR => Some(Obj::small(a | b)),
        binary::INPLACE_XOR | binary::XOR => Some(Obj::small(a ^ b)),
        binary::INPLACE_RSHIFT | binary::RSHIFT if b >= 0 => Some(Obj::small(a >> b.min(31))),
        binary::INPLACE_LSHIFT | binary::LSHIFT if (0..32).contains(&b) => fits(i64::from(a) << b),
        binary::INPLACE_FLOOR_DIVIDE | binary::FLOOR_DIVIDE if b != 0 => {
            let (a, b) = (i64::from(a), i64::from(b));
            let quotient = a / b;
            fits(if a % b != 0 && (a < 0) != (b < 0) { quotient - 1 } else { quotient })
        }
        binary::INPLACE_MODULO | binary::MODULO if b != 0 => {
            let remainder = a % b;
            Some(Obj::small(if remainder != 0 && (remainder < 0) != (b < 0) { remainder + b } else { remainder }))
        }
        _ => None,
    }
}

/// The truth of a value that needs no call: `None` for anything else.
#[inline(always)]
fn plain_truth(value: Obj) -> Option<bool> {
    match value {
        Obj::TRUE => Some(true),
        Obj::FALSE | Obj::NONE => Some(false),
        _ if value.is_small() => Some(value.small_value() != 0),
        _ => None,
    }
}

/// Runs frame-only instructions from `*ip` on, over the value slots in
/// `slots` (`n_state` of them), until one needs the general loop. `*ip` is
/// then at that instruction. `poll_countdown` is the VM's backward-jump
/// count until the next interrupt poll, which only the general loop does.
#[inline(always)]
pub(super) fn run(
    heap: &mut HeapBytes<'_>,
    slots_offset: usize,
    n_state: u32,
    code: &[u8],
    ip: &mut usize,
    sp: &mut u32,
    poll_countdown: &mut u32,
    caches: &NameCaches<'_>,
) {
    let mut slots = Slots { heap: heap.words(), base: slots_offset, last: n_state.wrapping_sub(1) };
    let mut at = *ip;
    let mut depth = *sp;
    macro_rules! push {
        ($value:expr) => {{
            let value = $value;
            slots.set(depth, value);
            depth = depth.wrapping_add(1);
        }};
    }
    loop {
        let Some(&opcode) = code.get(at) else { break };
        let mut next = at + 1;
        match KIND[usize::from(opcode)] {
            Kind::LoadFastMulti => {
                let value = slots.local(u32::from(opcode - op::LOAD_FAST_MULTI));
                if value.is_null() {
                    break;
                }
                push!(value);
            }
            Kind::StoreFastMulti => {
                depth = depth.wrapping_sub(1);
                let value = slots.get(depth);
                slots.set_local(u32::from(opcode - op::STORE_FAST_MULTI), value);
            }
            Kind::LoadFastN => {
                let value = slots.local(read_uint(code, &mut next));
                if value.is_null() {
                    break;
                }
                push!(value);
            }
            Kind::StoreFastN => {
                let index = read_uint(code, &mut next);
                depth = depth.wrapping_sub(1);
                let value = slots.get(depth);
                slots.set_local(index, value);
            }
            Kind::LoadDeref => {
                // A closed-over variable: word 1 of the cell in its local.
                let cell = slots.local(read_uint(code, &mut next));
                let Some(value) = slots.word(cell.0.wrapping_sub(HEAP_BASE).wrapping_add(4) as usize) else { break };
                if value == Obj::NULL.0 {
                    break;
                }
                push!(Obj(value));
            }
            Kind::LoadNull => push!(Obj::NULL),
            Kind::LoadGlobal => {
                let Some((value, operand_len)) = slots.load_global(caches, (code.as_ptr() as usize).wrapping_add(next))
                else {
                    break;
                };
                next += operand_len;
                push!(value);
            }
            Kind::LoadAttr => {
                let operand = (code.as_ptr() as usize).wrapping_add(next);
                let Some(value) = slots.load_attr(caches, operand, slots.get(depth.wrapping_sub(1))) else { break };
                read_uint(code, &mut next);
                slots.set(depth.wrapping_sub(1), value);
            }
            Kind::SmallIntMulti => {
                push!(Obj::small(i32::from(opcode) - i32::from(op::LOAD_CONST_SMALL_INT_MULTI_ZERO)));
            }
            Kind::SmallInt => push!(Obj::small(read_sint(code, &mut next))),
            Kind::None => push!(Obj::NONE),
            Kind::True => push!(Obj::TRUE),
            Kind::False => push!(Obj::FALSE),
            Kind::PopTop => depth = depth.wrapping_sub(1),
            Kind::DupTop => push!(slots.get(depth.wrapping_sub(1))),
            Kind::DupTopTwo => {
                let second = slots.get(depth.wrapping_sub(2));
                let first = slots.get(depth.wrapping_sub(1));
                push!(second);
                push!(first);
            }
            Kind::RotTwo => {
                let first = slots.get(depth.wrapping_sub(1));
                let second = slots.get(depth.wrapping_sub(2));
                slots.set(depth.wrapping_sub(1), second);
                slots.set(depth.wrapping_sub(2), first);
            }
            Kind::RotThree => {
                let top = slots.get(depth.wrapping_sub(1));
                let second = slots.get(depth.wrapping_sub(2));
                let third = slots.get(depth.wrapping_sub(3));
                slots.set(depth.wrapping_sub(1), second);
                slots.set(depth.wrapping_sub(2), third);
                slots.set(depth.wrapping_sub(3), top);
            }
            Kind::BinaryOpMulti => {
                let right = slots.get(depth.wrapping_sub(1));
                let left = slots.get(depth.wrapping_sub(2));
                let operator = opcode - op::BINARY_OP_MULTI;
                let result = if operator == binary::IS {
                    Obj::from_bool(left == right)
                } else if left.is_small() && right.is_small() {
                    match small_int_binary(operator, left.small_value(), right.small_value()) {
                        Some(result) => result,
                        None => break,
                    }
                } else if left.is_qstr() && right.is_qstr() && operator == binary::EQUAL {
                    // Interned strings are equal exactly when they are the same qstr.
                    Obj::from_bool(left == right)
                } else if left.is_qstr() && right.is_qstr() && operator == binary::NOT_EQUAL {
                    Obj::from_bool(left != right)
                } else {
                    break;
                };
                depth = depth.wrapping_sub(1);
                slots.set(depth.wrapping_sub(1), result);
            }
            Kind::Jump => {
                let offset = read_jump(code, &mut next, true);
                if offset < 0 {
                    // The general loop polls for interrupts when this reaches 0.
                    if *poll_countdown <= 1 {
                        break;
                    }
                    *poll_countdown -= 1;
                }
                next = jump_target(next, offset);
            }
            Kind::PopJump => {
                let offset = read_jump(code, &mut next, true);
                if offset < 0 && *poll_countdown <= 1 {
                    break;
                }
                let Some(truth) = plain_truth(slots.get(depth.wrapping_sub(1))) else { break };
                if offset < 0 {
                    *poll_countdown -= 1;
                }
                depth = depth.wrapping_sub(1);
                if truth == (opcode == op::POP_JUMP_IF_TRUE) {
                    next = jump_target(next, offset);
                }
            }
            Kind::JumpOrPop => {
                let offset = read_jump(code, &mut next, false);
                let Some(truth) = plain_truth(slots.get(depth.wrapping_sub(1))) else { break };
                if truth == (opcode == op::JUMP_IF_TRUE_OR_POP) {
                    next = jump_target(next, offset);
                } else {
                    depth = depth.wrapping_sub(1);
                }
            }
            Kind::LoadSubscr => {
                let index = slots.get(depth.wrapping_sub(1));
                if !index.is_small() {
                    break;
                }
                let Some((items, len)) = slots.items(slots.get(depth.wrapping_sub(2)), false) else { break };
                let Some(position) = small_index_position(index, len) else { break };
                let Some(item) = slots.word(items.wrapping_add(4 * position as usize)) else { break };
                depth = depth.wrapping_sub(1);
                slots.set(depth.wrapping_sub(1), Obj(item));
            }
            Kind::StoreSubscr => {
                let index = slots.get(depth.wrapping_sub(1));
                let value = slots.get(depth.wrapping_sub(3));
                // A NULL value is a deletion, which the general loop does.
                if !index.is_small() || value.is_null() {
                    break;
                }
                let Some((items, len)) = slots.items(slots.get(depth.wrapping_sub(2)), true) else { break };
                let Some(position) = small_index_position(index, len) else { break };
                let at = items.wrapping_add(4 * position as usize);
                if !slots.heap.set_word(at, value.0) {
                    break;
                }
                depth = depth.wrapping_sub(3);
            }
            Kind::ForIter if slots.get(depth.wrapping_sub(4)) == ITER_SEQ => {
                let offset = read_jump(code, &mut next, false);
                let position = slots.get(depth.wrapping_sub(2)).small_value() as u32;
                let Some((items, len)) = slots.items(slots.get(depth.wrapping_sub(3)), false) else { break };
                if position < len {
                    let Some(item) = slots.word(items.wrapping_add(4 * position as usize)) else { break };
                    slots.set(depth.wrapping_sub(2), Obj::small(position as i32 + 1));
                    push!(Obj(item));
                } else {
                    depth = depth.wrapping_sub(4);
                    next = jump_target(next, offset);
                }
            }
            Kind::ForIter => {
                if slots.get(depth.wrapping_sub(4)) != ITER_RANGE {
                    break;
                }
                let offset = read_jump(code, &mut next, false);
                let current = slots.get(depth.wrapping_sub(3)).small_value();
                let stop = slots.get(depth.wrapping_sub(2)).small_value();
                let step = slots.get(depth.wrapping_sub(1)).small_value();
                if (step > 0 && current < stop) || (step < 0 && current > stop) {
                    let following = (i64::from(current) + i64::from(step)).clamp(-(1 << 30), (1 << 30) - 1);
                    slots.set(depth.wrapping_sub(3), Obj::small(following as i32));
                    push!(Obj::small(current));
                } else {
                    depth = depth.wrapping_sub(4);
                    next = jump_target(next, offset);
                }
            }
            _ => break,
        }
        at = next;
    }
    *ip = at;
    *sp = depth;
}
