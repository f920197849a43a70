//! Draining a generator into a new list or set without leaving its frame:
//! `list(x for x in …)`, `tuple(…)`, `set(…)` and `list.extend(…)` over a
//! generator. Resuming a generator for each item costs a nested dispatch
//! loop, its entry and exit, and the iterator protocol around it, several
//! hundred instructions an item. While a generator is drained, its frame's
//! `YIELD_VALUE` instead adds the value to the target itself and runs on,
//! so one dispatch loop serves every item.
//!
//! This changes nothing a program can see. The value is added at the
//! moment the consumer would have added it, before the generator runs on;
//! adding to a list runs no Python code, and a set takes the shortcut only
//! for values whose hash and equality are the VM's own (small ints and
//! strings), so no Python code runs while the generator is marked running.
//! Anything else, and an append that fails, takes the ordinary path: the
//! frame yields, and the drain loop adds the value and resumes it.

use super::frame::*;
use super::generator::{Resume, Step};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

impl Vm<'_> {
    /// Adds every item `iterator` gives to `target`, a list or a set (both
    /// rooted by the caller, as `iterator` is).
    pub fn drain_into(&mut self, target: Obj, iterator: Obj) -> R<()> {
        let is_list = self.native_type(target) == TypeId::List;
        if self.type_of(iterator) != TypeId::Generator.obj() {
            while let Some(item) = self.iter_next(iterator)? {
                self.add_to_sink(target, is_list, item)?;
            }
            return Ok(());
        }
        let frame = self.get(iterator, 1);
        // A generator drained by code that its own items run (a nested
        // `list(…)` inside the generator expression) has its own sink; the
        // outer one is back in place when the inner drain ends.
        let saved = (self.yield_sink_frame, self.yield_sink_target);
        self.yield_sink_frame = frame;
        self.yield_sink_target = target;
        let result = self.drain_generator(target, is_list, iterator);
        (self.yield_sink_frame, self.yield_sink_target) = saved;
        result
    }

    /// The resume loop of [`Vm::drain_into`] for a generator: only values
    /// the frame could not add itself come back here.
    fn drain_generator(&mut self, target: Obj, is_list: bool, generator: Obj) -> R<()> {
        loop {
            match self.generator_resume(generator, Resume::Send(Obj::NONE))? {
                Step::Yield(item) => self.add_to_sink(target, is_list, item)?,
                Step::Return(_) => return Ok(()),
            }
        }
    }

    fn add_to_sink(&mut self, target: Obj, is_list: bool, item: Obj) -> R<()> {
        if is_list {
            self.list_append(target, item)
        } else {
            self.set_add(target, item)
        }
    }

    /// Called by `YIELD_VALUE` in the frame being drained (its state saved):
    /// adds `value` to the sink and returns true, so the frame runs on as if
    /// resumed with None; false leaves the value to an ordinary yield.
    fn sink_yield(&mut self, value: Obj) -> bool {
        let target = self.yield_sink_target;
        let added = if self.native_type(target) == TypeId::List {
            self.list_append(target, value)
        } else if value.is_small() || value.is_qstr() || self.type_of(value) == TypeId::Str.obj() {
            self.set_add(target, value)
        } else {
            return false;
        };
        // A failed append (MemoryError) is raised again by the consumer's
        // own append after the ordinary yield, outside the generator.
        added.is_ok()
    }

    /// `YIELD_VALUE` in `frame` (its state saved; `is_entry` when it is the
    /// frame its dispatch loop began with): what the loop does next.
    #[inline(never)]
    pub(super) fn yield_value(&mut self, frame: Obj, is_entry: bool, value: Obj) -> AfterYield {
        if !is_entry || self.get_u(frame, F_FLAGS) & FLAG_GENERATOR == 0 {
            let _ = self.raise_msg(TypeId::RuntimeError, "yield outside generator");
            return AfterYield::Raised;
        }
        if frame == self.yield_sink_frame && self.sink_yield(value) {
            return AfterYield::RunOn;
        }
        self.generator_yielded = true;
        self.call_depth = self.call_depth.saturating_sub(1);
        AfterYield::Leave
    }
}

/// What the dispatch loop does after `YIELD_VALUE`.
pub(super) enum AfterYield {
    /// The value went into a drain's target: run on with None pushed.
    RunOn,
    /// Return the value from the loop: the generator is suspended.
    Leave,
    /// The exception in `Vm::exc` was raised.
    Raised,
}
