//! The `machine` module: `Pin`, `freq`, `reset` and `unique_id`, built on the
//! port's hardware methods ([`Port::pin_configure`], [`Port::pin_write`],
//! [`Port::pin_read`], [`Port::cpu_freq`], [`Port::reset`],
//! [`Port::unique_id`]), so that one implementation serves every board.
//!
//! A `Pin` object is a heap object of four words: its type, the GPIO number,
//! its mode (`Pin.IN` or `Pin.OUT`) and its simulated level. The simulated
//! level is the last value written (or the pull resistor's level of an
//! input); `value()` reports it when the port has no real pins, which is how
//! the host runs programs written for a board. `Pin.PULL_UP` and
//! `Pin.PULL_DOWN` follow MicroPython's rp2 port (1 and 2), as do `Pin.IN`
//! (0) and `Pin.OUT` (1). The time functions (`sleep_ms`, `ticks_us`, …) live
//! in the `time` module.
//!
//! [`Port::pin_configure`]: crate::Port::pin_configure
//! [`Port::pin_write`]: crate::Port::pin_write
//! [`Port::pin_read`]: crate::Port::pin_read
//! [`Port::cpu_freq`]: crate::Port::cpu_freq
//! [`Port::reset`]: crate::Port::reset
//! [`Port::unique_id`]: crate::Port::unique_id

use crate::builtins::{check_args, keyword, lookup_in_table, Handler, TABLE_PIN};
use crate::native::NativeModule;
use crate::obj::{Obj, TypeId};
use crate::port::Pull;
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

/// `Pin.IN`: an input.
pub const MODE_IN: i32 = 0;
/// `Pin.OUT`: a push-pull output.
pub const MODE_OUT: i32 = 1;
/// `Pin.PULL_UP`.
pub const PULL_UP: i32 = 1;
/// `Pin.PULL_DOWN`.
pub const PULL_DOWN: i32 = 2;

/// Word indices of a Pin object.
const WORD_ID: u32 = 1;
const WORD_MODE: u32 = 2;
const WORD_LEVEL: u32 = 3;

pub static MODULE: NativeModule = NativeModule {
    name: "machine",
    functions: MACHINE_FUNCTIONS,
    constants: &[("Pin", TypeId::Pin.obj())],
    attr: None,
};

/// An attribute of the `Pin` class: its constants, then its methods.
pub fn pin_class_attr(name: u32) -> Option<Obj> {
    let constant = |text: &str| name == u32::from(qstr_id(text));
    if constant("IN") {
        return Some(Obj::small(MODE_IN));
    }
    if constant("OUT") {
        return Some(Obj::small(MODE_OUT));
    }
    if constant("PULL_UP") {
        return Some(Obj::small(PULL_UP));
    }
    if constant("PULL_DOWN") {
        return Some(Obj::small(PULL_DOWN));
    }
    lookup_in_table(TABLE_PIN, name)
}

pub static MACHINE_FUNCTIONS: &[(&str, Handler)] =
    &[("freq", machine_freq), ("reset", machine_reset), ("unique_id", machine_unique_id)];

pub static PIN_METHODS: &[(u16, Handler)] = &[
    (qstr_id("init"), pin_init),
    (qstr_id("off"), pin_off),
    (qstr_id("on"), pin_on),
    (qstr_id("toggle"), pin_toggle),
    (qstr_id("value"), pin_value),
];

/// `machine.Pin(id, mode=Pin.IN, pull=None, value=None)`.
pub fn pin_new(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 4)?;
    let id = vm.to_i64(args[0])?;
    if !(0..=255).contains(&id) {
        return Err(vm.raise_msg(TypeId::ValueError, "invalid pin"));
    }
    let pin = vm.alloc_typed(TypeId::Pin, 4)?;
    vm.set(pin, WORD_ID, Obj::small(id as i32));
    vm.set(pin, WORD_MODE, Obj::small(MODE_IN));
    vm.set(pin, WORD_LEVEL, Obj::small(0));
    let mark = vm.root_mark();
    vm.push_root(pin)?;
    let mut init_args = [pin, Obj::NULL, Obj::NULL, Obj::NULL];
    let count = args.len();
    init_args[1..count].copy_from_slice(&args[1..]);
    let configured = configure(vm, &init_args[..count], kw);
    vm.pop_roots(mark);
    configured?;
    Ok(pin)
}

/// Applies `mode`, `pull` and `value` (positional after the pin, or keywords).
fn configure(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<()> {
    let pin = args[0];
    let argument = |index: usize, name: &str| args.get(index).copied().or_else(|| keyword(vm, kw, name));
    let (mode, pull, value) = (argument(1, "mode"), argument(2, "pull"), argument(3, "value"));
    let mode = match mode {
        Some(mode) if !mode.is_none() => vm.to_i64(mode)? as i32,
        _ => vm.get(pin, WORD_MODE).small_value(),
    };
    if mode != MODE_IN && mode != MODE_OUT {
        return Err(vm.raise_msg(TypeId::ValueError, "invalid pin mode"));
    }
    let pull = match pull {
        Some(pull) if !pull.is_none() => match vm.to_i64(pull)? as i32 {
            PULL_UP => Pull::Up,
            PULL_DOWN => Pull::Down,
            _ => return Err(vm.raise_msg(TypeId::ValueError, "invalid pull")),
        },
        _ => Pull::None,
    };
    let id = vm.get(pin, WORD_ID).small_value() as u32;
    if let Some(value) = value.filter(|value| !value.is_none()) {
        let high = vm.truthy(value)?;
        write(vm, pin, high);
    }
    if !vm.port.pin_configure(id, mode == MODE_OUT, pull) {
        return Err(vm.raise_msg(TypeId::ValueError, "invalid pin"));
    }
    vm.set(pin, WORD_MODE, Obj::small(mode));
    if mode == MODE_IN && pull != Pull::None {
        vm.set(pin, WORD_LEVEL, Obj::small(i32::from(pull == Pull::Up)));
    }
    Ok(())
}

/// Drives the pin and remembers the level.
fn write(vm: &mut Vm<'_>, pin: Obj, high: bool) {
    let id = vm.get(pin, WORD_ID).small_value() as u32;
    vm.set(pin, WORD_LEVEL, Obj::small(i32::from(high)));
    vm.port.pin_write(id, high);
}

/// The pin's level: an output's driven level, an input's reading from the
/// port, or the simulated level.
fn read(vm: &mut Vm<'_>, pin: Obj) -> bool {
    if vm.get(pin, WORD_MODE).small_value() == MODE_OUT {
        return vm.get(pin, WORD_LEVEL).small_value() != 0;
    }
    let id = vm.get(pin, WORD_ID).small_value() as u32;
    match vm.port.pin_read(id) {
        Some(level) => level,
        None => vm.get(pin, WORD_LEVEL).small_value() != 0,
    }
}

/// Checks that the receiver is a Pin.
fn receiver(vm: &mut Vm<'_>, args: &[Obj], max: usize) -> R<Obj> {
    check_args(vm, args, 1, max)?;
    if TypeId::from_obj(vm.type_of(args[0])) != Some(TypeId::Pin) {
        return Err(vm.raise_msg(TypeId::TypeError, "expected a Pin"));
    }
    Ok(args[0])
}

fn pin_init(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    receiver(vm, args, 4)?;
    configure(vm, args, kw)?;
    Ok(Obj::NONE)
}

fn pin_value(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let pin = receiver(vm, args, 2)?;
    if let Some(&value) = args.get(1) {
        let high = vm.truthy(value)?;
        write(vm, pin, high);
        return Ok(Obj::NONE);
    }
    Ok(Obj::small(i32::from(read(vm, pin))))
}

fn pin_on(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let pin = receiver(vm, args, 1)?;
    write(vm, pin, true);
    Ok(Obj::NONE)
}

fn pin_off(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let pin = receiver(vm, args, 1)?;
    write(vm, pin, false);
    Ok(Obj::NONE)
}

fn pin_toggle(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let pin = receiver(vm, args, 1)?;
    let level = vm.get(pin, WORD_LEVEL).small_value() != 0;
    write(vm, pin, !level);
    Ok(Obj::NONE)
}

fn machine_freq(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    if !args.is_empty() {
        return Err(vm.raise_msg(TypeId::NotImplementedError, "changing the clock is not supported"));
    }
    let hz = vm.port.cpu_freq();
    vm.new_int(i64::from(hz))
}

fn machine_reset(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    vm.port.reset();
    // A port that cannot reset ends the program instead.
    let exc = vm.new_exception(TypeId::SystemExit.obj(), &[])?;
    Err(vm.raise(exc))
}

fn machine_unique_id(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let id = vm.port.unique_id();
    vm.new_bytes(&id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pin_constants_follow_micropython_rp2() {
        assert_eq!(pin_class_attr(u32::from(qstr_id("OUT"))), Some(Obj::small(1)));
        assert_eq!(pin_class_attr(u32::from(qstr_id("IN"))), Some(Obj::small(0)));
        assert_eq!(pin_class_attr(u32::from(qstr_id("PULL_DOWN"))), Some(Obj::small(2)));
        assert!(pin_class_attr(u32::from(qstr_id("toggle"))).is_some());
        assert!(MODULE.constants.contains(&("Pin", TypeId::Pin.obj())));
        assert!(MODULE.functions.iter().any(|(name, _)| *name == "unique_id"));
        assert!(MODULE.functions.iter().all(|(name, _)| *name != "mode"));
    }
}
