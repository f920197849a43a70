//! Generators and coroutines: a generator owns a heap frame that the
//! dispatch loop resumes until it yields (`YIELD_VALUE`, `YIELD_FROM`) or
//! returns. This module implements the generator protocol on top of that:
//! `send`, `throw` and `close`, the return value carried by `StopIteration`,
//! and `yield from` delegation (which `await` compiles to), including
//! forwarding `send` and `throw` to the inner iterator.
//!
//! Layout (words): `type, frame, started, return value (or NULL)`; until
//! the generator finishes, word 3 holds the exception `pend_throw` left for
//! its next resumption (or NULL).

use super::frame::*;
use crate::builtins::{check_args, Handler};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::op;
use rime_bytecode::qstr_runtime::qstr_id;

/// How a generator left its frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// It yielded this value and can be resumed.
    Yield(Obj),
    /// It returned this value (None for a plain end) and is finished.
    Return(Obj),
}

/// How a generator is resumed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    /// The pending `yield` expression evaluates to this value.
    Send(Obj),
    /// The exception in `Vm::exc` is raised at the pending `yield`; the
    /// value is what `throw` was given, which a `yield from` passes as it
    /// is to an inner iterator's own `throw` method.
    Throw(Obj),
}

/// The generator methods.
pub static GENERATOR_METHODS: &[(u16, Handler)] = &[
    (qstr_id("send"), generator_send),
    (qstr_id("close"), generator_close),
    (qstr_id("throw"), generator_throw),
    (qstr_id("__next__"), generator_next_method),
    (qstr_id("pend_throw"), generator_pend_throw),
];

impl Vm<'_> {
    /// A generator over a frame made by `setup_frame`.
    pub fn new_generator(&mut self, frame: Obj) -> R<Obj> {
        let mark = self.root_mark();
        self.push_root(frame)?;
        let generator = self.alloc_typed(TypeId::Generator, 4)?;
        self.pop_roots(mark);
        self.set(generator, 1, frame);
        self.set(generator, 2, Obj::FALSE);
        self.set(generator, 3, Obj::NULL);
        Ok(generator)
    }

    /// Resumes a generator for `next()`; `None` when it has finished (its
    /// return value is kept for [`Vm::raise_stop_iteration`]).
    pub fn generator_next(&mut self, generator: Obj) -> R<Option<Obj>> {
        match self.generator_resume(generator, Resume::Send(Obj::NONE))? {
            Step::Yield(value) => Ok(Some(value)),
            Step::Return(_) => Ok(None),
        }
    }

    /// Whether the generator's frame has finished.
    pub fn generator_finished(&self, generator: Obj) -> bool {
        let frame = self.get(generator, 1);
        self.get_u(frame, F_FLAGS) & FLAG_FINISHED != 0
    }

    /// Raises `StopIteration` for an exhausted iterator, carrying a
    /// generator's return value the first time it is reported.
    pub fn raise_stop_iteration(&mut self, iterator: Obj) -> crate::vm::Raised {
        if self.native_type(iterator) == TypeId::Generator && self.type_of(iterator) == TypeId::Generator.obj() {
            let value = self.get(iterator, 3);
            self.set(iterator, 3, Obj::NULL);
            if !value.is_null() && !value.is_none() {
                return match self.new_exception(TypeId::StopIteration.obj(), &[value]) {
                    Ok(exc) => self.raise(exc),
                    Err(raised) => raised,
                };
            }
        }
        self.raise_type(TypeId::StopIteration)
    }

    /// Resumes a generator: the core of `next`, `send` and `throw`.
    pub fn generator_resume(&mut self, generator: Obj, how: Resume) -> R<Step> {
        let frame = self.get(generator, 1);
        let flags = self.get_u(frame, F_FLAGS);
        if flags & FLAG_FINISHED != 0 {
            if matches!(how, Resume::Throw(_)) {
                return Err(crate::vm::Raised);
            }
            return Ok(Step::Return(Obj::NONE));
        }
        if flags & FLAG_RUNNING != 0 {
            return Err(self.raise_msg(TypeId::ValueError, "generator already executing"));
        }
        if self.call_depth >= self.config.max_call_depth || self.native_depth >= self.config.max_native_depth {
            return Err(self.raise_msg(TypeId::RuntimeError, "maximum recursion depth exceeded"));
        }
        let pending = self.get(generator, 3);
        let how = match how {
            Resume::Send(_) if !pending.is_null() => {
                // `pend_throw` left an exception: it is thrown instead.
                let mark = self.root_mark();
                self.push_root(pending)?;
                self.set(generator, 3, Obj::NULL);
                // What cannot be raised makes a TypeError, thrown instead.
                let exc = match self.make_raisable(pending) {
                    Ok(exc) => exc,
                    Err(_) => self.exc,
                };
                self.pop_roots(mark);
                self.exc = exc;
                Resume::Throw(pending)
            }
            _ => how,
        };
        let started = self.get(generator, 2) == Obj::TRUE;
        if !started {
            match how {
                Resume::Send(value) if !value.is_none() => {
                    return Err(
                        self.raise_msg(TypeId::TypeError, "can't send non-None value to a just-started generator")
                    );
                }
                Resume::Throw(_) => {
                    // A generator that never ran finishes at once: the exception propagates.
                    self.set_u(frame, F_FLAGS, flags | FLAG_FINISHED);
                    return Err(crate::vm::Raised);
                }
                _ => {}
            }
        } else if let (Resume::Throw(thrown), Some(op::YIELD_FROM)) = (how, self.frame_code_at_ip(frame)) {
            return self.throw_into_delegate(generator, frame, thrown);
        } else if let Resume::Send(value) = how {
            let sp = self.get_u(frame, F_SP);
            let base = state_base(self.get_u(frame, F_N_EXC));
            self.set(frame, base + sp, value);
            self.set_u(frame, F_SP, sp + 1);
        }
        if !started {
            self.set(generator, 2, Obj::TRUE);
        }
        self.run_started_frame(generator, frame, flags, matches!(how, Resume::Throw(_)))
    }

    /// Runs the generator's frame until it yields, returns or raises.
    fn run_generator_frame(&mut self, generator: Obj, frame: Obj, throwing: bool) -> R<Step> {
        self.set(generator, 2, Obj::TRUE);
        self.run_started_frame(generator, frame, self.get_u(frame, F_FLAGS), throwing)
    }

    /// [`Vm::run_generator_frame`] once the generator is marked started and
    /// its frame's flags word (`flags`) is read: what every `next` runs.
    fn run_started_frame(&mut self, generator: Obj, frame: Obj, flags: u32, throwing: bool) -> R<Step> {
        self.set_u(frame, F_FLAGS, flags | FLAG_RUNNING);
        self.generator_yielded = false;
        self.throw_pending = throwing;
        self.native_depth += 1;
        let result = self.run_frame(frame);
        self.native_depth -= 1;
        self.throw_pending = false;
        let yielded = core::mem::replace(&mut self.generator_yielded, false);
        let flags = self.get_u(frame, F_FLAGS) & !FLAG_RUNNING;
        match result {
            Ok(value) if yielded => {
                self.set_u(frame, F_FLAGS, flags);
                Ok(Step::Yield(value))
            }
            Ok(value) => {
                self.set_u(frame, F_FLAGS, flags | FLAG_FINISHED);
                self.set(generator, 3, value);
                Ok(Step::Return(value))
            }
            Err(raised) => {
                self.set_u(frame, F_FLAGS, flags | FLAG_FINISHED);
                if self.exception_matches(self.exc, TypeId::StopIteration.obj()) {
                    return Err(self.raise_msg(TypeId::RuntimeError, "generator raised StopIteration"));
                }
                Err(raised)
            }
        }
    }

    /// The opcode at a suspended frame's saved instruction pointer.
    fn frame_code_at_ip(&self, frame: Obj) -> Option<u8> {
        let function = self.get(frame, F_FUNCTION);
        let code = self.function_code(function);
        code.get(self.get_u(frame, F_IP) as usize).copied()
    }

    /// `throw` into a generator suspended in `yield from`: the exception
    /// goes to the inner iterator first, as in CPython and MicroPython.
    fn throw_into_delegate(&mut self, generator: Obj, frame: Obj, thrown: Obj) -> R<Step> {
        let sp = self.get_u(frame, F_SP);
        let base = state_base(self.get_u(frame, F_N_EXC));
        let inner = self.get(frame, base + sp - 1);
        let exc = self.exc;
        let mark = self.root_mark();
        self.push_root(exc)?;
        self.push_root(thrown)?;
        let outcome = if self.type_of(inner) == TypeId::Generator.obj() {
            if self.exception_matches(exc, TypeId::GeneratorExit.obj()) {
                self.generator_close(inner).map(|_| None)
            } else {
                self.generator_resume(inner, Resume::Throw(thrown)).map(Some)
            }
        } else {
            let method =
                if self.exception_matches(exc, TypeId::GeneratorExit.obj()) { q!("close") } else { q!("throw") };
            match self.lookup_special(inner, method)? {
                Some(function) if method == q!("throw") => match self.call(function, &[inner, thrown], &[]) {
                    Ok(value) => Ok(Some(Step::Yield(value))),
                    Err(raised) => {
                        if self.exception_matches(self.exc, TypeId::StopIteration.obj()) {
                            let value = self.stop_iteration_value(self.exc);
                            self.exc = crate::obj::Obj::NULL;
                            Ok(Some(Step::Return(value)))
                        } else {
                            Err(raised)
                        }
                    }
                },
                Some(function) => self.call(function, &[inner], &[]).map(|_| None),
                None => Ok(None),
            }
        };
        self.pop_roots(mark);
        match outcome {
            // The inner iterator yielded: the outer generator stays suspended in `yield from`.
            Ok(Some(Step::Yield(value))) => Ok(Step::Yield(value)),
            // The inner iterator returned: `yield from` evaluates to its value.
            Ok(Some(Step::Return(value))) => {
                self.set(frame, base + sp - 1, value);
                let ip = self.get_u(frame, F_IP);
                self.set_u(frame, F_IP, ip + 1);
                self.run_generator_frame(generator, frame, false)
            }
            // The inner iterator was closed (or cannot take exceptions): raise in the outer one.
            Ok(None) => {
                self.exc = exc;
                self.run_generator_frame(generator, frame, true)
            }
            // The inner iterator raised: that exception continues in the outer one.
            Err(_) => self.run_generator_frame(generator, frame, true),
        }
    }

    /// The `value` of a StopIteration instance.
    pub fn stop_iteration_value(&self, exc: Obj) -> Obj {
        let args = self.exception_args(exc);
        if self.tuple_len(args) > 0 {
            self.tuple_item(args, 0)
        } else {
            Obj::NONE
        }
    }

    /// `generator.close()`: raises GeneratorExit at the pending yield.
    pub fn generator_close(&mut self, generator: Obj) -> R<()> {
        let frame = self.get(generator, 1);
        if self.get_u(frame, F_FLAGS) & FLAG_FINISHED != 0 {
            return Ok(());
        }
        if self.get(generator, 2) != Obj::TRUE {
            let flags = self.get_u(frame, F_FLAGS);
            self.set_u(frame, F_FLAGS, flags | FLAG_FINISHED);
            return Ok(());
        }
        let exc = self.new_exception(TypeId::GeneratorExit.obj(), &[])?;
        self.exc = exc;
        match self.generator_resume(generator, Resume::Throw(self.exc)) {
            Ok(Step::Yield(_)) => Err(self.raise_msg(TypeId::RuntimeError, "generator ignored GeneratorExit")),
            Ok(Step::Return(_)) => Ok(()),
            Err(raised) => {
                if self.exception_matches(self.exc, TypeId::GeneratorExit.obj())
                    || self.exception_matches(self.exc, TypeId::StopIteration.obj())
                {
                    self.exc = Obj::NULL;
                    Ok(())
                } else {
                    Err(raised)
                }
            }
        }
    }

    /// `yield from` one step: sends `sent` to `iterator`; `Yield` to pass a
    /// value out, `Return` with the result when the iterator is exhausted.
    pub fn yield_from_step(&mut self, iterator: Obj, sent: Obj) -> R<Step> {
        if self.type_of(iterator) == TypeId::Generator.obj() {
            return self.generator_resume(iterator, Resume::Send(sent));
        }
        if sent.is_none() {
            // A Python iterator's StopIteration carries the value of `yield from`.
            if self.is_class_instance(iterator) {
                if let Some(next) = self.lookup_special(iterator, q!("__next__"))? {
                    return self.stopping_call(next, &[iterator]);
                }
            }
            // A StopIteration raised inside a native iterator (a function
            // that `map` calls) ends `yield from` with its value, too.
            return match self.iter_next(iterator) {
                Ok(Some(value)) => Ok(Step::Yield(value)),
                Ok(None) => Ok(Step::Return(Obj::NONE)),
                Err(raised) => self.end_on_stop_iteration(raised),
            };
        }
        let Some(send) = self.lookup_special(iterator, q!("send"))? else {
            return Err(self.raise_msg(TypeId::TypeError, "object has no send method"));
        };
        self.stopping_call(send, &[iterator, sent])
    }

    /// Calls an iterator's `__next__` or `send`: its result is yielded, and
    /// a StopIteration it raises ends `yield from` with that exception's value.
    fn stopping_call(&mut self, method: Obj, args: &[Obj]) -> R<Step> {
        match self.call(method, args, &[]) {
            Ok(value) => Ok(Step::Yield(value)),
            Err(raised) => self.end_on_stop_iteration(raised),
        }
    }

    /// The raised exception again, unless it is a StopIteration: that one
    /// ends `yield from` with its value.
    fn end_on_stop_iteration(&mut self, raised: crate::vm::Raised) -> R<Step> {
        if !self.exception_matches(self.exc, TypeId::StopIteration.obj()) {
            return Err(raised);
        }
        let value = self.stop_iteration_value(self.exc);
        self.exc = Obj::NULL;
        Ok(Step::Return(value))
    }
}

/// Turns a generator step into the result of `send`/`throw`/`__next__`.
fn step_result(vm: &mut Vm<'_>, generator: Obj, step: Step) -> R<Obj> {
    match step {
        Step::Yield(value) => Ok(value),
        Step::Return(_) => Err(vm.raise_stop_iteration(generator)),
    }
}

fn generator_send(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let step = vm.generator_resume(args[0], Resume::Send(args[1]))?;
    step_result(vm, args[0], step)
}

fn generator_next_method(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let step = vm.generator_resume(args[0], Resume::Send(Obj::NONE))?;
    step_result(vm, args[0], step)
}

fn generator_throw(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 4)?;
    // As MicroPython's `throw(type, value, traceback)`: a value other than
    // None is what is thrown (in the standard case, an instance of `type`),
    // else `type`; the traceback is ignored.
    let thrown = if args.len() >= 3 && !args[2].is_none() { args[2] } else { args[1] };
    // What cannot be raised makes a TypeError, raised inside the generator.
    let exc = match vm.make_raisable(thrown) {
        Ok(exc) => exc,
        Err(_) => vm.exc,
    };
    vm.exc = exc;
    let step = vm.generator_resume(args[0], Resume::Throw(thrown))?;
    step_result(vm, args[0], step)
}

/// `pend_throw(exc)`, MicroPython's: `exc` is thrown into the generator
/// when it is next resumed by `next` or `send` (None cancels it); returns
/// the exception pending before.
fn generator_pend_throw(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let generator = args[0];
    let frame = vm.get(generator, 1);
    let flags = vm.get_u(frame, F_FLAGS);
    if flags & FLAG_RUNNING != 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "generator already executing"));
    }
    if flags & FLAG_FINISHED != 0 {
        // Word 3 is the return value now; nothing will be resumed.
        return Ok(Obj::NONE);
    }
    let previous = vm.get(generator, 3);
    vm.set(generator, 3, if args[1].is_none() { Obj::NULL } else { args[1] });
    Ok(if previous.is_null() { Obj::NONE } else { previous })
}

fn generator_close(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    vm.generator_close(args[0])?;
    Ok(Obj::NONE)
}
