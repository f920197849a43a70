//! Generators: a generator owns a heap frame that the dispatch loop resumes
//! until it yields (`YIELD_VALUE`, `YIELD_FROM`) or returns.
//!
//! Layout (words): `type, frame, started`.

use super::frame::*;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

impl Vm<'_> {
    /// A generator over a frame made by `setup_frame`.
    pub fn new_generator(&mut self, frame: Obj) -> R<Obj> {
        let mark = self.root_mark();
        self.push_root(frame)?;
        let generator = self.alloc_typed(TypeId::Generator, 3)?;
        self.pop_roots(mark);
        self.set(generator, 1, frame);
        self.set(generator, 2, Obj::FALSE);
        Ok(generator)
    }

    /// Resumes a generator; `None` when it has finished.
    pub fn generator_next(&mut self, generator: Obj) -> R<Option<Obj>> {
        let frame = self.get(generator, 1);
        let flags = self.get_u(frame, F_FLAGS);
        if flags & FLAG_FINISHED != 0 {
            return Ok(None);
        }
        if flags & FLAG_RUNNING != 0 {
            return Err(self.raise_msg(TypeId::ValueError, "generator already executing"));
        }
        if self.call_depth >= self.config.max_call_depth || self.native_depth >= self.config.max_native_depth {
            return Err(self.raise_msg(TypeId::RuntimeError, "maximum recursion depth exceeded"));
        }
        if self.get(generator, 2) == Obj::TRUE {
            // Resuming after a yield: the yield expression's value is None.
            let sp = self.get_u(frame, F_SP);
            let base = state_base(self.get_u(frame, F_N_EXC));
            self.set(frame, base + sp, Obj::NONE);
            self.set_u(frame, F_SP, sp + 1);
        }
        self.set(generator, 2, Obj::TRUE);
        self.set_u(frame, F_FLAGS, flags | FLAG_RUNNING);
        self.generator_yielded = false;
        self.native_depth += 1;
        let result = self.run_frame(frame);
        self.native_depth -= 1;
        let yielded = core::mem::replace(&mut self.generator_yielded, false);
        let flags = self.get_u(frame, F_FLAGS) & !FLAG_RUNNING;
        match result {
            Ok(value) if yielded => {
                self.set_u(frame, F_FLAGS, flags);
                Ok(Some(value))
            }
            Ok(_) => {
                self.set_u(frame, F_FLAGS, flags | FLAG_FINISHED);
                Ok(None)
            }
            Err(raised) => {
                self.set_u(frame, F_FLAGS, flags | FLAG_FINISHED);
                if self.exception_matches(self.exc, TypeId::StopIteration.obj()) {
                    let _ = self.raise_msg(TypeId::RuntimeError, "generator raised StopIteration");
                }
                Err(raised)
            }
        }
    }
}
