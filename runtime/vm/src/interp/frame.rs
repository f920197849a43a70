//! Frame layout and allocation. Frames live in the VM's memory, not on the
//! Rust stack, so Python calls do not nest there and the collector sees
//! every live value by scanning them.
//!
//! Words: `type, previous frame, function, ip (offset in fun_data), stack
//! depth, n_state, n_exc, active handlers, flags, locals dict, handled
//! exception`, then `n_exc` handler entries of three words (`handler offset,
//! saved depth << 2 | finally << 1 | was in except, saved exception`), then
//! `n_state` value slots. As in MicroPython the value stack grows up from
//! slot 0 and local `i` is slot `n_state − 1 − i`.
//!
//! A frame lives on the heap's frame stack (pushed on call, popped on
//! return, see `gc`) unless it belongs to a generator, which must outlive
//! its call, or the frame stack is full; those frames are heap objects,
//! freed on return or collected.

use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

pub const F_PREV: u32 = 1;
pub const F_FUNCTION: u32 = 2;
pub const F_IP: u32 = 3;
pub const F_SP: u32 = 4;
pub const F_N_STATE: u32 = 5;
pub const F_N_EXC: u32 = 6;
pub const F_EXC_SP: u32 = 7;
pub const F_FLAGS: u32 = 8;
pub const F_LOCALS: u32 = 9;
pub const F_IN_EXCEPT: u32 = 10;
pub const FRAME_HEADER: u32 = 11;

/// The frame belongs to a generator: it is not freed on return.
pub const FLAG_GENERATOR: u32 = 1;
/// The generator has finished.
pub const FLAG_FINISHED: u32 = 2;
/// The frame is running (a generator cannot be resumed from inside itself).
pub const FLAG_RUNNING: u32 = 4;
/// The frame runs `__init__` for an instance that the dispatch loop made
/// (`C(…)` of a plain class): the caller's call slot holds the instance,
/// which is the call's result once `__init__` has returned None.
pub const FLAG_INIT: u32 = 8;

/// The word index of value slot 0.
pub const fn state_base(n_exc: u32) -> u32 {
    FRAME_HEADER + 3 * n_exc
}

impl Vm<'_> {
    /// A zeroed frame of `words` words whose word 0 is the frame type: on the
    /// frame stack, or from the heap for a generator or when the stack is full.
    pub fn alloc_frame(&mut self, words: usize, generator: bool) -> R<Obj> {
        if !generator {
            if let Some(address) = self.heap.alloc_frame(words * 4) {
                let frame = Obj(address);
                self.set_u(frame, 0, TypeId::Frame.addr());
                return Ok(frame);
            }
        }
        self.alloc_typed(TypeId::Frame, words)
    }
}

/// What the dispatch loop works out from a frame's function (its module
/// and the bytecode), remembered when the frame
/// calls another Python function so that the return does not work it out
/// again. The loop keeps one per call depth modulo [`CALLER_CONTEXTS`],
/// written by every call it makes and read only when it returns or unwinds
/// into a frame at that depth, and only when the entry names the frame's
/// function: the entry was then written by that frame's own call or by a
/// deeper frame's call while that frame was live, and two functions live at
/// once have different addresses, so it is the same function, whose module
/// and code never change.
#[derive(Clone, Copy)]
pub(super) struct CallerContext<'a> {
    pub function: Obj,
    pub module: Obj,
    pub code: &'a [u8],
}

/// Entries of the dispatch loop's caller contexts (machine stack per loop).
pub(super) const CALLER_CONTEXTS: usize = 4;
