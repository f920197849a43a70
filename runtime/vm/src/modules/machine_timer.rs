//! `machine.Timer`, as MicroPython's rp2 port has it: `Timer(id=-1, *,
//! mode=Timer.PERIODIC, period, tick_hz=1000, freq, callback, hard=False)`
//! with `init` and `deinit`, one-shot or periodic, each expiry calling the
//! callback with the timer (a soft callback through the scheduler queue,
//! a hard one at once with the heap locked, as `machine_irq` runs pin
//! handlers).
//!
//! The timers are the VM's own, counted on the port's microsecond clock,
//! so every port has them: the dispatch loop polls them while one runs
//! (`Vm::timers_running`), as it polls the port, and `time.sleep` wakes for
//! the next expiry. A periodic timer's next expiry is its last one plus the
//! period, so it does not drift, as MicroPython's alarms do not.
//!
//! A Timer object is six words: `type, mode, callback, hard, state, 0`,
//! where `state` is a 24-byte bytearray holding the period and the time
//! left in microseconds (64-bit) and the clock reading last seen; running
//! timers are listed in the interrupt state (`Vm::interrupts`, item 2).

use crate::builtins::{check_args, keyword, Handler};
use crate::native::NativeType;
use crate::obj::repr::Sink;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

/// `Timer.ONE_SHOT` and `Timer.PERIODIC`, as MicroPython's rp2 port numbers them.
pub const ONE_SHOT: i32 = 0;
pub const PERIODIC: i32 = 1;

pub static TIMER_TYPE: NativeType = NativeType {
    methods: TIMER_METHODS,
    constants: &[(qstr_id("ONE_SHOT"), Obj::small(ONE_SHOT)), (qstr_id("PERIODIC"), Obj::small(PERIODIC))],
    make_new: Some(|vm, _type_id, args, kw| construct(vm, args, kw)),
    print: Some(print),
    ..NativeType::EMPTY
};

static TIMER_METHODS: &[(u16, Handler)] = &[(qstr_id("init"), init), (qstr_id("deinit"), deinit)];

const WORD_MODE: u32 = 1;
const WORD_CALLBACK: u32 = 2;
const WORD_HARD: u32 = 3;
const WORD_STATE: u32 = 4;

/// Byte offsets in the state bytearray.
const STATE_PERIOD: u32 = 0;
const STATE_LEFT: u32 = 8;
const STATE_SEEN: u32 = 16;
const STATE_LEN: usize = 24;

/// `Timer(id=-1, **settings)`: configured and started when settings are given.
fn construct(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    if let Some(&id) = args.first() {
        if vm.to_i64(id)? != -1 {
            return Err(vm.raise_msg(TypeId::ValueError, "Timer doesn't exist"));
        }
    }
    let state = vm.new_buffer(TypeId::ByteArray, STATE_LEN)?;
    let timer = vm.with_roots(&[state], |vm| {
        vm.buffer_push(state, &[0u8; STATE_LEN])?;
        vm.alloc_typed(TypeId::Timer, 6)
    })?;
    vm.set(timer, WORD_MODE, Obj::small(PERIODIC));
    vm.set(timer, WORD_CALLBACK, Obj::NONE);
    vm.set(timer, WORD_HARD, Obj::FALSE);
    vm.set(timer, WORD_STATE, state);
    vm.set(timer, 5, Obj::small(0));
    if !kw.is_empty() {
        vm.with_roots(&[timer], |vm| configure(vm, timer, kw))?;
    }
    Ok(timer)
}

fn state_u64(vm: &Vm<'_>, timer: Obj, offset: u32) -> u64 {
    let state = vm.get(timer, WORD_STATE);
    let bytes = vm.str_bytes(state);
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[offset as usize..offset as usize + 8]);
    u64::from_le_bytes(word)
}

fn set_state_u64(vm: &mut Vm<'_>, timer: Obj, offset: u32, value: u64) {
    let state = vm.get(timer, WORD_STATE);
    let address = vm.bytes_data_address(state) + offset;
    vm.heap.bytes_mut(address, 8).copy_from_slice(&value.to_le_bytes());
}

/// Applies `mode`, `period`/`tick_hz` or `freq`, `callback` and `hard`,
/// then starts the timer (it runs from now).
fn configure(vm: &mut Vm<'_>, timer: Obj, kw: &[Obj]) -> R<()> {
    let mode = match keyword(vm, kw, "mode") {
        Some(mode) => vm.to_i64(mode)? as i32,
        None => PERIODIC,
    };
    let period_us = if let Some(freq) = keyword(vm, kw, "freq").filter(|freq| !freq.is_none()) {
        let Some(hz) = vm.to_f64(freq) else { return Err(vm.type_error_for("can't convert to float:", freq)) };
        if hz <= 0.0 {
            return Err(vm.raise_msg(TypeId::ValueError, "freq must be positive"));
        }
        (1_000_000.0 / hz) as u64
    } else {
        let period = match keyword(vm, kw, "period") {
            Some(period) => vm.to_i64(period)?.clamp(0, i64::from(u32::MAX)) as u64,
            None => u64::from(u32::MAX),
        };
        let tick_hz = match keyword(vm, kw, "tick_hz") {
            Some(hz) => vm.to_i64(hz)?,
            None => 1000,
        };
        if tick_hz <= 0 {
            return Err(vm.raise_msg(TypeId::ValueError, "tick_hz must be positive"));
        }
        period * 1_000_000 / tick_hz as u64
    };
    let callback = keyword(vm, kw, "callback").unwrap_or(Obj::NONE);
    let hard = match keyword(vm, kw, "hard") {
        Some(hard) => vm.truthy(hard)?,
        None => false,
    };
    vm.set(timer, WORD_MODE, Obj::small(if mode == ONE_SHOT { ONE_SHOT } else { PERIODIC }));
    vm.set(timer, WORD_CALLBACK, callback);
    vm.set(timer, WORD_HARD, if hard { Obj::TRUE } else { Obj::FALSE });
    let period_us = period_us.max(1);
    set_state_u64(vm, timer, STATE_PERIOD, period_us);
    set_state_u64(vm, timer, STATE_LEFT, period_us);
    let now = vm.port.ticks_us();
    set_state_u64(vm, timer, STATE_SEEN, u64::from(now));
    vm.start_timer(timer)
}

fn print(vm: &mut Vm<'_>, sink: Sink, timer: Obj, _depth: u32) -> R<()> {
    let mode = if vm.get(timer, WORD_MODE).small_value() == ONE_SHOT { "ONE_SHOT" } else { "PERIODIC" };
    let period = state_u64(vm, timer, STATE_PERIOD);
    if period <= u64::from(u32::MAX) {
        vm.emit_fmt(sink, format_args!("Timer(mode={mode}, tick_hz=1000000, period={period})"))
    } else {
        vm.emit_fmt(sink, format_args!("Timer(mode={mode}, tick_hz=1000000, period={}000)", period / 1000))
    }
}

/// Checks the receiver is a Timer.
fn receiver(vm: &mut Vm<'_>, args: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    if TypeId::from_obj(vm.type_of(args[0])) != Some(TypeId::Timer) {
        return Err(vm.raise_msg(TypeId::TypeError, "expected a Timer"));
    }
    Ok(args[0])
}

fn init(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let timer = receiver(vm, args)?;
    vm.stop_timer(timer)?;
    configure(vm, timer, kw)?;
    Ok(Obj::NONE)
}

fn deinit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let timer = receiver(vm, args)?;
    vm.stop_timer(timer)?;
    Ok(Obj::NONE)
}

impl Vm<'_> {
    /// The list of running timers (item 2 of the interrupt state).
    fn timer_list(&mut self) -> R<Obj> {
        let state = self.interrupt_state_obj()?;
        Ok(self.list_item(state, 2))
    }

    fn start_timer(&mut self, timer: Obj) -> R<()> {
        if self.get(timer, WORD_CALLBACK).is_none() {
            return Ok(());
        }
        let timers = self.with_roots(&[timer], |vm| vm.timer_list())?;
        self.with_roots(&[timer], |vm| vm.list_append(timers, timer))?;
        self.timers_running = true;
        self.poll_soon();
        Ok(())
    }

    fn stop_timer(&mut self, timer: Obj) -> R<()> {
        let timers = self.with_roots(&[timer], |vm| vm.timer_list())?;
        let mut index = 0;
        while index < self.list_len(timers) {
            if self.list_item(timers, index) == timer {
                self.list_remove_at(timers, index);
            } else {
                index += 1;
            }
        }
        self.timers_running = self.list_len(timers) > 0;
        Ok(())
    }

    /// Microseconds until the next timer expires (None: no timer runs), for
    /// sleeps to wake in time.
    pub fn next_timer_us(&mut self) -> Option<u64> {
        if !self.timers_running || self.interrupts.is_null() {
            return None;
        }
        let timers = self.list_item(self.interrupts, 2);
        let now = self.port.ticks_us();
        (0..self.list_len(timers))
            .map(|index| {
                let timer = self.list_item(timers, index);
                let seen = state_u64(self, timer, STATE_SEEN) as u32;
                let left = state_u64(self, timer, STATE_LEFT);
                left.saturating_sub(u64::from(now.wrapping_sub(seen)))
            })
            .min()
    }

    /// Fires the timers whose time has come: each expiry schedules (or, for
    /// a hard timer, runs) its callback with the timer; a periodic timer
    /// starts its next period where the last one ended.
    pub(crate) fn fire_timers(&mut self) -> R<()> {
        if !self.timers_running || self.interrupts.is_null() {
            return Ok(());
        }
        let timers = self.list_item(self.interrupts, 2);
        let now = self.port.ticks_us();
        let mut index = 0;
        while index < self.list_len(timers) {
            let timer = self.list_item(timers, index);
            let seen = state_u64(self, timer, STATE_SEEN) as u32;
            let elapsed = u64::from(now.wrapping_sub(seen));
            let mut left = state_u64(self, timer, STATE_LEFT) as i64 - elapsed as i64;
            set_state_u64(self, timer, STATE_SEEN, u64::from(now));
            if left > 0 {
                set_state_u64(self, timer, STATE_LEFT, left as u64);
                index += 1;
                continue;
            }
            let periodic = self.get(timer, WORD_MODE).small_value() == PERIODIC;
            if periodic {
                let period = state_u64(self, timer, STATE_PERIOD) as i64;
                // Expiries missed while the program could not be polled
                // collapse into one, as a busy alarm would.
                while left <= 0 {
                    left += period;
                }
                set_state_u64(self, timer, STATE_LEFT, left as u64);
                index += 1;
            } else {
                self.list_remove_at(timers, index);
            }
            let callback = self.get(timer, WORD_CALLBACK);
            let hard = self.get(timer, WORD_HARD) == Obj::TRUE;
            self.with_roots(&[timer], |vm| vm.dispatch_callback(callback, timer, hard))?;
        }
        self.timers_running = self.list_len(timers) > 0;
        Ok(())
    }
}
