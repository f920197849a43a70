//! The bytecode assembler: opcodes, labels, the prelude and the line table.
//!
//! It follows MicroPython's bytecode emitter pass by pass, because the exact
//! bytes depend on it: the code generator walks each scope several times
//! ([`Pass`]) and this emitter tracks the stack depth, the label offsets and
//! the sizes. Jumps start as 3-byte instructions and shrink to 2 bytes once the
//! label offsets from the previous pass allow it; the final pass is repeated
//! until nothing changes size. qstrs, constant objects and child code objects
//! get their table indices on first use in *any* pass, which is what fixes
//! the order of the `.mpy` tables.
//!
//! Only the scope and stack-size passes walk the syntax tree. The stack-size
//! pass records its bytecode (every jump 3 bytes long) together with the
//! position of each jump, label and line change; the code-size and emit
//! passes are [`Emitter::replay`]s of that recording, which copy the bytes
//! between those marks and send the marks through the same functions a walk
//! would call, so they produce exactly the bytes of a full walk. The scope
//! pass writes no bytes at all.

use alloc::vec::Vec;

use rime_bytecode::opcode::{SIGNED_NARROW_BIAS, SIGNED_WIDE_BIAS};

use crate::fold::ConstObj;
use crate::scope::{IdKind, Scope, ScopeId, FLAG_IS_PARAM, SCOPE_FLAG_GENERATOR};

mod codes;

pub use crate::tables::ModuleTables;
pub use codes::{binary, op, unary};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pass {
    Scope,
    StackSize,
    CodeSize,
    Emit,
}

/// `break` out of a `for` loop is marked by this bit in the label.
pub const BREAK_FROM_FOR: u32 = 0x8000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdOp {
    Load,
    Store,
    Delete,
}

/// The result of the final pass over one scope.
#[derive(Clone, Debug, Default)]
pub struct EmittedCode {
    pub fun_data: Vec<u8>,
    pub children: Vec<ScopeId>,
}

/// A position-dependent event of the stack-size pass, replayed by the later
/// passes: everything between two marks is copied byte for byte.
#[derive(Clone, Copy, Debug)]
enum Mark {
    /// A jump written at `at` (3 bytes in the recorded layout).
    Jump { at: u32, opcode: u8, label: u32 },
    /// A label assigned at `at`.
    Label { at: u32, label: u32 },
    /// A new source line starting at `at`.
    Line { at: u32, line: u32 },
}

#[derive(Debug, Default)]
pub struct Emitter {
    pass: Option<Pass>,
    suppress: bool,
    stack_size: i32,
    /// Maximum stack depth seen so far in this scope (all passes).
    pub max_stack_size: u16,
    /// Scope flags set while emitting (the generator flag from `yield`).
    pub scope_flags: u16,
    last_source_line_offset: usize,
    last_source_line: u32,
    label_offsets: Vec<usize>,
    code_info: Vec<u8>,
    bytecode: Vec<u8>,
    code_info_size: usize,
    bytecode_size: usize,
    n_info: usize,
    n_cell: usize,
    overflow: bool,
    children: Vec<ScopeId>,
    /// Line numbers are not recorded at optimisation level 3.
    pub no_source_lines: bool,
    /// The bytecode of the stack-size pass, in which every jump is 3 bytes.
    recorded: Vec<u8>,
    /// The jumps, labels and lines of the stack-size pass, in order.
    marks: Vec<Mark>,
}

fn encode_uint(out: &mut Vec<u8>, value: u64) {
    let mut buffer = [0u8; 10];
    let mut position = buffer.len();
    let mut value = value;
    loop {
        position -= 1;
        buffer[position] = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            break;
        }
    }
    for index in position..buffer.len() {
        out.push(if index + 1 < buffer.len() { buffer[index] | 0x80 } else { buffer[index] });
    }
}

impl Emitter {
    pub fn new() -> Emitter {
        Emitter::default()
    }

    /// Resets the emitter for the next scope, keeping its buffers' memory.
    pub fn reset(&mut self, no_source_lines: bool) {
        let mut fresh = Emitter { no_source_lines, ..Emitter::default() };
        for (kept, old) in [
            (&mut fresh.code_info, &mut self.code_info),
            (&mut fresh.bytecode, &mut self.bytecode),
            (&mut fresh.recorded, &mut self.recorded),
        ] {
            *kept = core::mem::take(old);
            kept.clear();
        }
        fresh.label_offsets = core::mem::take(&mut self.label_offsets);
        fresh.label_offsets.clear();
        fresh.marks = core::mem::take(&mut self.marks);
        fresh.marks.clear();
        *self = fresh;
    }

    fn pass(&self) -> Pass {
        self.pass.unwrap_or(Pass::Scope)
    }

    pub fn start_pass(&mut self, pass: Pass, scope: &Scope, tables: &mut ModuleTables) {
        self.pass = Some(pass);
        self.stack_size = 0;
        // The scope pass only records identifiers, scopes and the order of
        // the qstr and constant tables, so no byte is written in it.
        self.suppress = pass == Pass::Scope;
        self.last_source_line_offset = 0;
        self.last_source_line = 1;
        self.code_info.clear();
        self.bytecode.clear();
        self.overflow = false;
        self.children.clear();
        if pass == Pass::StackSize {
            self.marks.clear();
        }
        self.max_stack_size = scope.stack_size;
        self.scope_flags = scope.scope_flags;

        let mut n_state = scope.num_locals as usize + scope.stack_size as usize;
        if n_state == 0 {
            n_state = 1;
        }
        let mut s = n_state - 1;
        let mut e = scope.exc_stack_size as usize;
        let mut f = (scope.scope_flags & 0x0f) as usize;
        let mut a = scope.num_pos_args as usize;
        let mut k = scope.num_kwonly_args as usize;
        let mut d = scope.num_def_pos_args as usize;
        let mut z = ((s & 0xf) << 3 | (e & 1) << 2 | (a & 3)) as u8;
        s >>= 4;
        e >>= 1;
        a >>= 2;
        while s | e | f | a | k | d != 0 {
            self.code_info.push(0x80 | z);
            z = ((f & 1) << 6 | (s & 3) << 4 | (k & 1) << 3 | (a & 1) << 2 | (e & 1) << 1 | (d & 1)) as u8;
            s >>= 2;
            e >>= 1;
            f >>= 1;
            a >>= 1;
            k >>= 1;
            d >>= 1;
        }
        self.code_info.push(z);

        if pass >= Pass::CodeSize {
            let mut i = self.n_info;
            let mut c = self.n_cell;
            loop {
                let mut byte = ((i & 0x3f) << 1 | (c & 1)) as u8;
                c >>= 1;
                i >>= 6;
                if c | i != 0 {
                    byte |= 0x80;
                }
                self.code_info.push(byte);
                if c | i == 0 {
                    break;
                }
            }
        }

        self.n_info = self.code_info.len();
        let name_index = tables.use_qstr(&scope.simple_name);
        encode_uint(&mut self.code_info, name_index as u64);
        for position in 0..(scope.num_pos_args as usize + scope.num_kwonly_args as usize) {
            let mut name = "*";
            for id in scope.ids.iter() {
                if id.flags & FLAG_IS_PARAM != 0 && id.local_num as usize == position {
                    name = &id.name;
                    break;
                }
            }
            let index = tables.use_qstr(name);
            encode_uint(&mut self.code_info, index as u64);
        }
    }

    /// Ends a pass; `Ok(None)` asks for another emit pass, `Ok(Some)` is the
    /// final code, and `Err` reports a jump too far to encode.
    pub fn end_pass(&mut self, scope: &Scope) -> Result<Option<EmittedCode>, ()> {
        let pass = self.pass();
        if pass == Pass::Scope {
            return Ok(Some(EmittedCode::default()));
        }
        self.n_info = self.code_info.len() - self.n_info;
        self.n_cell = 0;
        for id in scope.ids.iter() {
            if id.kind == IdKind::Cell {
                self.code_info.push(id.local_num as u8);
                self.n_cell += 1;
            }
        }
        match pass {
            Pass::StackSize => {
                // Kept for the later passes, which replay it (see `replay`).
                core::mem::swap(&mut self.recorded, &mut self.bytecode);
                Ok(None)
            }
            Pass::CodeSize => {
                self.code_info_size = self.code_info.len();
                self.bytecode_size = self.bytecode.len();
                Ok(None)
            }
            Pass::Emit => {
                if self.code_info.len() != self.code_info_size || self.bytecode.len() != self.bytecode_size {
                    self.code_info_size = self.code_info.len();
                    self.bytecode_size = self.bytecode.len();
                    return Ok(None);
                }
                if self.overflow {
                    return Err(());
                }
                let mut fun_data = Vec::with_capacity(self.code_info.len() + self.bytecode.len());
                fun_data.extend_from_slice(&self.code_info);
                fun_data.extend_from_slice(&self.bytecode);
                Ok(Some(EmittedCode { fun_data, children: self.children.clone() }))
            }
            _ => Ok(None),
        }
    }

    /// Runs the code-size or an emit pass without walking the syntax tree
    /// again: the stack-size pass recorded its bytecode and every jump, label
    /// and line change, and only those depend on the layout. The bytes in
    /// between are copied, and the marks go through the same functions as in
    /// a walk, so the output is exactly that of a full pass.
    pub fn replay(&mut self, pass: Pass, scope: &Scope, tables: &mut ModuleTables) -> Result<Option<EmittedCode>, ()> {
        let children = core::mem::take(&mut self.children);
        self.start_pass(pass, scope, tables);
        self.children = children;
        let recorded = core::mem::take(&mut self.recorded);
        let marks = core::mem::take(&mut self.marks);
        self.bytecode.reserve(recorded.len());
        let mut copied = 0usize;
        for mark in &marks {
            let at = match *mark {
                Mark::Jump { at, .. } | Mark::Label { at, .. } | Mark::Line { at, .. } => at as usize,
            };
            self.bytecode.extend_from_slice(&recorded[copied..at]);
            copied = at;
            match *mark {
                Mark::Jump { opcode, label, .. } => {
                    self.write_byte_label(0, opcode, label);
                    copied = at + 3;
                }
                Mark::Label { label, .. } => self.label_assign(label),
                Mark::Line { line, .. } => self.set_source_line(line),
            }
        }
        self.bytecode.extend_from_slice(&recorded[copied..]);
        self.recorded = recorded;
        self.marks = marks;
        self.end_pass(scope)
    }

    pub fn adjust_stack_size(&mut self, delta: i32) {
        if self.pass() == Pass::Scope {
            return;
        }
        self.stack_size += delta;
        if self.stack_size > self.max_stack_size as i32 {
            self.max_stack_size = self.stack_size as u16;
        }
    }

    pub fn set_source_line(&mut self, line: u32) {
        if self.no_source_lines {
            return;
        }
        if line > self.last_source_line {
            if self.pass == Some(Pass::StackSize) {
                self.marks.push(Mark::Line { at: self.bytecode.len() as u32, line });
            }
            let mut bytes_to_skip = self.bytecode.len() - self.last_source_line_offset;
            let mut lines_to_skip = (line - self.last_source_line) as usize;
            while bytes_to_skip > 0 || lines_to_skip > 0 {
                let (b, l);
                if lines_to_skip <= 6 || bytes_to_skip > 0xf {
                    b = bytes_to_skip.min(0x1f);
                    l = if b < bytes_to_skip { 0 } else { lines_to_skip.min(3) };
                    self.code_info.push((b | (l << 5)) as u8);
                } else {
                    b = bytes_to_skip.min(0xf);
                    l = lines_to_skip.min(0x7ff);
                    self.code_info.push((0x80 | b | ((l >> 4) & 0x70)) as u8);
                    self.code_info.push(l as u8);
                }
                bytes_to_skip -= b;
                lines_to_skip -= l;
            }
            self.last_source_line_offset = self.bytecode.len();
            self.last_source_line = line;
        }
    }

    fn write_byte(&mut self, stack_adjust: i32, byte: u8) {
        self.adjust_stack_size(stack_adjust);
        if !self.suppress {
            self.bytecode.push(byte);
        }
    }

    fn write_raw_byte(&mut self, byte: u8) {
        if !self.suppress {
            self.bytecode.push(byte);
        }
    }

    fn write_byte_uint(&mut self, stack_adjust: i32, byte: u8, value: u64) {
        self.write_byte(stack_adjust, byte);
        if !self.suppress {
            encode_uint(&mut self.bytecode, value);
        }
    }

    fn write_byte_qstr(&mut self, tables: &mut ModuleTables, stack_adjust: i32, byte: u8, name: &str) {
        let index = tables.use_qstr(name);
        self.write_byte_uint(stack_adjust, byte, index as u64);
    }

    fn write_byte_label(&mut self, stack_adjust: i32, byte: u8, label: u32) {
        self.adjust_stack_size(stack_adjust);
        if self.suppress {
            return;
        }
        if self.pass == Some(Pass::StackSize) {
            self.marks.push(Mark::Jump { at: self.bytecode.len() as u32, opcode: byte, label });
        }
        let is_signed = byte <= op::POP_JUMP_IF_FALSE;
        let mut encoding_size = 1usize;
        let mut offset: i64 = 0;
        if self.pass() >= Pass::CodeSize {
            let target = self.label_offsets.get(label as usize).copied().unwrap_or(0) as i64;
            offset = target - self.bytecode.len() as i64 - 2;
            if (is_signed && (-64..=63).contains(&offset)) || (!is_signed && (0..=127).contains(&offset)) {
                encoding_size = 0;
            }
            offset -= encoding_size as i64;
        }
        self.bytecode.push(byte);
        if encoding_size == 0 {
            if is_signed {
                offset += i64::from(SIGNED_NARROW_BIAS);
            }
            self.bytecode.push(offset as u8);
        } else {
            if is_signed {
                offset += i64::from(SIGNED_WIDE_BIAS);
            }
            if self.pass() == Pass::Emit && !(0..=0x7fff).contains(&offset) {
                self.overflow = true;
            }
            self.bytecode.push(0x80 | (offset & 0x7f) as u8);
            self.bytecode.push((offset >> 7) as u8);
        }
    }

    pub fn label_assign(&mut self, label: u32) {
        // The scope pass writes no bytes at all (see `start_pass`).
        if self.pass() == Pass::Scope {
            return;
        }
        self.suppress = false;
        if self.pass == Some(Pass::StackSize) {
            self.marks.push(Mark::Label { at: self.bytecode.len() as u32, label });
        }
        let index = label as usize;
        if self.label_offsets.len() <= index {
            self.label_offsets.resize(index + 1, 0);
        }
        self.label_offsets[index] = self.bytecode.len();
    }

    pub fn import_name(&mut self, tables: &mut ModuleTables, name: &str) {
        self.write_byte_qstr(tables, -1, op::IMPORT_NAME, name);
    }

    pub fn import_from(&mut self, tables: &mut ModuleTables, name: &str) {
        self.write_byte_qstr(tables, 1, op::IMPORT_FROM, name);
    }

    pub fn import_star(&mut self) {
        self.write_byte(-1, op::IMPORT_STAR);
    }

    pub fn load_const_none(&mut self) {
        self.write_byte(1, op::LOAD_CONST_NONE);
    }

    pub fn load_const_bool(&mut self, value: bool) {
        self.write_byte(1, if value { op::LOAD_CONST_TRUE } else { op::LOAD_CONST_FALSE });
    }

    pub fn load_const_small_int(&mut self, value: i64) {
        if (-16..48).contains(&value) {
            self.write_byte(1, (op::LOAD_CONST_SMALL_INT_MULTI as i64 + 16 + value) as u8);
            return;
        }
        self.write_byte(1, op::LOAD_CONST_SMALL_INT);
        let mut buffer = [0u8; 10];
        let mut position = buffer.len();
        let mut number = value;
        loop {
            position -= 1;
            buffer[position] = (number & 0x7f) as u8;
            number >>= 7;
            if number == 0 || number == -1 {
                break;
            }
        }
        if number == -1 && buffer[position] & 0x40 == 0 {
            position -= 1;
            buffer[position] = 0x7f;
        } else if number == 0 && buffer[position] & 0x40 != 0 {
            position -= 1;
            buffer[position] = 0;
        }
        for index in position..buffer.len() {
            let byte = if index + 1 < buffer.len() { buffer[index] | 0x80 } else { buffer[index] };
            self.write_raw_byte(byte);
        }
    }

    pub fn load_const_str(&mut self, tables: &mut ModuleTables, name: &str) {
        self.write_byte_qstr(tables, 1, op::LOAD_CONST_STRING, name);
    }

    pub fn load_const_obj(&mut self, tables: &mut ModuleTables, obj: &ConstObj) {
        let index = tables.use_object(obj);
        self.write_byte_uint(1, op::LOAD_CONST_OBJ, index as u64);
    }

    /// [`Self::load_const_obj`] for the value of the expression at `origin`
    /// (see [`ModuleTables::use_object_from`]).
    pub fn load_const_obj_from(&mut self, tables: &mut ModuleTables, obj: &ConstObj, origin: u32) {
        let index = tables.use_object_from(obj, origin);
        self.write_byte_uint(1, op::LOAD_CONST_OBJ, index as u64);
    }

    pub fn load_null(&mut self) {
        self.write_byte(1, op::LOAD_NULL);
    }

    pub fn load_fast(&mut self, local: u16) {
        if local <= 15 {
            self.write_byte(1, op::LOAD_FAST_MULTI + local as u8);
        } else {
            self.write_byte_uint(1, op::LOAD_FAST_N, local as u64);
        }
    }

    /// A load, store or delete of a local (`deref` for cells and free variables).
    pub fn local_op(&mut self, kind: IdOp, local: u16, deref: bool) {
        match kind {
            IdOp::Load => {
                if deref {
                    self.write_byte_uint(1, op::LOAD_DEREF, local as u64);
                } else {
                    self.load_fast(local);
                }
            }
            IdOp::Store => {
                if !deref && local <= 15 {
                    self.write_byte(-1, op::STORE_FAST_MULTI + local as u8);
                } else {
                    self.write_byte_uint(-1, if deref { op::STORE_DEREF } else { op::STORE_FAST_N }, local as u64);
                }
            }
            IdOp::Delete => {
                self.write_byte_uint(0, if deref { op::DELETE_DEREF } else { op::DELETE_FAST }, local as u64);
            }
        }
    }

    /// A load, store or delete by name (`global` for the `*_GLOBAL` forms).
    pub fn global_op(&mut self, tables: &mut ModuleTables, kind: IdOp, name: &str, global: bool) {
        let offset = global as u8;
        match kind {
            IdOp::Load => self.write_byte_qstr(tables, 1, op::LOAD_NAME + offset, name),
            IdOp::Store => self.write_byte_qstr(tables, -1, op::STORE_NAME + offset, name),
            IdOp::Delete => self.write_byte_qstr(tables, 0, op::DELETE_NAME + offset, name),
        }
    }

    pub fn load_method(&mut self, tables: &mut ModuleTables, name: &str, is_super: bool) {
        let stack_adjust = 1 - 2 * is_super as i32;
        self.write_byte_qstr(
            tables,
            stack_adjust,
            if is_super { op::LOAD_SUPER_METHOD } else { op::LOAD_METHOD },
            name,
        );
    }

    pub fn load_build_class(&mut self) {
        self.write_byte(1, op::LOAD_BUILD_CLASS);
    }

    pub fn subscr(&mut self, kind: IdOp) {
        match kind {
            IdOp::Load => self.write_byte(-1, op::LOAD_SUBSCR),
            IdOp::Store => self.write_byte(-3, op::STORE_SUBSCR),
            IdOp::Delete => {
                self.load_null();
                self.rot_three();
                self.write_byte(-3, op::STORE_SUBSCR);
            }
        }
    }

    pub fn attr(&mut self, tables: &mut ModuleTables, name: &str, kind: IdOp) {
        match kind {
            IdOp::Load => self.write_byte_qstr(tables, 0, op::LOAD_ATTR, name),
            IdOp::Store => self.write_byte_qstr(tables, -2, op::STORE_ATTR, name),
            IdOp::Delete => {
                self.load_null();
                self.rot_two();
                self.write_byte_qstr(tables, -2, op::STORE_ATTR, name);
            }
        }
    }

    pub fn dup_top(&mut self) {
        self.write_byte(1, op::DUP_TOP);
    }

    pub fn dup_top_two(&mut self) {
        self.write_byte(2, op::DUP_TOP_TWO);
    }

    pub fn pop_top(&mut self) {
        self.write_byte(-1, op::POP_TOP);
    }

    pub fn rot_two(&mut self) {
        self.write_byte(0, op::ROT_TWO);
    }

    pub fn rot_three(&mut self) {
        self.write_byte(0, op::ROT_THREE);
    }

    pub fn jump(&mut self, label: u32) {
        self.write_byte_label(0, op::JUMP, label);
        self.suppress = true;
    }

    pub fn pop_jump_if(&mut self, condition: bool, label: u32) {
        self.write_byte_label(-1, if condition { op::POP_JUMP_IF_TRUE } else { op::POP_JUMP_IF_FALSE }, label);
    }

    pub fn jump_if_or_pop(&mut self, condition: bool, label: u32) {
        self.write_byte_label(-1, if condition { op::JUMP_IF_TRUE_OR_POP } else { op::JUMP_IF_FALSE_OR_POP }, label);
    }

    pub fn unwind_jump(&mut self, label: u32, except_depth: u32) {
        let target = label & !BREAK_FROM_FOR;
        if except_depth == 0 {
            if label & BREAK_FROM_FOR != 0 {
                for _ in 0..4 {
                    self.write_raw_byte(op::POP_TOP);
                }
            }
            self.write_byte_label(0, op::JUMP, target);
        } else {
            self.write_byte_label(0, op::UNWIND_JUMP, target);
            let flag = if label & BREAK_FROM_FOR != 0 { 0x80 } else { 0 };
            self.write_raw_byte(flag | except_depth as u8);
        }
        self.suppress = true;
    }

    /// `SETUP_WITH`, `SETUP_EXCEPT` or `SETUP_FINALLY`.
    pub fn setup_block(&mut self, label: u32, opcode: u8) {
        let stack_adjust = if opcode == op::SETUP_WITH { 2 } else { 0 };
        self.write_byte_label(stack_adjust, opcode, label);
    }

    pub fn with_cleanup(&mut self, label: u32) {
        self.load_const_none();
        self.label_assign(label);
        self.write_byte(2, op::WITH_CLEANUP);
        self.adjust_stack_size(-4);
    }

    pub fn async_with_setup_finally(
        &mut self,
        tables: &mut ModuleTables,
        aexit_no_exc: u32,
        finally_block: u32,
        ret_unwind_jump: u32,
    ) {
        self.load_const_none();
        self.rot_two();
        self.jump(aexit_no_exc);
        self.label_assign(finally_block);
        self.dup_top();
        self.global_op(tables, IdOp::Load, "BaseException", true);
        self.binary_op(binary::EXCEPTION_MATCH);
        self.pop_jump_if(false, ret_unwind_jump);
    }

    pub fn end_finally(&mut self) {
        self.write_byte(-1, op::END_FINALLY);
    }

    pub fn get_iter(&mut self, use_stack: bool) {
        if use_stack {
            self.write_byte(3, op::GET_ITER_STACK);
        } else {
            self.write_byte(0, op::GET_ITER);
        }
    }

    pub fn for_iter(&mut self, label: u32) {
        self.write_byte_label(1, op::FOR_ITER, label);
    }

    pub fn for_iter_end(&mut self) {
        self.adjust_stack_size(-4);
    }

    pub fn pop_except_jump(&mut self, label: u32) {
        self.write_byte_label(0, op::POP_EXCEPT_JUMP, label);
        self.suppress = true;
    }

    pub fn unary_op(&mut self, operator: u8) {
        self.write_byte(0, op::UNARY_OP_MULTI + operator);
    }

    pub fn binary_op(&mut self, operator: u8) {
        let (operator, invert) = match operator {
            binary::NOT_IN => (binary::IN, true),
            binary::IS_NOT => (binary::IS, true),
            other => (other, false),
        };
        self.write_byte(-1, op::BINARY_OP_MULTI + operator);
        if invert {
            self.write_byte(0, op::UNARY_OP_MULTI + unary::NOT);
        }
    }

    /// `BUILD_TUPLE`, `BUILD_LIST`, `BUILD_MAP`, `BUILD_SET` or `BUILD_SLICE`.
    pub fn build(&mut self, opcode: u8, count: usize) {
        let stack_adjust = if opcode == op::BUILD_MAP { 1 } else { 1 - count as i32 };
        self.write_byte_uint(stack_adjust, opcode, count as u64);
    }

    pub fn store_map(&mut self) {
        self.write_byte(-2, op::STORE_MAP);
    }

    /// `kind`: 0 list, 1 dict, 2 set.
    pub fn store_comp(&mut self, kind: u8, collection_stack_index: usize) {
        let n = if kind == 1 { 1 } else { 0 };
        self.write_byte_uint(
            -1 - n as i32,
            op::STORE_COMP,
            (((collection_stack_index + n) << 2) | kind as usize) as u64,
        );
    }

    pub fn unpack_sequence(&mut self, count: usize) {
        self.write_byte_uint(-1 + count as i32, op::UNPACK_SEQUENCE, count as u64);
    }

    pub fn unpack_ex(&mut self, left: usize, right: usize) {
        self.write_byte_uint(-1 + left as i32 + right as i32 + 1, op::UNPACK_EX, (left | (right << 8)) as u64);
    }

    fn child_index(&mut self, child: ScopeId) -> u64 {
        self.children.push(child);
        (self.children.len() - 1) as u64
    }

    pub fn make_function(&mut self, child: ScopeId, has_defaults: bool) {
        let index = self.child_index(child);
        if has_defaults {
            self.write_byte_uint(-1, op::MAKE_FUNCTION_DEFARGS, index);
        } else {
            self.write_byte_uint(1, op::MAKE_FUNCTION, index);
        }
    }

    pub fn make_closure(&mut self, child: ScopeId, n_closed: usize, has_defaults: bool) {
        let index = self.child_index(child);
        if has_defaults {
            self.write_byte_uint(-2 - n_closed as i32 + 1, op::MAKE_CLOSURE_DEFARGS, index);
        } else {
            self.write_byte_uint(-(n_closed as i32) + 1, op::MAKE_CLOSURE, index);
        }
        self.write_raw_byte(n_closed as u8);
    }

    fn call_helper(&mut self, stack_adjust: i32, base: u8, n_positional: usize, n_keyword: usize, star: bool) {
        let operand = ((n_keyword << 8) | n_positional) as u64;
        if star {
            let adjust = stack_adjust - n_positional as i32 - 2 * n_keyword as i32 - 1;
            self.write_byte_uint(adjust, base + 1, operand);
        } else {
            let adjust = stack_adjust - n_positional as i32 - 2 * n_keyword as i32;
            self.write_byte_uint(adjust, base, operand);
        }
    }

    pub fn call_function(&mut self, n_positional: usize, n_keyword: usize, star: bool) {
        self.call_helper(0, op::CALL_FUNCTION, n_positional, n_keyword, star);
    }

    pub fn call_method(&mut self, n_positional: usize, n_keyword: usize, star: bool) {
        self.call_helper(-1, op::CALL_METHOD, n_positional, n_keyword, star);
    }

    pub fn return_value(&mut self) {
        self.write_byte(-1, op::RETURN_VALUE);
        self.suppress = true;
    }

    pub fn raise_varargs(&mut self, n_args: u8) {
        self.write_byte(-(n_args as i32), op::RAISE_LAST + n_args);
        self.suppress = true;
    }

    /// `YIELD_VALUE` (`from == false`) or `YIELD_FROM`.
    pub fn yield_op(&mut self, from: bool) {
        self.write_byte(-(from as i32), op::YIELD_VALUE + from as u8);
        self.scope_flags |= SCOPE_FLAG_GENERATOR;
    }

    pub fn start_except_handler(&mut self) {
        self.adjust_stack_size(4);
    }

    pub fn end_except_handler(&mut self) {
        self.adjust_stack_size(-3);
    }
}
