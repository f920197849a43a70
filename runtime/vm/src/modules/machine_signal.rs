//! `machine.Signal`, as MicroPython's: a pin seen as active or inactive,
//! `Signal(pin, invert=False)` or `Signal(pin_arguments..., invert=False)`
//! (which makes the `Pin` from the arguments), with `value`, `on` and
//! `off`. An inverted signal is active when the pin is low.
//!
//! A Signal object is three words: `type, pin, invert`.

use crate::builtins::{check_args, keyword};
use crate::native::NativeType;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static SIGNAL_TYPE: NativeType = NativeType {
    methods: &[(qstr_id("value"), value), (qstr_id("on"), on), (qstr_id("off"), off)],
    make_new: Some(|vm, _type_id, args, kw| construct(vm, args, kw)),
    ..NativeType::EMPTY
};

/// `Signal(pin, invert=False)` or `Signal(id, mode, pull, value, invert=False)`.
fn construct(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 4)?;
    let invert = match keyword(vm, kw, "invert") {
        Some(flag) => vm.truthy(flag)?,
        None => false,
    };
    let is_pin = TypeId::from_obj(vm.type_of(args[0])) == Some(TypeId::Pin);
    let pin = if is_pin && args.len() == 1 {
        args[0]
    } else {
        // The other keywords are the Pin's.
        let mut pin_kw = [Obj::NULL; 8];
        let mut count = 0;
        for pair in kw.chunks(2) {
            if vm.str_bytes(pair[0]) != b"invert" && count + 2 <= pin_kw.len() && pair.len() == 2 {
                pin_kw[count] = pair[0];
                pin_kw[count + 1] = pair[1];
                count += 2;
            }
        }
        vm.call(TypeId::Pin.obj(), args, &pin_kw[..count])?
    };
    let signal = vm.with_roots(&[pin], |vm| vm.alloc_typed(TypeId::Signal, 3))?;
    vm.set(signal, 1, pin);
    vm.set(signal, 2, if invert { Obj::TRUE } else { Obj::FALSE });
    Ok(signal)
}

/// The receiver's pin and whether it is inverted.
fn receiver(vm: &mut Vm<'_>, args: &[Obj], max: usize) -> R<(Obj, bool)> {
    check_args(vm, args, 1, max)?;
    if TypeId::from_obj(vm.type_of(args[0])) != Some(TypeId::Signal) {
        return Err(vm.raise_msg(TypeId::TypeError, "expected a Signal"));
    }
    Ok((vm.get(args[0], 1), vm.get(args[0], 2) == Obj::TRUE))
}

/// Sets the pin for the signal being `active`.
fn drive(vm: &mut Vm<'_>, pin: Obj, invert: bool, active: bool) -> R<()> {
    let level = if active != invert { Obj::small(1) } else { Obj::small(0) };
    crate::modules::json::call_method(vm, pin, "value", &[level])?;
    Ok(())
}

fn value(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (pin, invert) = receiver(vm, args, 2)?;
    if let Some(&active) = args.get(1) {
        let active = vm.truthy(active)?;
        drive(vm, pin, invert, active)?;
        return Ok(Obj::NONE);
    }
    let level = crate::modules::json::call_method(vm, pin, "value", &[])?;
    let high = vm.truthy(level)?;
    Ok(Obj::small(i32::from(high != invert)))
}

fn on(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (pin, invert) = receiver(vm, args, 1)?;
    drive(vm, pin, invert, true)?;
    Ok(Obj::NONE)
}

fn off(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let (pin, invert) = receiver(vm, args, 1)?;
    drive(vm, pin, invert, false)?;
    Ok(Obj::NONE)
}
