//! `machine.PWM`, as MicroPython's rp2 port has it, over the port's
//! [`Pwm`](crate::port::Pwm): `PWM(pin, freq=…, *, duty_u16, duty_ns,
//! invert)` with `freq`, `duty_u16` and `duty_ns` (each a getter without an
//! argument and a setter with one), `init` and `deinit`. The port rounds
//! to what the hardware can do and reads back what it does
//! (`port::rp2_pwm` has the RP2 slices' arithmetic), so `pwm.freq()` after
//! `pwm.freq(1000)` is the frequency the pin really has.
//!
//! A PWM object is three words: `type, pin, invert`. Pin `n` is channel
//! `n & 1` (A or B) of slice `(n >> 1) & 7`, which its repr names.

use crate::builtins::{check_args, keyword, Handler};
use crate::modules::machine::{pin_number, with_machine};
use crate::native::NativeType;
use crate::obj::repr::Sink;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static PWM_TYPE: NativeType = NativeType {
    methods: PWM_METHODS,
    make_new: Some(|vm, _type_id, args, kw| construct(vm, args, kw)),
    print: Some(print),
    ..NativeType::EMPTY
};

static PWM_METHODS: &[(u16, Handler)] = &[
    (qstr_id("init"), init),
    (qstr_id("deinit"), deinit),
    (qstr_id("freq"), freq),
    (qstr_id("duty_u16"), duty_u16),
    (qstr_id("duty_ns"), duty_ns),
];

const WORD_PIN: u32 = 1;
const WORD_INVERT: u32 = 2;

/// `PWM(pin, freq=None, *, duty_u16, duty_ns, invert)`.
fn construct(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let pin = pin_number(vm, args[0])?;
    with_machine(vm, |machine| machine.pwm(pin).map(|_| ()))?;
    let pwm = vm.alloc_typed(TypeId::Pwm, 3)?;
    vm.set(pwm, WORD_PIN, Obj::small(pin as i32));
    vm.set(pwm, WORD_INVERT, Obj::small(0));
    vm.with_roots(&[pwm], |vm| configure(vm, pwm, args.get(1).copied(), kw))?;
    Ok(pwm)
}

/// Applies `freq`, then `duty_u16`, `duty_ns` and `invert`, as MicroPython's `init` does.
fn configure(vm: &mut Vm<'_>, pwm: Obj, freq: Option<Obj>, kw: &[Obj]) -> R<()> {
    let pin = vm.get(pwm, WORD_PIN).small_value() as u32;
    if let Some(freq) = freq.or_else(|| keyword(vm, kw, "freq")) {
        let hz = vm.to_i64(freq)?.clamp(0, i64::from(u32::MAX)) as u32;
        with_machine(vm, |machine| machine.pwm(pin)?.set_freq(hz))?;
    }
    if let Some(duty) = keyword(vm, kw, "duty_u16") {
        let duty = vm.to_i64(duty)?.clamp(0, 65535) as u16;
        with_machine(vm, |machine| {
            machine.pwm(pin)?.set_duty_u16(duty);
            Ok(())
        })?;
    }
    if let Some(duty) = keyword(vm, kw, "duty_ns") {
        let ns = vm.to_i64(duty)?.clamp(0, i64::from(u32::MAX)) as u32;
        with_machine(vm, |machine| machine.pwm(pin)?.set_duty_ns(ns))?;
    }
    if let Some(invert) = keyword(vm, kw, "invert") {
        let invert = vm.truthy(invert)?;
        vm.set(pwm, WORD_INVERT, Obj::small(i32::from(invert)));
    }
    Ok(())
}

fn print(vm: &mut Vm<'_>, sink: Sink, pwm: Obj, _depth: u32) -> R<()> {
    let pin = vm.get(pwm, WORD_PIN).small_value();
    let invert = vm.get(pwm, WORD_INVERT).small_value();
    vm.emit_fmt(sink, format_args!("<PWM slice={} channel={} invert={invert}>", (pin >> 1) & 7, pin & 1))
}

/// Checks the receiver is a PWM object; returns its pin.
fn receiver(vm: &mut Vm<'_>, args: &[Obj], min: usize, max: usize) -> R<u32> {
    check_args(vm, args, min, max)?;
    if TypeId::from_obj(vm.type_of(args[0])) != Some(TypeId::Pwm) {
        return Err(vm.raise_msg(TypeId::TypeError, "expected a PWM object"));
    }
    Ok(vm.get(args[0], WORD_PIN).small_value() as u32)
}

fn init(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    receiver(vm, args, 1, 2)?;
    configure(vm, args[0], args.get(1).copied(), kw)?;
    Ok(Obj::NONE)
}

fn deinit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let pin = receiver(vm, args, 1, 1)?;
    with_machine(vm, |machine| {
        machine.pwm(pin)?.deinit();
        Ok(())
    })?;
    Ok(Obj::NONE)
}

/// `freq([value])`.
fn freq(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let pin = receiver(vm, args, 1, 2)?;
    if let Some(&value) = args.get(1) {
        let hz = vm.to_i64(value)?.clamp(0, i64::from(u32::MAX)) as u32;
        with_machine(vm, |machine| machine.pwm(pin)?.set_freq(hz))?;
        return Ok(Obj::NONE);
    }
    let hz = with_machine(vm, |machine| Ok(machine.pwm(pin)?.freq()))?;
    vm.new_int(i64::from(hz))
}

/// `duty_u16([value])`.
fn duty_u16(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let pin = receiver(vm, args, 1, 2)?;
    if let Some(&value) = args.get(1) {
        let duty = vm.to_i64(value)?.clamp(0, 65535) as u16;
        with_machine(vm, |machine| {
            machine.pwm(pin)?.set_duty_u16(duty);
            Ok(())
        })?;
        return Ok(Obj::NONE);
    }
    let duty = with_machine(vm, |machine| Ok(machine.pwm(pin)?.duty_u16()))?;
    Ok(Obj::small(i32::from(duty)))
}

/// `duty_ns([value])`.
fn duty_ns(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let pin = receiver(vm, args, 1, 2)?;
    if let Some(&value) = args.get(1) {
        let ns = vm.to_i64(value)?.clamp(0, i64::from(u32::MAX)) as u32;
        with_machine(vm, |machine| machine.pwm(pin)?.set_duty_ns(ns))?;
        return Ok(Obj::NONE);
    }
    let ns = with_machine(vm, |machine| Ok(machine.pwm(pin)?.duty_ns()))?;
    vm.new_int(i64::from(ns))
}
