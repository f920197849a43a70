//! Functions and calls: function objects, binding arguments to a new frame
//! (positional, defaults, keyword, keyword-only, `*args`, `**kwargs`, cells),
//! and calling any callable from native code.
//!
//! Layouts (words):
//! * function: `type, module, raw code address, (cell count << 2) | has defaults,
//!   [defaults tuple, keyword defaults dict], cell…`
//! * bound method: `type, self, function`
//! * frame: see `interp::frame`

use super::code_info::CodeInfo;
use super::frame::*;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::prelude::{SCOPE_FLAG_DEFKWARGS, SCOPE_FLAG_GENERATOR, SCOPE_FLAG_VARARGS, SCOPE_FLAG_VARKEYWORDS};
use rime_bytecode::Prelude;

/// Where call arguments are: a Rust slice, or words in memory.
#[derive(Clone, Copy)]
pub enum Args<'s> {
    Slice(&'s [Obj]),
    Words(u32, u32),
}

impl Args<'_> {
    pub fn len(&self) -> u32 {
        match self {
            Args::Slice(slice) => slice.len() as u32,
            Args::Words(_, count) => *count,
        }
    }

    pub fn get(&self, vm: &Vm<'_>, index: u32) -> Obj {
        match self {
            Args::Slice(slice) => slice.get(index as usize).copied().unwrap_or(Obj::NULL),
            Args::Words(address, _) => Obj(vm.word(address + 4 * index)),
        }
    }
}

const MAX_NATIVE_ARGS: usize = 32;
/// Positional arguments of a native call without keywords that
/// [`Vm::call_args`] passes from a short buffer.
const SHORT_NATIVE_ARGS: usize = 4;

impl<'a> Vm<'a> {
    /// A function object for raw code `raw_code` of `module`.
    pub fn new_function(&mut self, module: Obj, raw_code: u32, defaults: Option<(Obj, Obj)>, cells: &[Obj]) -> R<Obj> {
        let extra = if defaults.is_some() { 2 } else { 0 };
        let mark = self.root_mark();
        if let Some((positional, keyword)) = defaults {
            self.push_root(positional)?;
            self.push_root(keyword)?;
        }
        let function = self.alloc_typed(TypeId::Function, 4 + extra + cells.len())?;
        self.pop_roots(mark);
        self.set(function, 1, module);
        self.set_u(function, 2, raw_code);
        self.set_u(function, 3, ((cells.len() as u32) << 2) | u32::from(defaults.is_some()));
        if let Some((positional, keyword)) = defaults {
            self.set(function, 4, positional);
            self.set(function, 5, keyword);
        }
        for (index, cell) in cells.iter().enumerate() {
            self.set(function, 4 + extra as u32 + index as u32, *cell);
        }
        Ok(function)
    }

    /// The fun_data (prelude and bytecode) of a function, as an image slice.
    pub fn function_code(&self, function: Obj) -> &'a [u8] {
        self.code_info(self.get_u(function, 2)).code
    }

    /// The qstr id of a function's name.
    pub fn function_name(&self, function: Obj) -> u32 {
        let code = self.function_code(function);
        match Prelude::decode(code) {
            Ok(prelude) => {
                let module = self.function_module(function);
                self.module_qstr(module, prelude.simple_name)
            }
            Err(_) => 1,
        }
    }

    /// Calls any callable with positional arguments and flat keyword pairs.
    pub fn call(&mut self, function: Obj, args: &[Obj], kw: &[Obj]) -> R<Obj> {
        self.call_args(function, Args::Slice(args), Args::Slice(kw))
    }

    /// Calls any callable.
    pub fn call_args(&mut self, function: Obj, args: Args<'_>, kw: Args<'_>) -> R<Obj> {
        let type_id = self.native_type(function);
        match type_id {
            TypeId::Function => {
                if self.native_depth >= self.config.max_native_depth {
                    return Err(self.raise_msg(TypeId::RuntimeError, "maximum recursion depth exceeded"));
                }
                self.check_stack()?;
                let frame = self.setup_frame(function, None, args, kw)?;
                if frame_is_generator(self, frame) {
                    return self.new_generator(frame);
                }
                self.native_depth += 1;
                let result = self.run_frame(frame);
                self.native_depth -= 1;
                result
            }
            TypeId::BoundMethod => {
                let self_obj = self.get(function, 1);
                let inner = self.get(function, 2);
                self.call_with_self(inner, self_obj, args, kw)
            }
            _ if kw.len() == 0 && args.len() as usize <= SHORT_NATIVE_ARGS => {
                // The common native call (`len(x)`, `tuple(g)`): a short
                // buffer, not two of `MAX_NATIVE_ARGS` to clear.
                let mut buffer = [Obj::NULL; SHORT_NATIVE_ARGS];
                let count = args.len() as usize;
                for index in 0..count {
                    buffer[index] = args.get(self, index as u32);
                }
                self.call_native(function, &buffer[..count], &[])
            }
            _ => {
                let mut buffer = [Obj::NULL; MAX_NATIVE_ARGS];
                let mut kw_buffer = [Obj::NULL; MAX_NATIVE_ARGS];
                let count = args.len() as usize;
                let kw_count = kw.len() as usize;
                if count > MAX_NATIVE_ARGS || kw_count > MAX_NATIVE_ARGS {
                    return Err(self.raise_msg(TypeId::TypeError, "too many arguments"));
                }
                for index in 0..count {
                    buffer[index] = args.get(self, index as u32);
                }
                for index in 0..kw_count {
                    kw_buffer[index] = kw.get(self, index as u32);
                }
                self.call_native(function, &buffer[..count], &kw_buffer[..kw_count])
            }
        }
    }

    /// Calls `function` with `self_obj` prepended to the arguments.
    pub fn call_with_self(&mut self, function: Obj, self_obj: Obj, args: Args<'_>, kw: Args<'_>) -> R<Obj> {
        if self.native_type(function) == TypeId::Function {
            if self.native_depth >= self.config.max_native_depth {
                return Err(self.raise_msg(TypeId::RuntimeError, "maximum recursion depth exceeded"));
            }
            self.check_stack()?;
            let frame = self.setup_frame(function, Some(self_obj), args, kw)?;
            if frame_is_generator(self, frame) {
                return self.new_generator(frame);
            }
            self.native_depth += 1;
            let result = self.run_frame(frame);
            self.native_depth -= 1;
            return result;
        }
        let mut buffer = [Obj::NULL; MAX_NATIVE_ARGS];
        let mut kw_buffer = [Obj::NULL; MAX_NATIVE_ARGS];
        let count = args.len() as usize;
        let kw_count = kw.len() as usize;
        if count + 1 > MAX_NATIVE_ARGS || kw_count > MAX_NATIVE_ARGS {
            return Err(self.raise_msg(TypeId::TypeError, "too many arguments"));
        }
        buffer[0] = self_obj;
        for index in 0..count {
            buffer[index + 1] = args.get(self, index as u32);
        }
        for index in 0..kw_count {
            kw_buffer[index] = kw.get(self, index as u32);
        }
        self.call_native(function, &buffer[..count + 1], &kw_buffer[..kw_count])
    }

    /// Calls a callable that is not a bytecode function. The root stack is
    /// restored when it returns, so roots a native function left behind (on
    /// an early error return) cannot accumulate across calls.
    fn call_native(&mut self, function: Obj, args: &[Obj], kw: &[Obj]) -> R<Obj> {
        self.check_stack()?;
        self.root_scope(|vm| vm.call_native_unscoped(function, args, kw))
    }

    fn call_native_unscoped(&mut self, function: Obj, args: &[Obj], kw: &[Obj]) -> R<Obj> {
        if crate::obj::builtin_fn_parts(function).is_some() {
            return crate::builtins::call_builtin(self, function, args, kw);
        }
        if self.is_type(function) {
            return self.call_type(function, args, kw);
        }
        if let Some(method) = self.lookup_special(function, q!("__call__"))? {
            let mut buffer = [Obj::NULL; MAX_NATIVE_ARGS];
            if args.len() + 1 > MAX_NATIVE_ARGS {
                return Err(self.raise_msg(TypeId::TypeError, "too many arguments"));
            }
            buffer[0] = function;
            buffer[1..=args.len()].copy_from_slice(args);
            return self.call(method, &buffer[..=args.len()], kw);
        }
        Err(self.type_error_object(function, "isn't callable"))
    }

    /// `TypeError: f() takes 2 positional arguments but 3 were given`.
    fn positional_mismatch(&mut self, function: Obj, expected: u32, given: u32) -> crate::vm::Raised {
        let name = Obj::qstr(self.function_name(function));
        let text = self.qstr_str_copy(name);
        self.raise_fmt(
            TypeId::TypeError,
            format_args!("{}() takes {expected} positional arguments but {given} were given", text.as_str()),
        )
    }

    /// Makes a frame for `function` and binds the arguments to its locals.
    pub fn setup_frame(&mut self, function: Obj, self_obj: Option<Obj>, args: Args<'_>, kw: Args<'_>) -> R<Obj> {
        self.setup_frame_and_code(function, self_obj, args, kw).map(|(frame, _)| frame)
    }

    /// [`Vm::setup_frame`], also giving the function's code (its fun_data),
    /// which the dispatch loop runs next and would otherwise look up again.
    #[inline(always)]
    pub(crate) fn setup_frame_and_code(
        &mut self,
        function: Obj,
        self_obj: Option<Obj>,
        args: Args<'_>,
        kw: Args<'_>,
    ) -> R<(Obj, &'a [u8])> {
        if self.call_depth >= self.config.max_call_depth {
            return Err(self.raise_msg(TypeId::RuntimeError, "maximum recursion depth exceeded"));
        }
        let info = self.code_info(self.get_u(function, 2));
        let given = u32::from(self_obj.is_some()) + args.len();
        // Function word 3 is `cell count << 2 | has defaults`: no cells.
        if info.positional_only && kw.len() == 0 && given == u32::from(info.n_pos) && self.get_u(function, 3) < 4 {
            if let Some(frame) = self.setup_positional_frame(function, &info, self_obj, args) {
                return Ok((frame, info.code));
            }
        }
        let frame = self.setup_frame_other(function, &info, self_obj, args, kw)?;
        Ok((frame, info.code))
    }

    /// Every call the positional fast path does not take: a plain generator
    /// function called with exactly its positional parameters, or the
    /// general binding. Out of line, so the dispatch loop that inlines
    /// [`Vm::setup_frame_and_code`] holds one call here.
    #[inline(never)]
    fn setup_frame_other(
        &mut self,
        function: Obj,
        info: &CodeInfo<'_>,
        self_obj: Option<Obj>,
        args: Args<'_>,
        kw: Args<'_>,
    ) -> R<Obj> {
        if info.plain_generator && kw.len() == 0 {
            let cell_info = self.get_u(function, 3);
            let given = u32::from(self_obj.is_some()) + args.len();
            if given + (cell_info >> 2) == u32::from(info.n_pos) {
                return self.setup_plain_generator_frame(function, info, cell_info, self_obj, args);
            }
        }
        self.setup_frame_general(function, self_obj, args, kw)
    }

    /// A generator's frame (on the heap) when the call binds its positional
    /// parameters and nothing else: the function's closed-over cells (per
    /// `cell_info`, its word 3), then `self_obj`, then the arguments, as
    /// [`Vm::setup_frame_general`] binds them without decoding the prelude.
    fn setup_plain_generator_frame(
        &mut self,
        function: Obj,
        info: &CodeInfo<'_>,
        cell_info: u32,
        self_obj: Option<Obj>,
        args: Args<'_>,
    ) -> R<Obj> {
        let n_state = u32::from(info.n_state);
        let n_exc = u32::from(info.n_exc);
        let state = state_base(n_exc);
        let mark = self.root_mark();
        self.push_root(function)?;
        if let Some(self_obj) = self_obj {
            self.push_root(self_obj)?;
        }
        let frame = self.alloc_typed(TypeId::Frame, (state + n_state) as usize)?;
        self.pop_roots(mark);
        self.init_frame(frame, function, u32::from(info.code_start), (n_state, n_exc), FLAG_GENERATOR);
        // Local `i` is slot `state + n_state - 1 - i`.
        let mut local = state + n_state - 1;
        let cell_count = cell_info >> 2;
        let first_cell = if cell_info & 1 == 1 { 6 } else { 4 };
        for index in 0..cell_count {
            let cell = self.get(function, first_cell + index);
            self.set(frame, local, cell);
            local -= 1;
        }
        if let Some(self_obj) = self_obj {
            self.set(frame, local, self_obj);
            local -= 1;
        }
        for index in 0..args.len() {
            let value = args.get(self, index);
            self.set(frame, local - index, value);
        }
        Ok(frame)
    }

    /// Fills the header of a new frame (`n_state` value slots, `n_exc`
    /// handler entries) for `function` from `code_start` on, and makes every
    /// value slot NULL (unbound), written in one pass.
    fn init_frame(&mut self, frame: Obj, function: Obj, code_start: u32, (n_state, n_exc): (u32, u32), flags: u32) {
        self.set(frame, F_PREV, Obj::NULL);
        self.set(frame, F_FUNCTION, function);
        self.set_u(frame, F_IP, code_start);
        self.set_u(frame, F_SP, 0);
        self.set_u(frame, F_N_STATE, n_state);
        self.set_u(frame, F_N_EXC, n_exc);
        self.set_u(frame, F_EXC_SP, 0);
        self.set_u(frame, F_FLAGS, flags);
        let slots = self.heap.bytes_mut(frame.0 + 4 * state_base(n_exc), 4 * n_state as usize);
        for slot in slots.chunks_exact_mut(4) {
            slot.copy_from_slice(&Obj::NULL.0.to_le_bytes());
        }
    }

    /// The common call: exactly the positional parameters given, nothing
    /// else to bind, and room on the frame stack (so nothing allocates from
    /// the heap and nothing needs rooting). `None` when there is no room.
    fn setup_positional_frame(
        &mut self,
        function: Obj,
        info: &CodeInfo<'_>,
        self_obj: Option<Obj>,
        args: Args<'_>,
    ) -> Option<Obj> {
        let n_state = u32::from(info.n_state);
        let n_exc = u32::from(info.n_exc);
        let state = state_base(n_exc);
        let words = state + n_state;
        let (address, bytes) = self.heap.alloc_frame_unzeroed(words as usize * 4)?;
        // Header words not set here (depth, active handlers, flags, locals
        // dict, handled exception) and the handler entries are 0; every
        // value slot starts NULL (unbound). The header is made whole and
        // copied in one go.
        let mut header = [0u8; 4 * FRAME_HEADER as usize];
        for (index, value) in [
            (0, TypeId::Frame.addr()),
            (F_PREV, Obj::NULL.0),
            (F_FUNCTION, function.0),
            (F_IP, u32::from(info.code_start)),
            (F_N_STATE, n_state),
            (F_N_EXC, n_exc),
        ] {
            let at = 4 * index as usize;
            header[at..at + 4].copy_from_slice(&value.to_le_bytes());
        }
        let (header_bytes, rest) = bytes.split_at_mut(header.len().min(bytes.len()));
        if header_bytes.len() == header.len() {
            header_bytes.copy_from_slice(&header);
        }
        let (handlers, slots) = rest.split_at_mut((4 * 3 * n_exc as usize).min(rest.len()));
        // Most functions have no handler entries: no call to fill nothing.
        if !handlers.is_empty() {
            handlers.fill(0);
        }
        for word in slots.chunks_exact_mut(4) {
            word.copy_from_slice(&Obj::NULL.0.to_le_bytes());
        }
        // Local `i` is slot `n_state - 1 - i`: self, then the arguments.
        let last_local = address + 4 * (words - 1);
        let mut local = 0;
        if let Some(self_obj) = self_obj {
            self.heap.set_word(last_local, self_obj.0);
            local = 1;
        }
        for index in 0..args.len() {
            let value = match args {
                // The caller's value stack or a list's items: heap words.
                Args::Words(first, _) => self.heap.word(first + 4 * index),
                Args::Slice(_) => args.get(self, index).0,
            };
            self.heap.set_word(last_local - 4 * (local + index), value);
        }
        let frame = Obj(address);
        Some(frame)
    }

    /// Binds any call: defaults, keywords, keyword-only parameters,
    /// `*args`, `**kwargs`, cells, generators.
    fn setup_frame_general(&mut self, function: Obj, self_obj: Option<Obj>, args: Args<'_>, kw: Args<'_>) -> R<Obj> {
        let code = self.function_code(function);
        let Ok(prelude) = Prelude::decode(code) else {
            return Err(self.raise_msg(TypeId::RuntimeError, "corrupt bytecode prelude"));
        };
        let signature = prelude.signature;
        let n_state = signature.n_state.max(1);
        let n_exc = signature.n_exc_stack;
        let mark = self.root_mark();
        self.push_root(function)?;
        if let Some(self_obj) = self_obj {
            self.push_root(self_obj)?;
        }
        let is_generator = signature.scope_flags & SCOPE_FLAG_GENERATOR != 0;
        let frame = self.alloc_frame((FRAME_HEADER + 3 * n_exc + n_state) as usize, is_generator)?;
        self.push_root(frame)?;
        self.init_frame(frame, function, prelude.code_start as u32, (n_state, n_exc), 0);
        let state = state_base(n_exc);
        let local = |index: u32| state + n_state - 1 - index;

        let info = self.get_u(function, 3);
        let cell_count = info >> 2;
        let extra = if info & 1 == 1 { 2 } else { 0 };
        let (defaults, kw_defaults) =
            if info & 1 == 1 { (self.get(function, 4), self.get(function, 5)) } else { (Obj::NULL, Obj::NULL) };
        let n_pos = signature.n_pos_args;
        let n_kwonly = signature.n_kwonly_args;
        let flags = signature.scope_flags;

        // Positional: closed-over cells first, then self, then the arguments.
        let mut given = 0u32;
        let mut extra_positional = [0u32; 0];
        let _ = &mut extra_positional;
        let total_positional = cell_count + u32::from(self_obj.is_some()) + args.len();
        let varargs_slot = n_pos + n_kwonly;
        let mut varargs = Obj::NULL;
        if flags & SCOPE_FLAG_VARARGS != 0 {
            let overflow = total_positional.saturating_sub(n_pos) as usize;
            varargs = self.alloc_tuple(overflow)?;
            self.set(frame, local(varargs_slot), varargs);
        } else if total_positional > n_pos {
            self.abandon_frame(frame, mark);
            return Err(self.positional_mismatch(function, n_pos - cell_count, total_positional - cell_count));
        }
        // Without keywords, too few positional arguments are reported the
        // same way (MicroPython's fast path); with keywords, per argument below.
        let n_defaults = signature.n_def_pos_args;
        if kw.len() == 0 && flags & SCOPE_FLAG_DEFKWARGS == 0 && total_positional + n_defaults < n_pos {
            self.abandon_frame(frame, mark);
            return Err(self.positional_mismatch(
                function,
                n_pos - n_defaults - cell_count,
                total_positional - cell_count,
            ));
        }
        for index in 0..total_positional {
            let value = if index < cell_count {
                self.get(function, 4 + extra + index)
            } else if self_obj.is_some() && index == cell_count {
                self_obj.unwrap_or(Obj::NONE)
            } else {
                args.get(self, index - cell_count - u32::from(self_obj.is_some()))
            };
            if index < n_pos {
                self.set(frame, local(index), value);
                given += 1;
            } else {
                self.set(varargs, 2 + index - n_pos, value);
            }
        }

        // Keywords.
        let mut varkw = Obj::NULL;
        if flags & SCOPE_FLAG_VARKEYWORDS != 0 {
            varkw = self.new_dict(4)?;
            let slot = varargs_slot + u32::from(flags & SCOPE_FLAG_VARARGS != 0);
            self.set(frame, local(slot), varkw);
        }
        let module = self.function_module(function);
        let kw_count = kw.len() / 2;
        for pair in 0..kw_count {
            let name = kw.get(self, 2 * pair);
            let value = kw.get(self, 2 * pair + 1);
            let mut found = None;
            for (position, name_index) in prelude.arg_names(code).enumerate() {
                let arg_name = self.module_qstr(module, name_index);
                if Obj::qstr(arg_name) == name || (!name.is_qstr() && self.str_bytes(name) == self.qstr_bytes(arg_name))
                {
                    found = Some(position as u32);
                    break;
                }
            }
            match found {
                Some(position) if position >= cell_count => {
                    if !self.get(frame, local(position)).is_null() {
                        self.abandon_frame(frame, mark);
                        let text = self.qstr_str_copy(name);
                        return Err(self.raise_fmt(
                            TypeId::TypeError,
                            format_args!("function got multiple values for argument '{}'", text.as_str()),
                        ));
                    }
                    self.set(frame, local(position), value);
                }
                _ => {
                    if varkw.is_null() {
                        self.abandon_frame(frame, mark);
                        let text = self.qstr_str_copy(name);
                        return Err(self.raise_fmt(
                            TypeId::TypeError,
                            format_args!("unexpected keyword argument '{}'", text.as_str()),
                        ));
                    }
                    let key = self.intern(name)?;
                    self.map_set(varkw, key, value)?;
                }
            }
        }

        // Defaults for missing positional arguments.
        for index in given..n_pos {
            if !self.get(frame, local(index)).is_null() {
                continue;
            }
            let default_index = index as i64 - (n_pos - n_defaults) as i64;
            if default_index >= 0 && !defaults.is_null() && (default_index as u32) < self.tuple_len(defaults) {
                let value = self.tuple_item(defaults, default_index as u32);
                self.set(frame, local(index), value);
            } else {
                // MicroPython names the last missing one, by its index.
                let last_missing =
                    (given..n_pos).rev().find(|&each| self.get(frame, local(each)).is_null()).unwrap_or(index);
                self.abandon_frame(frame, mark);
                return Err(self.raise_fmt(
                    TypeId::TypeError,
                    format_args!("function missing required positional argument #{last_missing}"),
                ));
            }
        }
        // Keyword-only arguments.
        for index in n_pos..n_pos + n_kwonly {
            if !self.get(frame, local(index)).is_null() {
                continue;
            }
            let name_index = prelude.arg_names(code).nth(index as usize).unwrap_or(0);
            let name = Obj::qstr(self.module_qstr(module, name_index));
            let default = if kw_defaults.is_null() { None } else { self.map_get(kw_defaults, name)? };
            match default {
                Some(value) => self.set(frame, local(index), value),
                None if kw.len() == 0 => {
                    self.abandon_frame(frame, mark);
                    return Err(self.raise_msg(TypeId::TypeError, "function missing keyword-only argument"));
                }
                None => {
                    self.abandon_frame(frame, mark);
                    let text = self.qstr_str_copy(name);
                    return Err(self.raise_fmt(
                        TypeId::TypeError,
                        format_args!("function missing required keyword argument '{}'", text.as_str()),
                    ));
                }
            }
        }
        // Locals that become cells.
        for position in prelude.closure.clone() {
            let local_number = u32::from(code.get(position).copied().unwrap_or(0));
            let current = self.get(frame, local(local_number));
            let cell = self.new_cell(current)?;
            self.set(frame, local(local_number), cell);
        }
        if flags & SCOPE_FLAG_GENERATOR != 0 {
            self.set_u(frame, F_FLAGS, FLAG_GENERATOR);
        }
        self.pop_roots(mark);
        Ok(frame)
    }

    /// Whether the dispatch loop may make instances of `class` itself, and
    /// the `__init__` to run on them: `Some(Some(init))` for a Python
    /// function, `Some(None)` when the class has none (the arguments are then
    /// ignored, as MicroPython does), `None` when `call_type` must do it. The
    /// class must derive from no builtin type but `object` and have no
    /// `__new__` of its own (`call_type` makes a bare instance for such a
    /// class, then calls `__init__` with the arguments).
    pub fn plain_class_init(&mut self, class: Obj) -> Option<Option<Obj>> {
        let slot = (class.0 as usize >> 4) % crate::vm::CLASS_INIT_CACHE_SIZE;
        let (cached_class, version, init_entry) = self.class_init_cache[slot].get();
        if cached_class == class.0 && version == self.dict_keys_version {
            if init_entry == 0 {
                return Some(None);
            }
            // The entry is checked: its value may have been replaced.
            let (key, init) = self.map_entry(self.get(class, 3), init_entry - 1);
            if key == q!("__init__") && self.native_type(init) == TypeId::Function {
                return Some(Some(init));
            }
        }
        if self.native_type_of_type(class) != TypeId::Object {
            return None;
        }
        let init = self.class_lookup(class, q!("__init__"));
        if init.is_some_and(|init| self.native_type(init) != TypeId::Function) {
            return None;
        }
        if self.class_lookup(class, q!("__new__")).is_some_and(|new| self.native_type(new) == TypeId::Function) {
            return None;
        }
        self.remember_class_init(class, slot);
        Some(init)
    }

    /// Fills `class_init_cache[slot]` for `class` when its only base is
    /// `object` (whose methods never change) and its own dict lacks
    /// `__new__`: then nothing but a change of that dict's keys, which bumps
    /// the version once the dict is watched, can change what
    /// [`Vm::plain_class_init`] finds.
    fn remember_class_init(&mut self, class: Obj, slot: usize) {
        let bases = self.get(class, 2);
        let over_object = match self.tuple_len(bases) {
            0 => true,
            1 => self.tuple_item(bases, 0) == TypeId::Object.obj(),
            _ => false,
        };
        let dict = self.get(class, 3);
        if !self.is_heap(class) || !over_object || self.native_type(dict) != TypeId::Dict {
            return;
        }
        if self.map_find_qstr(dict, q!("__new__")).is_some() {
            return;
        }
        let init_entry = self.map_find_qstr(dict, q!("__init__")).map_or(0, |(entry, _)| entry + 1);
        self.map_watch_keys(dict);
        self.class_init_cache[slot].set((class.0, self.dict_keys_version, init_entry));
    }

    /// Empties `class_init_cache`.
    pub(crate) fn forget_class_inits(&self) {
        for entry in &self.class_init_cache {
            entry.set((0, 0, 0));
        }
    }

    /// `TypeError` for an `__init__` that returned `returned`, not None.
    pub fn init_returned_not_none(&mut self, returned: Obj) -> crate::vm::Raised {
        let type_name = self.type_name(returned);
        let type_text = self.qstr_str_copy(Obj::qstr(type_name));
        self.raise_fmt(TypeId::TypeError, format_args!("__init__() should return None, not '{}'", type_text.as_str()))
    }

    /// Drops a frame whose arguments could not be bound (it never ran) and
    /// the temporary roots down to `mark`, so it does not hold frame stack
    /// space until its caller returns.
    fn abandon_frame(&mut self, frame: Obj, mark: usize) {
        self.pop_roots(mark);
        self.free(frame);
    }

    /// A short copy of a str's text for messages.
    pub fn qstr_str_copy(&self, text: Obj) -> ShortText {
        let bytes = self.str_bytes(text);
        let mut short = ShortText { bytes: [0; 48], len: 0 };
        let len = bytes.len().min(48);
        short.bytes[..len].copy_from_slice(&bytes[..len]);
        short.len = len;
        short
    }
}

/// Up to 48 bytes of text, for error messages.
pub struct ShortText {
    bytes: [u8; 48],
    len: usize,
}

impl ShortText {
    pub fn as_str(&self) -> &str {
        match core::str::from_utf8(&self.bytes[..self.len]) {
            Ok(text) => text,
            Err(error) => core::str::from_utf8(&self.bytes[..error.valid_up_to()]).unwrap_or(""),
        }
    }
}

fn frame_is_generator(vm: &Vm<'_>, frame: Obj) -> bool {
    vm.get_u(frame, F_FLAGS) & FLAG_GENERATOR != 0
}
