//! Interrupts as MicroPython runs them: `micropython.schedule`, `Pin.irq`
//! and the service between bytecodes that runs their callbacks.
//!
//! The scheduler is a queue of at most [`SCHEDULE_DEPTH`] (function,
//! argument) pairs, as on MicroPython's rp2 port; `micropython.schedule`
//! raises `RuntimeError: schedule queue full` past it. The dispatch loop
//! polls the port and the queue every few backward jumps (and `time.sleep`
//! while it waits) and calls [`Vm::service_pending`], which
//! - takes the machine's latched events (pin edges) and, for each pin with
//!   a handler, schedules the handler with the `Pin` as its argument (a
//!   soft interrupt), or, for `hard=True`, runs it at once with the heap
//!   locked, as MicroPython runs a hard handler in the interrupt: an
//!   exception there prints `Uncaught exception in IRQ callback handler`
//!   and the traceback, and disables that pin's interrupt;
//! - runs the callbacks queued so far, each with the scheduler locked (a
//!   callback is not interrupted by another), printing an exception one
//!   raises instead of propagating it, as MicroPython's protected call does.
//!
//! The state lives in `Vm::interrupts`, a list `[queue, handlers]`: the
//! queue a list of alternating functions and arguments, the handlers a dict
//! from pin numbers to tuples `(handler, pin, hard, trigger)`.

use crate::obj::repr::Sink;
use crate::obj::{Obj, TypeId};
use crate::port::{MachineEvent, PinTrigger};
use crate::vm::{Vm, R};

/// The most callbacks waiting at once (MicroPython rp2's `MICROPY_SCHEDULER_DEPTH`).
pub const SCHEDULE_DEPTH: usize = 8;

/// `Pin.IRQ_*` as MicroPython's rp2 port numbers them (the RP2040's
/// interrupt bits), and the port's triggers they stand for.
pub const IRQ_LOW_LEVEL: i32 = 1;
pub const IRQ_HIGH_LEVEL: i32 = 2;
pub const IRQ_FALLING: i32 = 4;
pub const IRQ_RISING: i32 = 8;

/// The port's trigger for MicroPython's `trigger` bits.
pub fn trigger_from_bits(bits: i32) -> PinTrigger {
    let mut trigger = PinTrigger::NONE;
    for (bit, each) in [
        (IRQ_RISING, PinTrigger::RISING),
        (IRQ_FALLING, PinTrigger::FALLING),
        (IRQ_LOW_LEVEL, PinTrigger::LEVEL_LOW),
        (IRQ_HIGH_LEVEL, PinTrigger::LEVEL_HIGH),
    ] {
        if bits & bit != 0 {
            trigger = trigger.union(each);
        }
    }
    trigger
}

impl Vm<'_> {
    /// The interrupt state `[queue, handlers]`, made on first use.
    fn interrupt_state(&mut self) -> R<Obj> {
        if !self.interrupts.is_null() {
            return Ok(self.interrupts);
        }
        self.root_scope(|vm| {
            let queue = vm.new_list(0)?;
            vm.push_root(queue)?;
            let handlers = vm.new_dict(4)?;
            vm.push_root(handlers)?;
            let state = vm.new_list(2)?;
            vm.list_append(state, queue)?;
            vm.list_append(state, handlers)?;
            vm.interrupts = state;
            Ok(state)
        })
    }

    /// Queues `function(arg)`; false when the queue is full.
    pub fn schedule(&mut self, function: Obj, arg: Obj) -> R<bool> {
        let state = self.with_roots(&[function, arg], |vm| vm.interrupt_state())?;
        let queue = self.list_item(state, 0);
        if self.list_len(queue) as usize >= 2 * SCHEDULE_DEPTH {
            return Ok(false);
        }
        self.with_roots(&[function, arg], |vm| {
            vm.list_append(queue, function)?;
            vm.list_append(queue, arg)
        })?;
        self.schedule_pending = true;
        self.poll_soon();
        Ok(true)
    }

    /// Makes the next backward jump poll for pending work (as MicroPython
    /// checks at every jump): after scheduling, and after a pin changed,
    /// which may have latched an edge.
    pub fn poll_soon(&mut self) {
        self.interrupt_poll_countdown = 1;
    }

    /// Sets (or with a `None` handler, clears) the handler of pin `pin_id`,
    /// whose `Pin` object is `pin`.
    pub fn set_pin_handler(&mut self, pin_id: u32, pin: Obj, handler: Obj, hard: bool, bits: i32) -> R<()> {
        let state = self.with_roots(&[pin, handler], |vm| vm.interrupt_state())?;
        let handlers = self.list_item(state, 1);
        let key = Obj::small(pin_id as i32);
        if handler.is_none() {
            self.map_remove(handlers, key)?;
            return Ok(());
        }
        let entry = self.with_roots(&[pin, handler], |vm| {
            vm.new_tuple(&[handler, pin, if hard { Obj::TRUE } else { Obj::FALSE }, Obj::small(bits)])
        })?;
        self.with_roots(&[entry], |vm| vm.map_set(handlers, key, entry))
    }

    /// The handler tuple of pin `pin_id`, if it has one.
    pub fn pin_handler(&mut self, pin_id: u32) -> Option<Obj> {
        if self.interrupts.is_null() {
            return None;
        }
        let handlers = self.list_item(self.interrupts, 1);
        self.map_get(handlers, Obj::small(pin_id as i32)).ok().flatten()
    }

    /// What the dispatch loop and sleeps run when something is pending: the
    /// keyboard interrupt raises `KeyboardInterrupt`, then
    /// [`Vm::service_pending`].
    pub fn poll_pending(&mut self) -> R<()> {
        if self.port.take_interrupt() {
            return Err(self.raise_type(TypeId::KeyboardInterrupt));
        }
        self.service_pending()
    }

    /// Runs what is pending between two bytecodes: machine events become
    /// scheduled (or, for hard handlers, run) callbacks, and one scheduled
    /// callback runs (see the module docs).
    pub fn service_pending(&mut self) -> R<()> {
        self.take_machine_events()?;
        if !self.schedule_pending || self.schedule_locked {
            return Ok(());
        }
        // The callbacks queued so far run now, one after another; those
        // they queue wait for the next service. (MicroPython runs one per
        // check, but checks at every jump; rime checks every few backward
        // jumps, so it runs the batch.)
        let queued = self.list_len(self.list_item(self.interrupts, 0)) / 2;
        for _ in 0..queued {
            self.run_one_scheduled()?;
        }
        Ok(())
    }

    fn take_machine_events(&mut self) -> R<()> {
        loop {
            let event = match self.port.machine() {
                Some(machine) => machine.take_event(),
                None => None,
            };
            let Some(MachineEvent::Pin { pin, .. }) = event else {
                if event.is_none() {
                    return Ok(());
                }
                continue;
            };
            let Some(entry) = self.pin_handler(pin) else { continue };
            let handler = self.tuple_item(entry, 0);
            let pin_obj = self.tuple_item(entry, 1);
            if self.tuple_item(entry, 2) == Obj::TRUE {
                self.with_roots(&[entry], |vm| vm.run_hard_handler(pin, handler, pin_obj))?;
            } else {
                // A full queue drops the event, as MicroPython's does.
                self.with_roots(&[entry], |vm| vm.schedule(handler, pin_obj))?;
            }
        }
    }

    /// Runs a hard handler at once with the heap and the scheduler locked.
    fn run_hard_handler(&mut self, pin: u32, handler: Obj, pin_obj: Obj) -> R<()> {
        self.gc.locked += 1;
        let was_locked = core::mem::replace(&mut self.schedule_locked, true);
        let result = self.call(handler, &[pin_obj], &[]);
        self.schedule_locked = was_locked;
        self.gc.locked = self.gc.locked.saturating_sub(1);
        if result.is_err() {
            let exc = core::mem::replace(&mut self.exc, Obj::NULL);
            self.with_roots(&[exc], |vm| {
                vm.emit(Sink::Stderr, b"Uncaught exception in IRQ callback handler\n")?;
                vm.print_traceback(Sink::Stderr, exc)
            })?;
            if let Some(machine) = self.port.machine() {
                if let Ok(pin) = machine.pin(pin) {
                    let _ = pin.set_irq(PinTrigger::NONE, true);
                }
            }
            self.set_pin_handler(pin, Obj::NONE, Obj::NONE, false, 0)?;
        }
        Ok(())
    }

    /// Runs the oldest scheduled callback; an exception it raises is
    /// printed, not propagated.
    fn run_one_scheduled(&mut self) -> R<()> {
        let queue = self.list_item(self.interrupts, 0);
        if self.list_len(queue) < 2 {
            self.schedule_pending = false;
            return Ok(());
        }
        let function = self.list_remove_at(queue, 0);
        let arg = self.list_remove_at(queue, 0);
        self.schedule_pending = self.list_len(queue) >= 2;
        self.schedule_locked = true;
        let result = self.with_roots(&[function, arg], |vm| vm.call(function, &[arg], &[]));
        self.schedule_locked = false;
        if let Err(raised) = result {
            let exc = core::mem::replace(&mut self.exc, Obj::NULL);
            // A keyboard interrupt or a SystemExit still ends the program.
            if matches!(self.native_type(exc), TypeId::KeyboardInterrupt | TypeId::SystemExit) {
                self.exc = exc;
                return Err(raised);
            }
            self.with_roots(&[exc], |vm| vm.print_traceback(Sink::Stderr, exc))?;
        }
        Ok(())
    }
}
