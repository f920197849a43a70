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
//!   raises instead of propagating it, as MicroPython's protected call does
//!   (on standard output: MicroPython's error printer is the console's).
//!
//! The state lives in `Vm::interrupts`, a list `[queue, handlers, timers]`:
//! the queue a list of alternating functions and arguments, the handlers a
//! dict from pin numbers to tuples `(handler, pin, hard, trigger)`, the
//! timers the running `machine.Timer`s (`machine_timer`).

use crate::obj::repr::Sink;
use crate::obj::{Obj, TypeId};
use crate::port::{MachineEvent, PinTrigger};
use crate::vm::{Vm, R};

/// The longest stretch a sleep waits without serving what is pending.
const SLEEP_SLICE_US: u64 = 10_000;

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
    /// The interrupt state `[queue, handlers, timers]`, made on first use.
    pub(crate) fn interrupt_state_obj(&mut self) -> R<Obj> {
        if !self.interrupts.is_null() {
            return Ok(self.interrupts);
        }
        self.root_scope(|vm| {
            let queue = vm.new_list(0)?;
            vm.push_root(queue)?;
            let handlers = vm.new_dict(4)?;
            vm.push_root(handlers)?;
            let timers = vm.new_list(0)?;
            vm.push_root(timers)?;
            let state = vm.new_list(3)?;
            vm.list_append(state, queue)?;
            vm.list_append(state, handlers)?;
            vm.list_append(state, timers)?;
            vm.interrupts = state;
            Ok(state)
        })
    }

    /// Queues `function(arg)`; false when the queue is full.
    pub fn schedule(&mut self, function: Obj, arg: Obj) -> R<bool> {
        let state = self.with_roots(&[function, arg], |vm| vm.interrupt_state_obj())?;
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
        let state = self.with_roots(&[pin, handler], |vm| vm.interrupt_state_obj())?;
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

    /// Waits `us` microseconds, cut into slices so that the keyboard
    /// interrupt, machine events, timers and scheduled callbacks are served
    /// while it lasts, as MicroPython's sleeps do.
    pub fn sleep_serving(&mut self, us: u64) -> R<()> {
        self.poll_pending()?;
        let mut left = us;
        while left > 0 {
            let slice = left.min(SLEEP_SLICE_US).min(self.next_timer_us().unwrap_or(u64::MAX).max(1));
            self.port.sleep_us(slice);
            left -= slice;
            self.poll_pending()?;
        }
        Ok(())
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
        self.check_watchdog()?;
        if self.schedule_locked {
            return Ok(());
        }
        self.take_machine_events()?;
        self.fire_timers()?;
        if !self.schedule_pending {
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
            let hard = self.tuple_item(entry, 2) == Obj::TRUE;
            let ran = self.with_roots(&[entry], |vm| vm.dispatch_callback(handler, pin_obj, hard))?;
            if !ran {
                // A hard handler that raised is disabled, as in MicroPython.
                if let Some(machine) = self.port.machine() {
                    if let Ok(pin) = machine.pin(pin) {
                        let _ = pin.set_irq(PinTrigger::NONE, true);
                    }
                }
                self.set_pin_handler(pin, Obj::NONE, Obj::NONE, false, 0)?;
            }
        }
    }

    /// Starts the watchdog (or changes its timeout): unfed for `timeout_ms`,
    /// it resets the machine.
    pub fn start_watchdog(&mut self, timeout_ms: u32) -> R<()> {
        let now = self.port.ticks_ms();
        self.watchdog = Some((timeout_ms, now));
        Ok(())
    }

    /// Feeds the watchdog.
    pub fn feed_watchdog(&mut self) {
        if let Some((timeout, _)) = self.watchdog {
            let now = self.port.ticks_ms();
            self.watchdog = Some((timeout, now));
        }
    }

    /// Resets the machine when the watchdog went unfed for its timeout (a
    /// port that cannot reset ends the program with `SystemExit`).
    fn check_watchdog(&mut self) -> R<()> {
        let Some((timeout, fed)) = self.watchdog else { return Ok(()) };
        if self.port.ticks_ms().wrapping_sub(fed) < timeout {
            return Ok(());
        }
        self.watchdog = None;
        self.port.reset();
        let exc = self.new_exception(TypeId::SystemExit.obj(), &[])?;
        Err(self.raise(exc))
    }

    /// Runs `callback(arg)` for an interrupt: a hard one at once with the
    /// heap and the scheduler locked (false when it raised: its exception
    /// is printed as MicroPython prints it), a soft one through the
    /// scheduler queue (an event the full queue cannot take is dropped, as
    /// MicroPython's is).
    pub(crate) fn dispatch_callback(&mut self, callback: Obj, arg: Obj, hard: bool) -> R<bool> {
        if callback.is_none() {
            return Ok(true);
        }
        if !hard {
            self.schedule(callback, arg)?;
            return Ok(true);
        }
        self.gc.locked += 1;
        let was_locked = core::mem::replace(&mut self.schedule_locked, true);
        let result = self.call(callback, &[arg], &[]);
        self.schedule_locked = was_locked;
        self.gc.locked = self.gc.locked.saturating_sub(1);
        if result.is_ok() {
            return Ok(true);
        }
        let exc = core::mem::replace(&mut self.exc, Obj::NULL);
        self.with_roots(&[exc], |vm| {
            vm.emit(Sink::Stdout, b"Uncaught exception in IRQ callback handler\n")?;
            vm.print_traceback(Sink::Stdout, exc)
        })?;
        Ok(false)
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
            self.with_roots(&[exc], |vm| vm.print_traceback(Sink::Stdout, exc))?;
        }
        Ok(())
    }
}
