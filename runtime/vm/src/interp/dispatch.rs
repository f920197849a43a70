//! The dispatch loop: runs frames until the entry frame returns. Python
//! calls push a frame and continue here; returns pop it. Exceptions unwind
//! through the handler stack of each frame, adding a traceback entry per
//! frame, until a handler is found or the entry frame is left.

use super::call::Args;
use super::frame::*;
use crate::obj::{Obj, TypeId};
use crate::vm::{Raised, Vm, R};
use rime_bytecode::opcode::{binary, op, read_jump};
use rime_bytecode::varint::{read_sint, read_uint};
use rime_bytecode::Prelude;

/// The byte offset in the heap of word `index` of `frame`.
fn slot_offset(frame: Obj, index: u32) -> usize {
    frame.0.wrapping_sub(rime_bytecode::image::HEAP_BASE).wrapping_add(4 * index) as usize
}

fn target(ip: usize, offset: i32) -> usize {
    (ip as i64 + i64::from(offset)).max(0) as usize
}

use super::fast_ops::{ITER_RANGE, ITER_SEQ};
use crate::obj::walk::ITER_POSITION;

/// The dispatch loop's `ip` while a thrown exception waits to be raised at
/// a resumed generator's yield (past the end of any code).
const THROW_PENDING_IP: usize = usize::MAX;

/// What the loop does after an instruction raised.
enum Unwound {
    /// A handler in the current frame takes over.
    Handled,
    /// The entry frame was left with the exception.
    Left,
}

impl<'a> Vm<'a> {
    /// Runs `entry` (a frame made by `setup_frame`) to completion.
    pub fn run_frame(&mut self, entry: Obj) -> R<Obj> {
        let saved_frame = self.frame;
        let saved_handled = self.handled;
        self.set(entry, F_PREV, saved_frame);
        self.frame = entry;
        self.call_depth += 1;
        let root_base = self.root_mark();
        let result = self.dispatch(entry, root_base);
        self.pop_roots(root_base);
        self.frame = saved_frame;
        self.handled = saved_handled;
        result
    }

    /// The qstr id of entry `index` of a module's qstr table.
    pub fn module_qstr(&self, module: Obj, index: u32) -> u32 {
        let descriptor = self.get_u(module, 2);
        if super::ram_code::in_heap(descriptor) {
            return self.qstr_in_table(self.qstr_table_of(module), index);
        }
        self.image.module_qstr(descriptor, index)
    }

    fn module_const(&self, module: Obj, index: u32) -> Obj {
        self.module_object(module, index)
    }

    fn child_raw_code(&self, function: Obj, index: u32) -> u32 {
        self.raw_code_child(self.get_u(function, 2), index)
    }

    #[allow(clippy::too_many_lines, unused_assignments)]
    /// `root_base` is the root stack's height on entry: a handler that takes
    /// an exception truncates the stack to it, dropping whatever the raising
    /// instruction's native code had pushed.
    fn dispatch(&mut self, entry: Obj, root_base: usize) -> R<Obj> {
        let mut frame = entry;
        let mut function = self.get(frame, F_FUNCTION);
        let mut module = self.function_module(function);
        let mut code: &'a [u8] = self.function_code(function);
        let mut ip = self.get_u(frame, F_IP) as usize;
        let mut sp = self.get_u(frame, F_SP);
        let mut n_state = self.get_u(frame, F_N_STATE);
        // The frame's first value slot (its handler entries, 3 words each,
        // come before it: `state_base`), and that slot's byte offset in the
        // heap, through which the stack and the locals (local 0 is the last
        // slot) are read and written. Fewer values live across the loop
        // leave more registers to the inner loop.
        let mut base = state_base(self.get_u(frame, F_N_EXC));
        let mut slots = slot_offset(frame, base);
        let mut instruction_start;
        // The frames this loop called from, by call depth below `entry`.
        let mut callers: [Option<CallerContext<'a>>; CALLER_CONTEXTS] = [None; CALLER_CONTEXTS];
        let mut depth = 0usize;
        // A generator resumed by `throw` raises at its pending yield, before
        // running anything (the inner loop would run the instructions after
        // the yield, storing what was never sent): `ip` starts past any code,
        // which only the end-of-code check below looks at, and there the
        // frame's saved position is taken back. No flag stays live across
        // the loop, so the inner loop keeps its registers.
        if core::mem::take(&mut self.throw_pending) {
            ip = THROW_PENDING_IP;
        }

        macro_rules! slot {
            ($index:expr) => {
                slots.wrapping_add(4 * ($index) as usize)
            };
        }
        macro_rules! push {
            ($value:expr) => {{
                let value: Obj = $value;
                self.heap.set_word_at_offset(slot!(sp), value.0);
                sp += 1;
            }};
        }
        macro_rules! pop {
            () => {{
                sp = sp.wrapping_sub(1);
                Obj(self.heap.word_at_offset(slot!(sp)))
            }};
        }
        macro_rules! top {
            () => {
                Obj(self.heap.word_at_offset(slot!(sp.wrapping_sub(1))))
            };
        }
        macro_rules! peek {
            ($depth:expr) => {
                Obj(self.heap.word_at_offset(slot!(sp.wrapping_sub(1 + $depth))))
            };
        }
        macro_rules! set_top {
            ($value:expr) => {{
                let value: Obj = $value;
                self.heap.set_word_at_offset(slot!(sp.wrapping_sub(1)), value.0);
            }};
        }
        macro_rules! local {
            ($index:expr) => {
                base + n_state - 1 - ($index)
            };
        }
        macro_rules! get_local {
            ($index:expr) => {
                Obj(self.heap.word_at_offset(slot!(n_state - 1).wrapping_sub(4 * ($index) as usize)))
            };
        }
        macro_rules! set_local {
            ($index:expr, $value:expr) => {{
                let value: Obj = $value;
                self.heap.set_word_at_offset(slot!(n_state - 1).wrapping_sub(4 * ($index) as usize), value.0);
            }};
        }
        macro_rules! save {
            () => {{
                // F_SP follows F_IP: both words in one write.
                self.heap.set_word_pair_at_offset(slot_offset(frame, F_IP), ip as u32, sp);
            }};
        }
        macro_rules! load {
            () => {{
                // Frames are heap words; functions and modules may be anywhere.
                let header = slot_offset(frame, 0);
                function = Obj(self.heap.word_at_offset(header + 4 * F_FUNCTION as usize));
                module = self.function_module(function);
                code = self.function_code(function);
                load_frame_words!(header);
            }};
        }
        // `load!` for a frame this loop returns (or unwinds) into: what the
        // frame's function gives is taken from `callers` when its entry for
        // this depth still names that function (see `CallerContext`).
        macro_rules! load_caller {
            () => {{
                let header = slot_offset(frame, 0);
                function = Obj(self.heap.word_at_offset(header + 4 * F_FUNCTION as usize));
                if let Some(context) = callers[depth % CALLER_CONTEXTS].filter(|context| context.function == function) {
                    module = context.module;
                    code = context.code;
                } else {
                    module = self.function_module(function);
                    code = self.function_code(function);
                }
                load_frame_words!(header);
            }};
        }
        macro_rules! load_frame_words {
            ($header:expr) => {{
                let header = $header;
                ip = self.heap.word_at_offset(header + 4 * F_IP as usize) as usize;
                sp = self.heap.word_at_offset(header + 4 * F_SP as usize);
                n_state = self.heap.word_at_offset(header + 4 * F_N_STATE as usize);
                base = state_base(self.heap.word_at_offset(header + 4 * F_N_EXC as usize));
                slots = slot_offset(frame, base);
            }};
        }
        macro_rules! tri {
            ($label:lifetime, $result:expr) => {
                match $result {
                    Ok(value) => value,
                    Err(Raised) => {
                        // Raising is rare: the hint keeps the loop's
                        // registers for the paths that run.
                        core::hint::cold_path();
                        save!();
                        break $label;
                    }
                }
            };
        }
        // Leaves the current frame with `$returned`: returns from the loop
        // when it was the entry frame, else continues in the caller, which
        // gets the instance instead for an `__init__` the loop called.
        macro_rules! return_to_caller {
            ($label:lifetime, $returned:expr) => {{
                let returned = $returned;
                let init_call = self.heap.word(frame.0 + 4 * F_FLAGS) & FLAG_INIT != 0;
                match self.leave_frame(entry, &mut frame, returned) {
                    Some(result) => return Ok(result),
                    None => {
                        depth = depth.wrapping_sub(1);
                        load_caller!();
                        if init_call {
                            if !returned.is_none() {
                                let _ = self.init_returned_not_none(returned);
                                instruction_start = self.call_instruction_start(code, ip);
                                break $label;
                            }
                            let instance = self.get(frame, base + sp);
                            push!(instance);
                        } else {
                            push!(returned);
                        }
                    }
                }
            }};
        }
        // A name operand: its qstr id, from the operand cache when this
        // operand was decoded lately (see `Vm::qstr_operand_cache`).
        macro_rules! qstr_operand {
            () => {{
                let address = (code.as_ptr() as usize).wrapping_add(ip);
                let slot = (address >> 1) % crate::vm::QSTR_OPERAND_CACHE_SIZE;
                let entry = &self.qstr_operand_cache[slot];
                let (cached_address, cached_id) = entry.get();
                let index = read_uint(code, &mut ip);
                if cached_address == address {
                    Obj::qstr(cached_id)
                } else {
                    // The module's qstr table, only on a miss.
                    let id = self.qstr_in_table(self.qstr_table_of(module), index);
                    self.qstr_operand_cache[slot].set((address, id));
                    Obj::qstr(id)
                }
            }};
        }

        'dispatch: loop {
            'op: {
                if code.get(ip).is_some_and(|&opcode| super::fast_ops::STARTS_FAST[usize::from(opcode)]) {
                    super::fast_ops::run(
                        self.heap.all_bytes_mut(),
                        slots,
                        n_state,
                        code,
                        &mut ip,
                        &mut sp,
                        &mut self.interrupt_poll_countdown,
                        &super::fast_ops::NameCaches {
                            qstr_operands: &self.qstr_operand_cache,
                            lookups: &self.global_lookup_cache,
                            global_sites: &self.global_site_cache,
                            keys_version: self.dict_keys_version,
                            module,
                        },
                    );
                }
                instruction_start = ip;
                let Some(&opcode) = code.get(ip) else {
                    if ip == THROW_PENDING_IP {
                        ip = self.get_u(frame, F_IP) as usize;
                        instruction_start = ip;
                        break 'op;
                    }
                    let _ = self.raise_msg(TypeId::RuntimeError, "bytecode ran off the end");
                    save!();
                    break 'op;
                };
                ip += 1;
                match opcode {
                    op::LOAD_CONST_STRING => push!(qstr_operand!()),
                    op::LOAD_NAME => {
                        let name = qstr_operand!();
                        let locals = self.get(frame, F_LOCALS);
                        let value = tri!('op, self.load_name(locals, module, name));
                        push!(value);
                    }
                    op::LOAD_GLOBAL => {
                        let operand = (code.as_ptr() as usize).wrapping_add(ip);
                        if let Some((value, operand_len)) = self.cached_global(operand, module) {
                            ip += operand_len;
                            push!(value);
                            continue 'dispatch;
                        }
                        let name = qstr_operand!();
                        let operand_len = (code.as_ptr() as usize).wrapping_add(ip) - operand;
                        let value = tri!('op, self.load_global_at_site(operand, operand_len, module, name));
                        push!(value);
                    }
                    op::LOAD_ATTR => {
                        let name = qstr_operand!();
                        let obj = top!();
                        save!();
                        let value = tri!('op, self.load_attr(obj, name));
                        set_top!(value);
                    }
                    op::LOAD_METHOD => {
                        let name = qstr_operand!();
                        let obj = top!();
                        save!();
                        let (method, self_obj) = tri!('op, self.load_method(obj, name));
                        set_top!(method);
                        push!(self_obj);
                    }
                    op::LOAD_SUPER_METHOD => {
                        let name = qstr_operand!();
                        save!();
                        let self_obj = top!();
                        let class = peek!(1);
                        let (method, bound_self) = tri!('op, self.load_super_method(class, self_obj, name));
                        sp -= 1;
                        self.set(frame, base + sp - 2, method);
                        self.set(frame, base + sp - 1, bound_self);
                    }
                    op::STORE_NAME => {
                        let name = qstr_operand!();
                        let value = pop!();
                        save!();
                        let locals = self.get(frame, F_LOCALS);
                        tri!('op, self.store_name(locals, module, name, value));
                    }
                    op::STORE_GLOBAL => {
                        let name = qstr_operand!();
                        let value = pop!();
                        save!();
                        tri!('op, self.store_global(module, name, value));
                    }
                    op::STORE_ATTR => {
                        let name = qstr_operand!();
                        let obj = pop!();
                        let value = pop!();
                        save!();
                        tri!('op, self.store_attr(obj, name, value));
                    }
                    op::DELETE_NAME | op::DELETE_GLOBAL => {
                        let name = qstr_operand!();
                        let map =
                            if opcode == op::DELETE_NAME { self.get(frame, F_LOCALS) } else { self.get(module, 1) };
                        if tri!('op, self.map_remove(map, name)).is_none() {
                            let text = self.qstr_str_copy(name);
                            tri!('op, Err::<(), _>(
                                self.raise_fmt(TypeId::NameError, format_args!("name '{}' isn't defined", text.as_str()))
                            ));
                        }
                    }
                    op::IMPORT_NAME => {
                        let name = qstr_operand!();
                        let fromlist = pop!();
                        let level = top!();
                        save!();
                        let globals = self.get(module, 1);
                        let imported = tri!('op, self.import_name(name, fromlist, level, globals));
                        set_top!(imported);
                    }
                    op::IMPORT_FROM => {
                        let name = qstr_operand!();
                        let from = top!();
                        save!();
                        let value = tri!('op, self.import_from(from, name));
                        push!(value);
                    }
                    op::MAKE_CLOSURE | op::MAKE_CLOSURE_DEFARGS => {
                        let child = read_uint(code, &mut ip);
                        let n_closed = u32::from(code.get(ip).copied().unwrap_or(0));
                        ip += 1;
                        let extra = if opcode == op::MAKE_CLOSURE_DEFARGS { 2 } else { 0 };
                        let first = sp - n_closed - extra;
                        let mut cells = [Obj::NULL; 32];
                        let count = (n_closed as usize).min(32);
                        for index in 0..count {
                            cells[index] = self.get(frame, base + first + extra + index as u32);
                        }
                        let defaults = if opcode == op::MAKE_CLOSURE_DEFARGS {
                            Some((self.get(frame, base + first), self.get(frame, base + first + 1)))
                        } else {
                            None
                        };
                        save!();
                        let raw_code = self.child_raw_code(function, child);
                        let made = tri!('op, self.new_function(module, raw_code, defaults, &cells[..count]));
                        sp = first;
                        push!(made);
                    }
                    op::LOAD_CONST_SMALL_INT => push!(Obj::small(read_sint(code, &mut ip))),
                    op::LOAD_CONST_OBJ => {
                        let index = read_uint(code, &mut ip);
                        push!(self.module_const(module, index));
                    }
                    op::LOAD_FAST_N => {
                        let index = read_uint(code, &mut ip);
                        let value = get_local!(index);
                        if value.is_null() {
                            tri!('op, Err::<(), _>(self.unbound_local(function, index)));
                        }
                        push!(value);
                    }
                    op::LOAD_DEREF => {
                        let index = read_uint(code, &mut ip);
                        let cell = self.get(frame, local!(index));
                        let value = self.get(cell, 1);
                        if value.is_null() {
                            tri!('op, Err::<(), _>(self.unbound_local(function, index)));
                        }
                        push!(value);
                    }
                    op::STORE_FAST_N => {
                        let index = read_uint(code, &mut ip);
                        let value = pop!();
                        set_local!(index, value);
                    }
                    op::STORE_DEREF => {
                        let index = read_uint(code, &mut ip);
                        let value = pop!();
                        let cell = self.get(frame, local!(index));
                        self.set(cell, 1, value);
                    }
                    op::DELETE_FAST => {
                        let index = read_uint(code, &mut ip);
                        if self.get(frame, local!(index)).is_null() {
                            tri!('op, Err::<(), _>(self.unbound_local(function, index)));
                        }
                        self.set(frame, local!(index), Obj::NULL);
                    }
                    op::DELETE_DEREF => {
                        let index = read_uint(code, &mut ip);
                        let cell = self.get(frame, local!(index));
                        if self.get(cell, 1).is_null() {
                            tri!('op, Err::<(), _>(self.unbound_local(function, index)));
                        }
                        self.set(cell, 1, Obj::NULL);
                    }
                    op::BUILD_TUPLE | op::BUILD_LIST => {
                        let count = read_uint(code, &mut ip);
                        save!();
                        let made = if opcode == op::BUILD_TUPLE {
                            tri!('op, self.alloc_tuple(count as usize))
                        } else {
                            tri!('op, self.new_list(count as usize))
                        };
                        let first = sp - count;
                        for index in 0..count {
                            let item = self.get(frame, base + first + index);
                            if opcode == op::BUILD_TUPLE {
                                self.set(made, 2 + index, item);
                            } else {
                                self.list_set_item(made, index, item);
                            }
                        }
                        if opcode == op::BUILD_LIST {
                            self.set_u(made, 1, count);
                        }
                        sp = first;
                        push!(made);
                    }
                    op::BUILD_MAP => {
                        let count = read_uint(code, &mut ip);
                        save!();
                        let made = tri!('op, self.new_dict(count as usize));
                        push!(made);
                    }
                    op::BUILD_SET => {
                        let count = read_uint(code, &mut ip);
                        save!();
                        let made = tri!('op, self.new_map(TypeId::Set, count as usize));
                        push!(made);
                        save!();
                        for index in 0..count {
                            let item = self.get(frame, base + sp - 1 - count + index);
                            tri!('op, self.set_add(made, item));
                        }
                        sp -= count + 1;
                        push!(made);
                    }
                    op::BUILD_SLICE => {
                        let count = read_uint(code, &mut ip);
                        let step = if count == 3 { pop!() } else { Obj::NONE };
                        let stop = pop!();
                        let start = top!();
                        if code.get(ip) == Some(&op::LOAD_SUBSCR) {
                            // `seq[a:b]` on a list or tuple: no slice object.
                            let obj = peek!(1);
                            save!();
                            sp += 2;
                            let sliced = tri!('op, self.slice_of_parts(obj, start, stop, step));
                            sp -= 2;
                            if let Some(result) = sliced {
                                ip += 1;
                                sp -= 1;
                                set_top!(result);
                                continue 'dispatch;
                            }
                        } else if code.get(ip) == Some(&op::STORE_SUBSCR) {
                            // `list[a:b] = value`: no slice object either.
                            let list = peek!(1);
                            let value = peek!(2);
                            save!();
                            sp += 2;
                            let done = tri!('op, self.assign_slice_of_parts(list, [start, stop, step], value));
                            sp -= 2;
                            if done {
                                ip += 1;
                                sp -= 3;
                                continue 'dispatch;
                            }
                        }
                        save!();
                        sp += 2;
                        let made = tri!('op, self.new_slice(start, stop, step));
                        sp -= 2;
                        set_top!(made);
                    }
                    op::STORE_COMP => {
                        let operand = read_uint(code, &mut ip);
                        let collection = self.get(frame, base + sp - 1 - (operand >> 2));
                        save!();
                        match operand & 3 {
                            0 => {
                                let item = top!();
                                tri!('op, self.list_append(collection, item));
                                sp -= 1;
                            }
                            2 => {
                                let item = top!();
                                tri!('op, self.set_add(collection, item));
                                sp -= 1;
                            }
                            _ => {
                                let key = top!();
                                let value = peek!(1);
                                tri!('op, self.map_set(collection, key, value));
                                sp -= 2;
                            }
                        }
                    }
                    op::UNPACK_SEQUENCE => {
                        let count = read_uint(code, &mut ip);
                        let sequence = top!();
                        save!();
                        let mut items = [Obj::NULL; 64];
                        if count > 64 {
                            tri!('op, Err::<(), _>(self.raise_msg(TypeId::NotImplementedError, "unpacking more than 64 values")));
                        }
                        tri!('op, self.unpack_into(sequence, &mut items[..count as usize]));
                        sp -= 1;
                        for index in (0..count).rev() {
                            push!(items[index as usize]);
                        }
                    }
                    op::UNPACK_EX => {
                        let operand = read_uint(code, &mut ip);
                        let left = operand & 0xff;
                        let right = operand >> 8;
                        let sequence = top!();
                        save!();
                        let list = tri!('op, self.list_from_iterable(sequence));
                        let len = self.list_len(list);
                        if len < left + right {
                            tri!('op, Err::<(), _>(self.raise_fmt(
                                TypeId::ValueError,
                                format_args!("need more than {len} values to unpack")
                            )));
                        }
                        set_top!(list);
                        let mut items = [Obj::NULL; 64];
                        let total = (left + right + 1).min(64);
                        for index in 0..left.min(64) {
                            items[index as usize] = self.list_item(list, index);
                        }
                        for index in 0..right {
                            if let Some(slot) = items.get_mut((left + 1 + index) as usize) {
                                *slot = self.list_item(list, len - right + index);
                            }
                        }
                        // The middle stays in the list: drop the outer items from it.
                        for _ in 0..right {
                            let last = self.list_len(list) - 1;
                            self.list_remove_at(list, last);
                        }
                        for _ in 0..left {
                            self.list_remove_at(list, 0);
                        }
                        items[left as usize] = list;
                        sp -= 1;
                        for index in (0..total).rev() {
                            push!(items[index as usize]);
                        }
                    }
                    op::MAKE_FUNCTION | op::MAKE_FUNCTION_DEFARGS => {
                        let child = read_uint(code, &mut ip);
                        let raw_code = self.child_raw_code(function, child);
                        save!();
                        if opcode == op::MAKE_FUNCTION {
                            let made = tri!('op, self.make_function(module, raw_code, None));
                            push!(made);
                        } else {
                            let keyword = top!();
                            let positional = peek!(1);
                            let made = tri!('op, self.make_function(module, raw_code, Some((positional, keyword))));
                            sp -= 2;
                            push!(made);
                        }
                    }
                    op::CALL_FUNCTION..=op::CALL_METHOD_VAR_KW => {
                        let operand = read_uint(code, &mut ip);
                        let n_pos = operand & 0xff;
                        let n_kw = (operand >> 8) & 0xff;
                        let is_method = opcode == op::CALL_METHOD || opcode == op::CALL_METHOD_VAR_KW;
                        let var_kw = opcode == op::CALL_FUNCTION_VAR_KW || opcode == op::CALL_METHOD_VAR_KW;
                        let slots = n_pos + 2 * n_kw + u32::from(is_method) + 1 + u32::from(var_kw);
                        let first = sp - slots;
                        let callee = self.get(frame, base + first);
                        let mut self_obj = if is_method { self.get(frame, base + first + 1) } else { Obj::NULL };
                        let args_start = first + 1 + u32::from(is_method);
                        save!();
                        let (mut args, mut kw) = (
                            Args::Words(self.frame_slot_address(frame, base + args_start), n_pos),
                            Args::Words(self.frame_slot_address(frame, base + args_start + n_pos), 2 * n_kw),
                        );
                        if var_kw {
                            let (positional, keywords) =
                                tri!('op, self.expand_star_args(frame, base + args_start, n_pos, n_kw));
                            // Keep the expanded lists on the stack so they stay rooted.
                            self.set(frame, base + args_start, positional);
                            self.set(frame, base + args_start + 1, keywords);
                            sp = sp.max(args_start + 2);
                            save!();
                            args = Args::Words(self.get_u(positional, 3), self.list_len(positional));
                            kw = Args::Words(self.get_u(keywords, 3), self.list_len(keywords));
                        }
                        let mut callee = callee;
                        if !is_method || self_obj.is_null() {
                            self_obj = Obj::NULL;
                        }
                        let mut callee_type = self.native_type(callee);
                        if callee_type == TypeId::BoundMethod && self_obj.is_null() {
                            self_obj = self.get(callee, 1);
                            callee = self.get(callee, 2);
                            callee_type = self.native_type(callee);
                        }
                        let mut init_call = false;
                        if self_obj.is_null() && callee_type != TypeId::Function {
                            if self.is_class(callee) {
                                // `C(…)` of a plain class with a Python `__init__`: the
                                // instance replaces the class in the call's first slot
                                // (rooting it) and `__init__` runs on the frame stack.
                                if let Some(init) = self.plain_class_init(callee) {
                                    let instance = tri!('op, self.new_instance(callee, &[], &[]));
                                    let Some(init) = init else {
                                        // No `__init__`: the instance is the result.
                                        sp = first;
                                        push!(instance);
                                        continue 'dispatch;
                                    };
                                    self.set(frame, base + first, instance);
                                    self_obj = instance;
                                    callee = init;
                                    callee_type = TypeId::Function;
                                    init_call = true;
                                }
                            }
                            if !init_call {
                                // An instance whose class defines `__call__` in Python is called
                                // like a method, on the frame stack instead of the Rust stack.
                                let method = tri!('op, self.lookup_special(callee, q!("__call__")));
                                if let Some(method) = method.filter(|&each| self.native_type(each) == TypeId::Function)
                                {
                                    self_obj = callee;
                                    callee = method;
                                    callee_type = TypeId::Function;
                                }
                            }
                        }
                        if callee_type == TypeId::Function {
                            let self_arg = if self_obj.is_null() { None } else { Some(self_obj) };
                            let (new_frame, callee_code) =
                                tri!('op, self.setup_frame_and_code(callee, self_arg, args, kw));
                            if self.get_u(new_frame, F_FLAGS) & FLAG_GENERATOR != 0 {
                                let generator = tri!('op, self.new_generator(new_frame));
                                if init_call {
                                    // A generator `__init__` returns a generator, not None.
                                    tri!('op, Err::<(), _>(self.init_returned_not_none(generator)));
                                }
                                sp = first;
                                push!(generator);
                                continue 'dispatch;
                            }
                            if init_call {
                                self.set_u(new_frame, F_FLAGS, FLAG_INIT);
                            }
                            // The call's slots are popped when it returns.
                            self.set_u(frame, F_SP, first);
                            callers[depth % CALLER_CONTEXTS] = Some(CallerContext { function, module, code });
                            depth = depth.wrapping_add(1);
                            self.set(new_frame, F_PREV, frame);
                            frame = new_frame;
                            self.frame = frame;
                            self.call_depth += 1;
                            // `load!` with what the call already knows: the
                            // code. (The module's qstr table is worked out
                            // only when a name operand misses its cache.)
                            function = callee;
                            module = self.function_module(callee);
                            code = callee_code;
                            load_frame_words!(slot_offset(frame, 0));
                            continue 'dispatch;
                        }
                        let result = if self_obj.is_null() {
                            tri!('op, self.call_args(callee, args, kw))
                        } else {
                            tri!('op, self.call_with_self(callee, self_obj, args, kw))
                        };
                        sp = first;
                        push!(result);
                    }
                    op::UNWIND_JUMP => {
                        let offset = read_jump(code, &mut ip, true);
                        let destination = target(ip, offset);
                        let count = u32::from(code.get(ip).copied().unwrap_or(0));
                        ip += 1;
                        push!(Obj::small(destination as i32));
                        push!(Obj::small(count as i32));
                        match self.unwind_jump(frame, base, &mut sp, &mut ip) {
                            Ok(()) => {}
                            Err(Raised) => {
                                save!();
                                break 'op;
                            }
                        }
                    }
                    op::JUMP => {
                        let offset = read_jump(code, &mut ip, true);
                        if offset < 0 && self.interrupt_due() {
                            save!();
                            tri!('op, self.service_interrupt());
                        }
                        ip = target(ip, offset);
                    }
                    op::POP_JUMP_IF_TRUE | op::POP_JUMP_IF_FALSE => {
                        let offset = read_jump(code, &mut ip, true);
                        if offset < 0 && self.interrupt_due() {
                            save!();
                            tri!('op, self.service_interrupt());
                        }
                        let value = pop!();
                        let truth = match value {
                            Obj::TRUE => true,
                            Obj::FALSE | Obj::NONE => false,
                            _ => {
                                save!();
                                sp += 1;
                                let truth = tri!('op, self.truthy(value));
                                sp -= 1;
                                truth
                            }
                        };
                        if truth == (opcode == op::POP_JUMP_IF_TRUE) {
                            ip = target(ip, offset);
                        }
                    }
                    op::JUMP_IF_TRUE_OR_POP | op::JUMP_IF_FALSE_OR_POP => {
                        let offset = read_jump(code, &mut ip, false);
                        let value = top!();
                        save!();
                        let truth = tri!('op, self.truthy(value));
                        if truth == (opcode == op::JUMP_IF_TRUE_OR_POP) {
                            ip = target(ip, offset);
                        } else {
                            sp -= 1;
                        }
                    }
                    op::SETUP_WITH => {
                        let offset = read_jump(code, &mut ip, false);
                        let handler = target(ip, offset);
                        let manager = top!();
                        save!();
                        let exit_name = Obj::qstr(u32::from(rime_bytecode::qstr_runtime::qstr_id("__exit__")));
                        let enter_name = Obj::qstr(u32::from(rime_bytecode::qstr_runtime::qstr_id("__enter__")));
                        let (exit_method, exit_self) = tri!('op, self.load_method(manager, exit_name));
                        self.set(frame, base + sp - 1, exit_method);
                        push!(exit_self);
                        save!();
                        let (enter_method, enter_self) = tri!('op, self.load_method(manager, enter_name));
                        let entered = if enter_self.is_null() {
                            tri!('op, self.call(enter_method, &[], &[]))
                        } else {
                            tri!('op, self.call(enter_method, &[enter_self], &[]))
                        };
                        self.push_handler(frame, handler as u32, sp, true);
                        push!(entered);
                    }
                    op::SETUP_EXCEPT | op::SETUP_FINALLY => {
                        let offset = read_jump(code, &mut ip, false);
                        let handler = target(ip, offset);
                        if state_base(self.get_u(frame, F_EXC_SP)) >= base {
                            tri!('op, Err::<(), _>(self.raise_msg(TypeId::RuntimeError, "exception stack overflow")));
                        }
                        self.push_handler(frame, handler as u32, sp, opcode == op::SETUP_FINALLY);
                    }
                    op::POP_EXCEPT_JUMP => {
                        let offset = read_jump(code, &mut ip, false);
                        let ending_except = self.get_u(frame, F_IN_EXCEPT) != 0;
                        self.pop_handler(frame);
                        if ending_except {
                            // The except block is over: as in MicroPython, its
                            // exception stays only on the frame's handler stack,
                            // so it is garbage once no handler holds it.
                            self.handled = self.frame_handled(frame);
                        }
                        ip = target(ip, offset);
                    }
                    op::FOR_ITER => {
                        let offset = read_jump(code, &mut ip, false);
                        let marker = self.get(frame, base + sp - 4);
                        if marker == ITER_SEQ {
                            let sequence = self.get(frame, base + sp - 3);
                            let position = self.get(frame, base + sp - 2).small_value() as u32;
                            let items = self.seq_items(sequence).unwrap_or((0, 0));
                            if position < items.1 {
                                self.set(frame, base + sp - 2, Obj::small(position as i32 + 1));
                                push!(self.seq_item_at(items, position));
                            } else {
                                sp -= 4;
                                ip = target(ip, offset);
                            }
                        } else if marker == ITER_RANGE {
                            let current = self.get(frame, base + sp - 3).small_value();
                            let stop = self.get(frame, base + sp - 2).small_value();
                            let step = self.get(frame, base + sp - 1).small_value();
                            if (step > 0 && current < stop) || (step < 0 && current > stop) {
                                let next = (i64::from(current) + i64::from(step)).clamp(-(1 << 30), (1 << 30) - 1);
                                self.set(frame, base + sp - 3, Obj::small(next as i32));
                                push!(Obj::small(current));
                            } else {
                                sp -= 4;
                                ip = target(ip, offset);
                            }
                        } else {
                            let iterator = self.get(frame, base + sp - 3);
                            save!();
                            let next = if marker == ITER_POSITION {
                                self.step_by_position(frame, base + sp - 3)
                            } else {
                                self.for_iter_next(iterator)
                            };
                            match tri!('op, next) {
                                Some(item) => push!(item),
                                None => {
                                    sp -= 4;
                                    ip = target(ip, offset);
                                }
                            }
                        }
                    }
                    op::LOAD_CONST_FALSE => push!(Obj::FALSE),
                    op::LOAD_CONST_NONE => push!(Obj::NONE),
                    op::LOAD_CONST_TRUE => push!(Obj::TRUE),
                    op::LOAD_NULL => push!(Obj::NULL),
                    op::LOAD_BUILD_CLASS => push!(crate::builtins::build_class_obj()),
                    op::LOAD_SUBSCR => {
                        let index = top!();
                        let obj = peek!(1);
                        if let Some((items, position)) = self.small_index_item(obj, index) {
                            // An exact list or tuple and a small int index in range.
                            sp -= 1;
                            set_top!(Obj(self.word(items + 4 * position)));
                            continue 'dispatch;
                        }
                        save!();
                        let value = tri!('op, self.subscr_get(obj, index));
                        sp -= 1;
                        set_top!(value);
                    }
                    op::STORE_SUBSCR => {
                        let index = top!();
                        let obj = peek!(1);
                        let value = peek!(2);
                        if !value.is_null() && self.is_heap(obj) && self.get(obj, 0) == TypeId::List.obj() {
                            if let Some((items, position)) = self.small_index_item(obj, index) {
                                // An exact list and a small int index in range.
                                self.heap.set_word(items + 4 * position, value.0);
                                sp -= 3;
                                continue 'dispatch;
                            }
                        }
                        save!();
                        if value.is_null() {
                            tri!('op, self.subscr_delete(obj, index));
                        } else {
                            tri!('op, self.subscr_set(obj, index, value));
                        }
                        sp -= 3;
                    }
                    op::DUP_TOP => {
                        let value = top!();
                        push!(value);
                    }
                    op::DUP_TOP_TWO => {
                        let second = peek!(1);
                        let first = top!();
                        push!(second);
                        push!(first);
                    }
                    op::POP_TOP => sp -= 1,
                    op::ROT_TWO => {
                        let first = top!();
                        let second = peek!(1);
                        set_top!(second);
                        self.set(frame, base + sp - 2, first);
                    }
                    op::ROT_THREE => {
                        let top = top!();
                        let second = peek!(1);
                        let third = peek!(2);
                        set_top!(second);
                        self.set(frame, base + sp - 2, third);
                        self.set(frame, base + sp - 3, top);
                    }
                    op::WITH_CLEANUP => {
                        save!();
                        tri!('op, self.with_cleanup(frame, base, &mut sp));
                    }
                    op::END_FINALLY => {
                        self.pop_handler(frame);
                        let value = top!();
                        if value.is_none() {
                            sp -= 1;
                        } else if value.is_small() {
                            sp -= 1;
                            let cause = value.small_value();
                            if cause < 0 {
                                let returned = top!();
                                save!();
                                match self.unwind_return(frame, base, &mut sp, &mut ip, returned) {
                                    Some(()) => continue 'dispatch,
                                    None => return_to_caller!('op, returned),
                                }
                            } else {
                                push!(value);
                                if self.unwind_jump(frame, base, &mut sp, &mut ip).is_err() {
                                    save!();
                                    break 'op;
                                }
                            }
                        } else {
                            save!();
                            self.exc = value;
                            break 'op;
                        }
                    }
                    op::GET_ITER | op::GET_ITER_STACK => {
                        let obj = top!();
                        save!();
                        if opcode == op::GET_ITER {
                            let iterator = tri!('op, self.get_iter(obj));
                            set_top!(iterator);
                        } else {
                            let type_id = self.native_type(obj);
                            sp -= 1;
                            match type_id {
                                // Exact lists and tuples, and other collections walked by position (obj/walk.rs).
                                _ if self.walks_by_position(obj) => {
                                    push!(if matches!(type_id, TypeId::List | TypeId::Tuple) {
                                        ITER_SEQ
                                    } else {
                                        ITER_POSITION
                                    });
                                    push!(obj);
                                    push!(Obj::small(0));
                                    push!(Obj::NULL);
                                }
                                TypeId::Range => {
                                    push!(ITER_RANGE);
                                    push!(self.get(obj, 1));
                                    push!(self.get(obj, 2));
                                    push!(self.get(obj, 3));
                                }
                                _ => {
                                    push!(Obj::NULL);
                                    push!(obj);
                                    save!();
                                    let iterator = tri!('op, self.get_iter(obj));
                                    set_top!(iterator);
                                    push!(Obj::NULL);
                                    push!(Obj::NULL);
                                }
                            }
                        }
                    }
                    op::STORE_MAP => {
                        let key = top!();
                        let value = peek!(1);
                        let dict = peek!(2);
                        save!();
                        tri!('op, self.map_set(dict, key, value));
                        sp -= 2;
                    }
                    op::RETURN_VALUE => {
                        let returned = top!();
                        save!();
                        // Only a frame with handler entries can have a finally to run.
                        if base != state_base(0)
                            && self.unwind_return(frame, base, &mut sp, &mut ip, returned).is_some()
                        {
                            continue 'dispatch;
                        }
                        return_to_caller!('op, returned);
                    }
                    op::RAISE_LAST => {
                        save!();
                        let last = self.last_handled(frame);
                        if last.is_null() {
                            let _ = self.raise_msg(TypeId::RuntimeError, "no active exception to reraise");
                        } else {
                            self.exc = last;
                        }
                        break 'op;
                    }
                    op::RAISE_OBJ | op::RAISE_FROM => {
                        if opcode == op::RAISE_FROM {
                            // `raise X from Y`: MicroPython drops the cause, with a
                            // warning unless the cause is None.
                            let cause = pop!();
                            if !cause.is_none() {
                                self.port.write_stderr(b"Warning: exception chaining not supported\n");
                            }
                        }
                        let obj = top!();
                        save!();
                        let exc = tri!('op, self.make_raisable(obj));
                        self.exc = exc;
                        break 'op;
                    }
                    op::YIELD_VALUE => {
                        let value = pop!();
                        save!();
                        match self.yield_value(frame, frame == entry, value) {
                            // A drained generator runs on, resumed with None.
                            super::generator_drain::AfterYield::RunOn => push!(Obj::NONE),
                            super::generator_drain::AfterYield::Leave => return Ok(value),
                            super::generator_drain::AfterYield::Raised => break 'op,
                        }
                    }
                    op::YIELD_FROM => {
                        let sent = pop!();
                        let iterator = top!();
                        save!();
                        match tri!('op, self.yield_from_step(iterator, sent)) {
                            super::generator::Step::Yield(value) => {
                                if frame == entry && self.get_u(frame, F_FLAGS) & FLAG_GENERATOR != 0 {
                                    ip = instruction_start;
                                    save!();
                                    self.generator_yielded = true;
                                    self.call_depth = self.call_depth.saturating_sub(1);
                                    return Ok(value);
                                }
                                let _ = self.raise_msg(TypeId::RuntimeError, "yield outside generator");
                                break 'op;
                            }
                            super::generator::Step::Return(value) => set_top!(value),
                        }
                    }
                    op::IMPORT_STAR => {
                        let from = pop!();
                        save!();
                        sp += 1;
                        let locals = self.get(frame, F_LOCALS);
                        tri!('op, self.import_star(from, locals));
                        sp -= 1;
                    }
                    op::LOAD_CONST_SMALL_INT_MULTI..=op::LOAD_CONST_SMALL_INT_MULTI_LAST => {
                        push!(Obj::small(i32::from(opcode) - i32::from(op::LOAD_CONST_SMALL_INT_MULTI_ZERO)))
                    }
                    op::LOAD_FAST_MULTI..=op::LOAD_FAST_MULTI_LAST => {
                        let index = u32::from(opcode - op::LOAD_FAST_MULTI);
                        let value = get_local!(index);
                        if value.is_null() {
                            tri!('op, Err::<(), _>(self.unbound_local(function, index)));
                        }
                        push!(value);
                    }
                    op::STORE_FAST_MULTI..=op::STORE_FAST_MULTI_LAST => {
                        let value = pop!();
                        set_local!(u32::from(opcode - op::STORE_FAST_MULTI), value);
                    }
                    op::UNARY_OP_MULTI..=op::UNARY_OP_MULTI_LAST => {
                        let value = top!();
                        save!();
                        let result = tri!('op, self.unary_op(opcode - op::UNARY_OP_MULTI, value));
                        set_top!(result);
                    }
                    op::BINARY_OP_MULTI..=op::BINARY_OP_MULTI_LAST => {
                        let right = top!();
                        let left = peek!(1);
                        let operator = opcode - op::BINARY_OP_MULTI;
                        if left.is_small() && right.is_small() {
                            let (a, b) = (left.small_value(), right.small_value());
                            let fast = match operator {
                                binary::LESS => Some(Obj::from_bool(a < b)),
                                binary::MORE => Some(Obj::from_bool(a > b)),
                                binary::EQUAL => Some(Obj::from_bool(a == b)),
                                binary::LESS_EQUAL => Some(Obj::from_bool(a <= b)),
                                binary::MORE_EQUAL => Some(Obj::from_bool(a >= b)),
                                binary::NOT_EQUAL => Some(Obj::from_bool(a != b)),
                                binary::INPLACE_ADD | binary::ADD => {
                                    let sum = i64::from(a) + i64::from(b);
                                    Obj::fits_small(sum).then(|| Obj::small(sum as i32))
                                }
                                binary::INPLACE_SUBTRACT | binary::SUBTRACT => {
                                    let difference = i64::from(a) - i64::from(b);
                                    Obj::fits_small(difference).then(|| Obj::small(difference as i32))
                                }
                                _ => None,
                            };
                            if let Some(result) = fast {
                                sp -= 1;
                                set_top!(result);
                                continue 'dispatch;
                            }
                        }
                        if left.is_qstr() && right.is_qstr() && matches!(operator, binary::EQUAL | binary::NOT_EQUAL) {
                            // Interned strings are equal exactly when they are the same qstr.
                            sp -= 1;
                            set_top!(Obj::from_bool((left == right) == (operator == binary::EQUAL)));
                            continue 'dispatch;
                        }
                        if left.is_qstr()
                            && right.is_qstr()
                            && matches!(operator, binary::LESS | binary::MORE | binary::LESS_EQUAL | binary::MORE_EQUAL)
                        {
                            // Two interned strings order by their bytes.
                            let ordering = self.qstr_bytes(left.qstr_id()).cmp(self.qstr_bytes(right.qstr_id()));
                            sp -= 1;
                            set_top!(Obj::from_bool(crate::obj::num::compare_result(operator, ordering)));
                            continue 'dispatch;
                        }
                        save!();
                        // Floats (with a float or small int): the result may be a
                        // new float, allocated while both operands are still on
                        // the stack.
                        let result = match self.float_fast_binary(operator, left, right) {
                            Some(result) => tri!('op, result),
                            None => tri!('op, self.binary_op(operator, left, right)),
                        };
                        sp -= 1;
                        set_top!(result);
                    }
                    _ => {
                        save!();
                        let _ = self.raise_fmt(TypeId::RuntimeError, format_args!("unknown opcode 0x{opcode:02x}"));
                        break 'op;
                    }
                }
                continue 'dispatch;
            }
            // An exception was raised by the instruction at `instruction_start`.
            core::hint::cold_path();
            let mut skip_traceback = matches!(code.get(instruction_start), Some(&(op::END_FINALLY | op::RAISE_LAST)));
            loop {
                if !skip_traceback {
                    self.add_traceback(frame, function, module, instruction_start);
                }
                skip_traceback = false;
                match self.find_handler(frame, base, instruction_start) {
                    Unwound::Handled => {
                        self.pop_roots(root_base);
                        load!();
                        continue 'dispatch;
                    }
                    Unwound::Left => {
                        if frame == entry {
                            self.call_depth = self.call_depth.saturating_sub(1);
                            self.release_frame(frame);
                            return Err(Raised);
                        }
                        let previous = self.get(frame, F_PREV);
                        self.release_frame(frame);
                        self.call_depth = self.call_depth.saturating_sub(1);
                        frame = previous;
                        self.frame = frame;
                        depth = depth.wrapping_sub(1);
                        load_caller!();
                        instruction_start = self.call_instruction_start(code, ip);
                    }
                }
            }
        }
    }

    fn push_handler(&mut self, frame: Obj, handler: u32, sp: u32, finally: bool) {
        let depth = self.get_u(frame, F_EXC_SP);
        let in_except = self.get_u(frame, F_IN_EXCEPT);
        let entry = FRAME_HEADER + 3 * depth;
        self.set_u(frame, entry, handler);
        self.set_u(frame, entry + 1, (sp << 2) | (u32::from(finally) << 1) | in_except);
        self.set(frame, entry + 2, Obj::NULL);
        self.set_u(frame, F_EXC_SP, depth + 1);
        self.set_u(frame, F_IN_EXCEPT, 0);
    }

    fn pop_handler(&mut self, frame: Obj) {
        let depth = self.get_u(frame, F_EXC_SP);
        if depth == 0 {
            return;
        }
        let entry = FRAME_HEADER + 3 * (depth - 1);
        let saved = self.get_u(frame, entry + 1);
        self.set_u(frame, F_IN_EXCEPT, saved & 1);
        self.set_u(frame, F_EXC_SP, depth - 1);
    }

    /// The exception a bare `raise` re-raises.
    fn last_handled(&self, frame: Obj) -> Obj {
        let saved = self.frame_handled(frame);
        if saved.is_null() {
            self.handled
        } else {
            saved
        }
    }

    /// The exception the innermost active handler of `frame` caught, or NULL.
    fn frame_handled(&self, frame: Obj) -> Obj {
        let depth = self.get_u(frame, F_EXC_SP);
        for index in (0..depth).rev() {
            let saved = self.get(frame, FRAME_HEADER + 3 * index + 2);
            if !saved.is_null() {
                return saved;
            }
        }
        Obj::NULL
    }

    /// Looks for a handler of `self.exc` in `frame`; sets it up if found.
    fn find_handler(&mut self, frame: Obj, base: u32, raised_at: usize) -> Unwound {
        // As in MicroPython, a handler at or before the instruction that
        // raised is already running (a `with`'s `__exit__` or a `finally`
        // reached without an exception): it is left, not entered again.
        while self.get_u(frame, F_EXC_SP) > 0
            && (self.get_u(frame, F_IN_EXCEPT) != 0
                || self.get_u(frame, FRAME_HEADER + 3 * (self.get_u(frame, F_EXC_SP) - 1)) as usize <= raised_at)
        {
            self.pop_handler(frame);
        }
        let depth = self.get_u(frame, F_EXC_SP);
        if depth == 0 {
            return Unwound::Left;
        }
        let entry = FRAME_HEADER + 3 * (depth - 1);
        let handler = self.get_u(frame, entry);
        let saved_sp = self.get_u(frame, entry + 1) >> 2;
        let exc = self.exc;
        self.set(frame, entry + 2, exc);
        self.set_u(frame, F_IN_EXCEPT, 1);
        self.set(frame, base + saved_sp, exc);
        self.set_u(frame, F_SP, saved_sp + 1);
        self.set_u(frame, F_IP, handler);
        self.handled = exc;
        self.exc = Obj::NULL;
        Unwound::Handled
    }

    /// Adds `File "...", line N, in name` for the instruction at `offset`.
    fn add_traceback(&mut self, frame: Obj, function: Obj, module: Obj, offset: usize) {
        let exc = self.exc;
        if !self.is_heap(exc) || !self.is_exception(exc) {
            return;
        }
        let _ = frame;
        let code = self.function_code(function);
        let Ok(prelude) = Prelude::decode(code) else { return };
        let table = code.get(prelude.line_info.clone()).unwrap_or(&[]);
        let line = rime_bytecode::line_of_offset(table, offset.saturating_sub(prelude.code_start) as u32);
        let file = self.module_qstr(module, 0);
        let name = self.module_qstr(module, prelude.simple_name);
        let mark = self.root_mark();
        // Recorded even with the heap locked (see `Vm::building_exception`).
        let _ = self.building_exception(|vm| {
            let mut traceback = vm.get(exc, 2);
            if traceback.is_null() {
                traceback = vm.new_list(3)?;
                vm.set(exc, 2, traceback);
            }
            vm.push_root(traceback)?;
            vm.list_append(traceback, Obj::qstr(file))?;
            vm.list_append(traceback, Obj::small(line as i32))?;
            vm.list_append(traceback, Obj::qstr(name))
        });
        self.pop_roots(mark);
        self.exc = exc;
    }

    /// Runs pending finally blocks for `return`; `Some` when one was entered.
    fn unwind_return(&mut self, frame: Obj, base: u32, sp: &mut u32, ip: &mut usize, returned: Obj) -> Option<()> {
        loop {
            let depth = self.get_u(frame, F_EXC_SP);
            if depth == 0 {
                return None;
            }
            let entry = FRAME_HEADER + 3 * (depth - 1);
            let handler = self.get_u(frame, entry) as usize;
            let saved = self.get_u(frame, entry + 1);
            if saved & 2 != 0 {
                if handler >= *ip {
                    let finally_sp = saved >> 2;
                    self.set(frame, base + finally_sp, returned);
                    *sp = finally_sp + 1;
                    self.set(frame, base + *sp, Obj::small(-1));
                    *sp += 1;
                    *ip = handler;
                    self.set_u(frame, F_SP, *sp);
                    self.set_u(frame, F_IP, *ip as u32);
                    return Some(());
                }
                self.cancel_active_finally(frame, base, sp);
            }
            self.pop_handler(frame);
        }
    }

    fn cancel_active_finally(&mut self, frame: Obj, base: u32, sp: &mut u32) {
        let below = self.get(frame, base + *sp - 2);
        let top = self.get(frame, base + *sp - 1);
        if below.is_small() {
            self.set(frame, base + *sp - 3, top);
            *sp -= 2;
        } else {
            self.set(frame, base + *sp - 2, top);
            *sp -= 1;
        }
    }

    /// `UNWIND_JUMP` and its continuation from `END_FINALLY`. The stack ends
    /// with the destination and the (small int) handler count.
    fn unwind_jump(&mut self, frame: Obj, base: u32, sp: &mut u32, ip: &mut usize) -> R<()> {
        *sp -= 1;
        let mut count = self.get(frame, base + *sp).small_value() as u32;
        while count & 0x7f > 0 {
            count -= 1;
            let depth = self.get_u(frame, F_EXC_SP);
            if depth == 0 {
                break;
            }
            let entry = FRAME_HEADER + 3 * (depth - 1);
            let handler = self.get_u(frame, entry) as usize;
            let saved = self.get_u(frame, entry + 1);
            if saved & 2 != 0 {
                if handler >= *ip {
                    self.set(frame, base + *sp, Obj::small(count as i32));
                    *sp += 1;
                    *ip = handler;
                    return Ok(());
                }
                self.cancel_active_finally(frame, base, sp);
            }
            self.pop_handler(frame);
        }
        *sp -= 1;
        *ip = self.get(frame, base + *sp).small_value() as usize;
        if count != 0 {
            *sp -= 4;
        }
        Ok(())
    }

    /// `WITH_CLEANUP`: calls `__exit__` and arranges the stack for `END_FINALLY`.
    fn with_cleanup(&mut self, frame: Obj, base: u32, sp: &mut u32) -> R<()> {
        let top_index = base + *sp - 1;
        let top = self.get(frame, top_index);
        if top.is_none() {
            // (..., __exit__, self, None)
            let exit_method = self.get(frame, top_index - 2);
            let exit_self = self.get(frame, top_index - 1);
            self.call_exit(exit_method, exit_self, [Obj::NONE, Obj::NONE, Obj::NONE])?;
            self.set(frame, top_index - 2, Obj::NONE);
            *sp -= 2;
        } else if top.is_small() {
            // (..., __exit__, self, data, cause)
            let exit_method = self.get(frame, top_index - 3);
            let exit_self = self.get(frame, top_index - 2);
            let data = self.get(frame, top_index - 1);
            self.call_exit(exit_method, exit_self, [Obj::NONE, Obj::NONE, Obj::NONE])?;
            self.set(frame, top_index - 3, data);
            self.set(frame, top_index - 2, top);
            *sp -= 2;
        } else {
            // (..., __exit__, self, exception)
            let exit_method = self.get(frame, top_index - 2);
            let exit_self = self.get(frame, top_index - 1);
            let exc_type = self.type_of(top);
            let verdict = self.call_exit(exit_method, exit_self, [exc_type, top, Obj::NONE])?;
            if self.truthy(verdict)? {
                self.set(frame, top_index - 2, Obj::NONE);
            } else {
                self.set(frame, top_index - 2, top);
            }
            *sp -= 2;
        }
        Ok(())
    }

    fn call_exit(&mut self, method: Obj, self_obj: Obj, args: [Obj; 3]) -> R<Obj> {
        if self_obj.is_null() {
            self.call(method, &args, &[])
        } else {
            self.call(method, &[self_obj, args[0], args[1], args[2]], &[])
        }
    }
}
