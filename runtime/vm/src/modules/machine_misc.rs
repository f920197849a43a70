//! The `machine` functions that are not classes, as MicroPython's rp2 port
//! has them: `reset_cause` (with `PWRON_RESET` and `WDT_RESET`),
//! `lightsleep` and `deepsleep`, `idle`, `time_pulse_us` and `bitstream`;
//! and [`bootsel_button`], which is not `machine`'s but the handler a port's
//! own `rp2` module lists, as MicroPython's `rp2.bootsel_button()`.
//!
//! A port cannot sleep deeper than the VM waits, so `lightsleep(ms)` is a
//! sleep that serves pending work, as `time.sleep_ms`; `deepsleep(ms)`
//! sleeps and then resets, as the chip does on waking.

use crate::builtins::check_args;
use crate::modules::machine::{pin_number, with_buffer_and_machine, with_machine};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

/// `machine.PWRON_RESET` and `machine.WDT_RESET`, as MicroPython's rp2 port numbers them.
pub const PWRON_RESET: i32 = 1;
pub const WDT_RESET: i32 = 3;

/// `machine.reset_cause()`: a watchdog reset when the port says so, else power-on.
/// `rp2.bootsel_button()`: 1 while the board's BOOTSEL button is pressed, else 0.
pub fn bootsel_button(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 0)?;
    let pressed = with_machine(vm, |machine| machine.bootsel_button())?;
    Ok(Obj::small(i32::from(pressed)))
}

pub fn reset_cause(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 0)?;
    Ok(Obj::small(if vm.port.reset_by_watchdog() { WDT_RESET } else { PWRON_RESET }))
}

/// `machine.lightsleep([ms])`: without a time, until something is pending.
pub fn lightsleep(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    match args.first() {
        Some(&ms) => {
            let ms = vm.to_i64(ms)?.max(0);
            vm.sleep_serving(ms as u64 * 1000)?;
        }
        None => vm.sleep_serving(10_000)?,
    }
    Ok(Obj::NONE)
}

/// `machine.deepsleep([ms])`: sleeps, then resets the machine.
pub fn deepsleep(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    lightsleep(vm, args, kw)?;
    vm.port.reset();
    let exc = vm.new_exception(TypeId::SystemExit.obj(), &[])?;
    Err(vm.raise(exc))
}

/// `machine.idle()`: serves what is pending, as a short wait would.
pub fn idle(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 0)?;
    vm.poll_pending()?;
    Ok(Obj::NONE)
}

/// `machine.time_pulse_us(pin, pulse_level, timeout_us=1000000)`: waits for
/// the pin to reach `pulse_level`, then times how long it stays there. -2
/// when the pulse did not start within the timeout, -1 when it did not end.
pub fn time_pulse_us(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 3)?;
    let pin = pin_number(vm, args[0])?;
    let mut level = vm.truthy(args[1])?;
    let timeout = match args.get(2) {
        Some(&timeout) => vm.to_i64(timeout)?.clamp(0, i64::from(u32::MAX)) as u32,
        None => 1_000_000,
    };
    let mut changes_left = 2;
    let mut start = vm.port.ticks_us();
    loop {
        let now = vm.port.ticks_us();
        let value = with_machine(vm, |machine| Ok(machine.pin(pin)?.read()))?;
        if value == level {
            level = !level;
            changes_left -= 1;
            if changes_left == 0 {
                return vm.new_int(i64::from(now.wrapping_sub(start)));
            }
            start = now;
        } else if now.wrapping_sub(start) >= timeout {
            return Ok(Obj::small(-changes_left));
        }
        // A long timeout must not keep Ctrl-C out.
        if vm.port.take_interrupt() {
            return Err(vm.raise_type(TypeId::KeyboardInterrupt));
        }
    }
}

/// `machine.bitstream(pin, encoding, timing, buf)`: encoding 0 sends each
/// bit as a high then a low time (`timing` the four times in ns: high and
/// low for a 0, then for a 1), as WS2812 LEDs read them.
pub fn bitstream(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 4, 4)?;
    let pin = pin_number(vm, args[0])?;
    if vm.to_i64(args[1])? != 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "encoding"));
    }
    let Some(items) = vm.seq_items(args[2]).filter(|items| items.1 == 4) else {
        return Err(vm.raise_msg(TypeId::ValueError, "requested length 4 but object has different length"));
    };
    let mut timing = [0u32; 4];
    for (index, slot) in timing.iter_mut().enumerate() {
        let item = vm.seq_item_at(items, index as u32);
        *slot = vm.to_i64(item)?.clamp(0, i64::from(u32::MAX)) as u32;
    }
    with_buffer_and_machine(vm, args[3], |bytes, machine| machine.bitstream(pin, timing, bytes))?;
    vm.poll_soon();
    Ok(Obj::NONE)
}
