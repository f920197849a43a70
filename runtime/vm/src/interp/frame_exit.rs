//! Between instructions and around frames, for the dispatch loop: the
//! interrupt poll of backward jumps, leaving a frame on return (popped from
//! the frame stack or freed, unless a generator owns it), and the start of
//! a call instruction for the tracebacks of callers.

use super::frame::*;
use crate::obj::{Obj, TypeId};
use crate::vm::{Raised, Vm, R};

impl Vm<'_> {
    /// Whether the port has something pending, asked once every
    /// `INTERRUPT_POLL_INTERVAL` backward jumps.
    #[inline]
    pub(super) fn interrupt_due(&mut self) -> bool {
        self.interrupt_poll_countdown -= 1;
        if self.interrupt_poll_countdown != 0 {
            return false;
        }
        self.interrupt_poll_countdown = crate::vm::INTERRUPT_POLL_INTERVAL;
        self.port.pending_interrupt()
            || (self.schedule_pending && !self.schedule_locked)
            || self.timers_running
            || self.watchdog.is_some()
    }

    /// Runs what the port signalled between two bytecodes (polled at every
    /// backward jump, so every loop can be interrupted): the keyboard
    /// interrupt character raises `KeyboardInterrupt`; machine events and
    /// scheduled callbacks run as `modules::machine_irq` says.
    pub(super) fn service_interrupt(&mut self) -> R<()> {
        self.poll_pending()
    }

    /// The address of value slot `slot` (a word index) of `frame`.
    pub(super) fn frame_slot_address(&self, frame: Obj, slot: u32) -> u32 {
        frame.0 + 4 * slot
    }

    /// The start of the call instruction that `ip` follows (for tracebacks
    /// of callers): any offset inside the instruction maps to its line.
    pub(super) fn call_instruction_start(&self, _code: &[u8], ip: usize) -> usize {
        ip.saturating_sub(1)
    }

    /// Frees a finished frame unless a generator owns it (a frame on the
    /// frame stack, the usual case, is popped without the general free).
    pub(super) fn release_frame(&mut self, frame: Obj) {
        // Frames are heap words (on the frame stack or not).
        if self.heap.word(frame.0 + 4 * F_FLAGS) & FLAG_GENERATOR == 0 && !self.heap.pop_frame(frame.0) {
            self.free(frame);
        }
    }

    /// Returns from the current frame: `Some(result)` when it was the entry frame.
    pub(super) fn leave_frame(&mut self, entry: Obj, frame: &mut Obj, result: Obj) -> Option<Obj> {
        self.call_depth = self.call_depth.saturating_sub(1);
        if *frame == entry {
            if self.get_u(*frame, F_FLAGS) & FLAG_GENERATOR != 0 {
                let flags = self.get_u(*frame, F_FLAGS);
                self.set_u(*frame, F_FLAGS, flags | FLAG_FINISHED);
            } else {
                self.free(*frame);
            }
            return Some(result);
        }
        let previous = Obj(self.heap.word(frame.0 + 4 * F_PREV));
        self.release_frame(*frame);
        *frame = previous;
        self.frame = previous;
        None
    }

    pub(super) fn unbound_local(&mut self, _function: Obj, _index: u32) -> Raised {
        self.raise_msg(TypeId::NameError, "local variable referenced before assignment")
    }
}
