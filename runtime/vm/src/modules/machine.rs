//! The `machine` module: `Pin`, `freq`, `reset` and `unique_id`, written
//! once over the port's machine traits ([`Machine`], [`Pin`]), so that one
//! implementation serves every board; the hardware (or the simulation, on
//! the host and QEMU) lives in the port.
//!
//! A `Pin` object is a heap object of two words: its type and the GPIO
//! number. Everything else (mode, pull, level) is the port's state, as it is
//! the hardware's, so two `Pin` objects of one GPIO see the same pin. The
//! arguments follow MicroPython's rp2 port: `Pin(id)` names a pin by number,
//! by the board's name (`"LED"`) or by another `Pin`, and configures it only
//! when more arguments are given; `init` sets the mode when one is given and
//! the pull resistor always (`None` removes it); `value` (positional after
//! `pull`, or a keyword) is driven before the pin becomes an output, and only
//! counts together with an output mode. The
//! constants are MicroPython's: `Pin.IN` (0), `Pin.OUT` (1), `Pin.PULL_UP`
//! (1), `Pin.PULL_DOWN` (2). A port without a machine raises
//! `OSError(ENODEV)`. The time functions (`sleep_ms`, `ticks_us`, …) live in
//! the `time` module.
//!
//! [`Machine`]: crate::port::Machine
//! [`Pin`]: crate::port::Pin

use crate::builtins::{check_args, keyword, Handler};
use crate::native::{NativeModule, NativeType};
use crate::obj::{Obj, TypeId};
use crate::modules::{machine_irq, machine_misc};
use crate::port::{Machine, MachineError, Pin, PinConfig, PinMode, PinTrigger, Pull};
use crate::vm::{Raised, Vm, R};
use rime_bytecode::image::HEAP_BASE;
use rime_bytecode::qstr_runtime::qstr_id;

/// `Pin.IN`: an input.
pub const MODE_IN: i32 = 0;
/// `Pin.OUT`: a push-pull output.
pub const MODE_OUT: i32 = 1;
/// `Pin.PULL_UP`.
pub const PULL_UP: i32 = 1;
/// `Pin.PULL_DOWN`.
pub const PULL_DOWN: i32 = 2;
/// `Pin.OPEN_DRAIN`: drives low, or lets the line float.
pub const MODE_OPEN_DRAIN: i32 = 2;

/// Word index of a Pin object's GPIO number.
const WORD_ID: u32 = 1;

/// The longest pin name looked up; longer names are unknown.
const MAX_PIN_NAME: usize = 32;

pub static MODULE: NativeModule = NativeModule {
    name: "machine",
    functions: MACHINE_FUNCTIONS,
    constants: &[
        ("Pin", TypeId::Pin.obj()),
        ("I2C", TypeId::I2c.obj()),
        ("SPI", TypeId::Spi.obj()),
        ("UART", TypeId::Uart.obj()),
        ("ADC", TypeId::Adc.obj()),
        ("Signal", TypeId::Signal.obj()),
        ("PWM", TypeId::Pwm.obj()),
        ("Timer", TypeId::Timer.obj()),
        ("RTC", TypeId::Rtc.obj()),
        ("WDT", TypeId::Wdt.obj()),
        ("SoftSPI", TypeId::SoftSpi.obj()),
        ("SoftI2C", TypeId::SoftI2c.obj()),
        ("PWRON_RESET", Obj::small(machine_misc::PWRON_RESET)),
        ("WDT_RESET", Obj::small(machine_misc::WDT_RESET)),
    ],
    attr: None,
};

/// `machine.Pin`: its mode and pull constants, methods and constructor.
pub static PIN_TYPE: NativeType = NativeType {
    methods: PIN_METHODS,
    constants: &[
        (qstr_id("IN"), Obj::small(MODE_IN)),
        (qstr_id("OUT"), Obj::small(MODE_OUT)),
        (qstr_id("PULL_UP"), Obj::small(PULL_UP)),
        (qstr_id("PULL_DOWN"), Obj::small(PULL_DOWN)),
        (qstr_id("OPEN_DRAIN"), Obj::small(MODE_OPEN_DRAIN)),
        (qstr_id("IRQ_FALLING"), Obj::small(machine_irq::IRQ_FALLING)),
        (qstr_id("IRQ_RISING"), Obj::small(machine_irq::IRQ_RISING)),
        (qstr_id("IRQ_LOW_LEVEL"), Obj::small(machine_irq::IRQ_LOW_LEVEL)),
        (qstr_id("IRQ_HIGH_LEVEL"), Obj::small(machine_irq::IRQ_HIGH_LEVEL)),
    ],
    make_new: Some(|vm, _type_id, args, kw| pin_new(vm, args, kw)),
    print: Some(pin_print),
    ..NativeType::EMPTY
};

/// `repr(pin)` as MicroPython's rp2 port prints it: `Pin(GPIO25, mode=OUT)`,
/// with the pull resistor when there is one and the function number of a
/// pin handed to a peripheral. A pin nothing configured prints as an input.
fn pin_print(vm: &mut Vm<'_>, sink: crate::obj::repr::Sink, pin: Obj, _depth: u32) -> R<()> {
    let id = vm.get(pin, WORD_ID).small_value() as u32;
    let (mode, pull) = with_pin(vm, id, |pin| (pin.mode(), pin.pull()))?;
    let alt = match mode {
        Some(PinMode::Alt(function)) => Some(function),
        _ => None,
    };
    let mode = match mode {
        Some(PinMode::Output) => "OUT",
        Some(PinMode::OpenDrain) => "OPEN_DRAIN",
        Some(PinMode::Alt(_)) => "ALT",
        Some(PinMode::Input) | None => "IN",
    };
    let pull = match pull {
        Pull::Up => ", pull=PULL_UP",
        Pull::Down => ", pull=PULL_DOWN",
        Pull::None => "",
    };
    match alt {
        Some(function) => vm.emit_fmt(sink, format_args!("Pin(GPIO{id}, mode={mode}{pull}, alt={function})")),
        None => vm.emit_fmt(sink, format_args!("Pin(GPIO{id}, mode={mode}{pull})")),
    }
}

pub static MACHINE_FUNCTIONS: &[(&str, Handler)] = &[
    ("freq", machine_freq),
    ("reset", machine_reset),
    ("unique_id", machine_unique_id),
    ("disable_irq", machine_disable_irq),
    ("enable_irq", machine_enable_irq),
    ("reset_cause", machine_misc::reset_cause),
    ("lightsleep", machine_misc::lightsleep),
    ("deepsleep", machine_misc::deepsleep),
    ("idle", machine_misc::idle),
    ("time_pulse_us", machine_misc::time_pulse_us),
    ("bitstream", machine_misc::bitstream),
];

static PIN_METHODS: &[(u16, Handler)] = &[
    (qstr_id("init"), pin_init),
    (qstr_id("off"), pin_off),
    (qstr_id("on"), pin_on),
    (qstr_id("low"), pin_off),
    (qstr_id("high"), pin_on),
    (qstr_id("toggle"), pin_toggle),
    (qstr_id("value"), pin_value),
    (qstr_id("irq"), pin_irq),
];

/// The exception MicroPython raises for what the machine refused.
pub(crate) fn raise_machine_error(vm: &mut Vm<'_>, error: MachineError) -> Raised {
    match error {
        MachineError::InvalidPin => vm.raise_msg(TypeId::ValueError, "invalid pin"),
        MachineError::NoSuchPeripheral => vm.raise_msg(TypeId::ValueError, "no such peripheral"),
        MachineError::InUse(message) | MachineError::InvalidArgument(message) => {
            vm.raise_msg(TypeId::ValueError, message)
        }
        MachineError::Unsupported(message) => vm.raise_msg(TypeId::NotImplementedError, message),
        MachineError::Io(errno) => match vm.new_exception(TypeId::OSError.obj(), &[Obj::small(errno)]) {
            Ok(exc) => vm.raise(exc),
            Err(raised) => raised,
        },
    }
}

/// Runs `action` on the port's machine and raises what it refuses; a port
/// without a machine refuses everything with `OSError(ENODEV)`.
pub(crate) fn with_machine<T>(
    vm: &mut Vm<'_>,
    action: impl FnOnce(&mut dyn Machine) -> Result<T, MachineError>,
) -> R<T> {
    let result = match vm.port.machine() {
        Some(machine) => action(machine),
        None => Err(MachineError::Io(MachineError::ENODEV)),
    };
    result.map_err(|error| raise_machine_error(vm, error))
}

/// Runs `action` on the port's machine with the bytes of `buffer` (a
/// bytes-like object in the heap or in flash), which the action sends.
pub(crate) fn with_buffer_and_machine<T>(
    vm: &mut Vm<'_>,
    buffer: Obj,
    action: impl FnOnce(&[u8], &mut dyn Machine) -> Result<T, MachineError>,
) -> R<T> {
    let (address, len) = buffer_range(vm, buffer)?;
    let Vm { heap, image, port, .. } = &mut *vm;
    let bytes = if address >= HEAP_BASE { heap.bytes(address, len) } else { image.slice(address, len) };
    let result = match port.machine() {
        Some(machine) => action(bytes, machine),
        None => Err(MachineError::Io(MachineError::ENODEV)),
    };
    result.map_err(|error| raise_machine_error(vm, error))
}

/// Runs `action` on the port's machine with the bytes of the writable
/// `buffer` (a bytearray, an array or a memoryview of one), which the
/// action fills.
pub(crate) fn with_buffer_mut_and_machine<T>(
    vm: &mut Vm<'_>,
    buffer: Obj,
    action: impl FnOnce(&mut [u8], &mut dyn Machine) -> Result<T, MachineError>,
) -> R<T> {
    vm.require_writable_buffer(buffer)?;
    let (address, len) = buffer_range(vm, buffer)?;
    let Vm { heap, port, .. } = &mut *vm;
    let bytes = heap.bytes_mut(address, len);
    let result = match port.machine() {
        Some(machine) => action(bytes, machine),
        None => Err(MachineError::Io(MachineError::ENODEV)),
    };
    result.map_err(|error| raise_machine_error(vm, error))
}

/// A new bytes object of `len` bytes that `action` fills from the port's
/// machine (`readfrom`, `read`).
pub(crate) fn read_new_bytes(
    vm: &mut Vm<'_>,
    len: usize,
    action: impl FnOnce(&mut [u8], &mut dyn Machine) -> Result<(), MachineError>,
) -> R<Obj> {
    let bytes = if len == 0 { vm.new_bytes(&[])? } else { vm.alloc_str(TypeId::Bytes, len)? };
    let data = if len == 0 { HEAP_BASE } else { vm.get_u(bytes, 3) };
    let Vm { heap, port, .. } = &mut *vm;
    let target = heap.bytes_mut(data, len);
    target.fill(0);
    let result = match port.machine() {
        Some(machine) => action(target, machine),
        None => Err(MachineError::Io(MachineError::ENODEV)),
    };
    result.map_err(|error| raise_machine_error(vm, error))?;
    Ok(bytes)
}

/// Where the bytes of a bytes-like object are, and how many.
fn buffer_range(vm: &mut Vm<'_>, buffer: Obj) -> R<(u32, usize)> {
    let bytes_like = buffer.is_ptr()
        && matches!(vm.native_type(buffer), TypeId::Bytes | TypeId::ByteArray | TypeId::Array | TypeId::MemoryView);
    if !bytes_like {
        if vm.str_len(buffer) == 0 && vm.is_bytes_like(buffer) {
            return Ok((HEAP_BASE, 0));
        }
        return Err(vm.raise_msg(TypeId::TypeError, "object with buffer protocol required"));
    }
    Ok((vm.bytes_data_address(buffer), vm.str_len(buffer)))
}

/// Runs `action` on GPIO `id` of the port's machine; the next backward
/// jump then polls for an edge it may have latched.
fn with_pin<T>(vm: &mut Vm<'_>, id: u32, action: impl FnOnce(&mut dyn Pin) -> T) -> R<T> {
    let result = with_machine(vm, |machine| machine.pin(id).map(action));
    vm.poll_soon();
    result
}

/// Whether `obj` is a Pin object.
fn is_pin(vm: &Vm<'_>, obj: Obj) -> bool {
    TypeId::from_obj(vm.type_of(obj)) == Some(TypeId::Pin)
}

/// The GPIO number a `Pin(id)` argument names: a number, a board name or a Pin.
pub(crate) fn pin_number(vm: &mut Vm<'_>, id: Obj) -> R<u32> {
    if is_pin(vm, id) {
        return Ok(vm.get(id, WORD_ID).small_value() as u32);
    }
    if vm.is_str(id) {
        let text = vm.str_bytes(id);
        let mut name = [0u8; MAX_PIN_NAME];
        let length = text.len().min(MAX_PIN_NAME);
        name[..length].copy_from_slice(&text[..length]);
        let fits = text.len() <= MAX_PIN_NAME;
        let found = match (fits, core::str::from_utf8(&name[..length])) {
            (true, Ok(name)) => with_machine(vm, |machine| Ok(machine.pin_named(name)))?,
            _ => None,
        };
        return match found {
            Some(number) => Ok(number),
            None => {
                let text = core::str::from_utf8(&name[..length]).unwrap_or("?");
                Err(vm.raise_fmt(TypeId::ValueError, format_args!("unknown named pin \"{text}\"")))
            }
        };
    }
    let number = vm.to_i64(id)?;
    u32::try_from(number).map_err(|_| raise_machine_error(vm, MachineError::InvalidPin))
}

/// `machine.Pin(id, mode=None, pull=None, value=None)`.
fn pin_new(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 4)?;
    let id = pin_number(vm, args[0])?;
    // Asking for the pin checks that the machine has it and may use it.
    with_pin(vm, id, |_| ())?;
    if args.len() > 1 || !kw.is_empty() {
        configure(vm, id, &args[1..], kw)?;
    }
    let pin = vm.alloc_typed(TypeId::Pin, 2)?;
    vm.set(pin, WORD_ID, Obj::small(id as i32));
    Ok(pin)
}

/// Applies `mode`, `pull` and `value` (positional after the pin, or keywords).
fn configure(vm: &mut Vm<'_>, id: u32, args: &[Obj], kw: &[Obj]) -> R<()> {
    let argument = |index: usize, name: &str| args.get(index).copied().or_else(|| keyword(vm, kw, name));
    let (mode, pull, value) = (argument(0, "mode"), argument(1, "pull"), argument(2, "value"));
    let mode = match mode.filter(|mode| !mode.is_none()) {
        None => None,
        Some(mode) => match vm.to_i64(mode)? {
            value if value == i64::from(MODE_IN) => Some(PinMode::Input),
            value if value == i64::from(MODE_OUT) => Some(PinMode::Output),
            value if value == i64::from(MODE_OPEN_DRAIN) => Some(PinMode::OpenDrain),
            _ => return Err(vm.raise_msg(TypeId::ValueError, "invalid pin mode")),
        },
    };
    let pull = match pull.filter(|pull| !pull.is_none()) {
        None => Pull::None,
        Some(pull) => match vm.to_i64(pull)? {
            value if value == i64::from(PULL_UP) => Pull::Up,
            value if value == i64::from(PULL_DOWN) => Pull::Down,
            _ => return Err(vm.raise_msg(TypeId::ValueError, "invalid pull")),
        },
    };
    let value = match value.filter(|value| !value.is_none()) {
        Some(value) => Some(vm.truthy(value)?),
        None => None,
    };
    // As in MicroPython, the initial level counts only with an output mode.
    let value = value.filter(|_| matches!(mode, Some(PinMode::Output | PinMode::OpenDrain)));
    with_machine(vm, |machine| machine.pin(id)?.configure(PinConfig { mode, pull, value }))
}

/// Checks that the receiver is a Pin; returns its GPIO number.
fn receiver(vm: &mut Vm<'_>, args: &[Obj], max: usize) -> R<u32> {
    check_args(vm, args, 1, max)?;
    if !is_pin(vm, args[0]) {
        return Err(vm.raise_msg(TypeId::TypeError, "expected a Pin"));
    }
    Ok(vm.get(args[0], WORD_ID).small_value() as u32)
}

fn pin_init(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 4)?;
    configure(vm, id, &args[1..], kw)?;
    Ok(Obj::NONE)
}

fn pin_value(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 2)?;
    if let Some(&value) = args.get(1) {
        let high = vm.truthy(value)?;
        with_pin(vm, id, |pin| pin.write(high))?;
        return Ok(Obj::NONE);
    }
    let high = with_pin(vm, id, |pin| pin.read())?;
    Ok(Obj::small(i32::from(high)))
}

fn pin_on(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 1)?;
    with_pin(vm, id, |pin| pin.write(true))?;
    Ok(Obj::NONE)
}

fn pin_off(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 1)?;
    with_pin(vm, id, |pin| pin.write(false))?;
    Ok(Obj::NONE)
}

fn pin_toggle(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 1)?;
    with_pin(vm, id, |pin| pin.toggle())?;
    Ok(Obj::NONE)
}

/// `Pin.irq(handler=None, trigger=IRQ_FALLING | IRQ_RISING, hard=False)`:
/// with arguments, sets the pin's handler (None removes it); the handler
/// runs as `modules::machine_irq` says, with the Pin as its argument.
fn pin_irq(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 4)?;
    if args.len() == 1 && kw.is_empty() {
        return Ok(Obj::NONE);
    }
    let argument = |index: usize, name: &str| args.get(index).copied().or_else(|| keyword(vm, kw, name));
    let (handler, trigger, hard) = (argument(1, "handler"), argument(2, "trigger"), argument(3, "hard"));
    let handler = handler.unwrap_or(Obj::NONE);
    let bits = match trigger {
        Some(trigger) => vm.to_i64(trigger)? as i32,
        None => machine_irq::IRQ_FALLING | machine_irq::IRQ_RISING,
    };
    let hard = match hard {
        Some(hard) => vm.truthy(hard)?,
        None => false,
    };
    if !handler.is_none() && !vm.is_callable(handler)? {
        return Err(vm.raise_msg(TypeId::ValueError, "handler must be None or callable"));
    }
    vm.set_pin_handler(id, args[0], handler, hard, bits)?;
    let trigger = if handler.is_none() { PinTrigger::NONE } else { machine_irq::trigger_from_bits(bits) };
    with_machine(vm, |machine| machine.pin(id)?.set_irq(trigger, hard))?;
    Ok(Obj::NONE)
}

/// `machine.disable_irq()`: holds scheduled callbacks and pin handlers
/// back until `enable_irq(state)`; returns the state to restore.
fn machine_disable_irq(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 0)?;
    let state = vm.schedule_locked;
    vm.schedule_locked = true;
    Ok(Obj::small(i32::from(!state)))
}

/// `machine.enable_irq(state)`.
fn machine_enable_irq(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    vm.schedule_locked = !vm.truthy(args[0])?;
    Ok(Obj::NONE)
}

fn machine_freq(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    if let Some(&hz) = args.first() {
        let hz = vm.to_i64(hz)?;
        let hz = u32::try_from(hz).map_err(|_| vm.raise_msg(TypeId::ValueError, "frequency out of range"))?;
        with_machine(vm, |machine| machine.set_cpu_freq(hz))?;
        return Ok(Obj::NONE);
    }
    let hz = with_machine(vm, |machine| Ok(machine.cpu_freq()))?;
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
    use crate::native::native_class_attr;

    #[test]
    fn pin_constants_follow_micropython_rp2() {
        let attr = |name: &str| native_class_attr(TypeId::Pin, u32::from(qstr_id(name)));
        assert_eq!(attr("OUT"), Some(Obj::small(1)));
        assert_eq!(attr("IN"), Some(Obj::small(0)));
        assert_eq!(attr("PULL_DOWN"), Some(Obj::small(2)));
        assert!(attr("toggle").is_some());
        assert!(MODULE.constants.contains(&("Pin", TypeId::Pin.obj())));
        assert!(MODULE.functions.iter().any(|(name, _)| *name == "unique_id"));
        assert!(MODULE.functions.iter().all(|(name, _)| *name != "mode"));
    }
}
