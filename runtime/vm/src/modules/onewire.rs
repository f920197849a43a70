//! The `onewire` module, with the API of the one MicroPython's rp2 port
//! freezes: `OneWire(pin)` makes `pin` an open-drain output with its
//! pull-up and drives a 1-Wire bus on it (`reset(required=False)`,
//! `readbit`, `readbyte`, `writebit`, `writebyte`, `write(buf)`,
//! `readinto(buf)`, `select_rom(rom)`, `scan()`, `crc8(data)`, and the ROM
//! commands `SEARCH_ROM`, `MATCH_ROM`, `SKIP_ROM`), and `OneWireError`,
//! which `reset(True)` raises when no device answers.
//!
//! The time slots are `port::onewire`'s, bit-banged on the machine's pin
//! through the machine traits; a whole byte, buffer or search step runs in
//! one native call, so the interpreter never sits inside a slot.
//! `OneWire` and `OneWireError` are classes made once per VM (kept in
//! `sys.modules` under names no import reaches, as `Vm::native_module_class`
//! keeps its classes): programs may derive from them, and the state of a
//! `OneWire` is its attribute `pin`, as in MicroPython's.

use crate::builtins::{check_args, Handler};
use crate::modules::machine::{pin_number, with_buffer_and_machine, with_buffer_mut_and_machine, with_machine};
use crate::native::NativeModule;
use crate::obj::{Obj, TypeId};
use crate::port::onewire::{crc8, OneWireBus};
use crate::port::MachineError;
use crate::vm::{Vm, R};

pub static MODULE: NativeModule = NativeModule { name: "onewire", functions: FUNCTIONS, constants: &[], attr: Some(module_attr) };

/// The methods of `OneWire`, from entry [`FIRST_METHOD`] on; entry 0 is a
/// placeholder no lookup finds by name.
static FUNCTIONS: &[(&str, Handler)] = &[
    (" ", init),
    ("__init__", init),
    ("reset", reset),
    ("readbit", readbit),
    ("readbyte", readbyte),
    ("writebit", writebit),
    ("writebyte", writebyte),
    ("write", write),
    ("readinto", readinto),
    ("select_rom", select_rom),
    ("scan", scan),
    ("crc8", crc8_method),
];
const FIRST_METHOD: usize = 1;

/// The ROM commands, class constants of `OneWire`.
const SEARCH_ROM: u8 = 0xf0;
const MATCH_ROM: u8 = 0x55;
const SKIP_ROM: u8 = 0xcc;
const ROM_COMMANDS: [(&str, u8); 3] = [("SEARCH_ROM", SEARCH_ROM), ("MATCH_ROM", MATCH_ROM), ("SKIP_ROM", SKIP_ROM)];

/// The most search steps `scan` takes (as many devices as it can list).
const MAX_SEARCH_STEPS: u32 = 255;

fn module_attr(vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
    match vm.qstr_bytes(name) {
        b"OneWire" => one_wire_class(vm).map(Some),
        b"OneWireError" => error_class(vm).map(Some),
        _ => Ok(None),
    }
}

/// The class kept in `sys.modules` under `key`, made by `make` the first time.
fn cached_class(vm: &mut Vm<'_>, key: &[u8], make: impl FnOnce(&mut Vm<'_>) -> R<Obj>) -> R<Obj> {
    let key = vm.new_str(key)?;
    vm.root_scope(|vm| {
        vm.push_root(key)?;
        let modules = vm.modules;
        if let Some(class) = vm.map_get(modules, key)? {
            return Ok(class);
        }
        let class = make(vm)?;
        vm.push_root(class)?;
        vm.map_set(modules, key, class)?;
        Ok(class)
    })
}

/// `onewire.OneWireError`, a subclass of `Exception`.
fn error_class(vm: &mut Vm<'_>) -> R<Obj> {
    cached_class(vm, b"onewire OneWireError", |vm| {
        vm.root_scope(|vm| {
            let name = vm.new_str(b"OneWireError")?;
            vm.push_root(name)?;
            let bases = vm.new_tuple(&[TypeId::Exception.obj()])?;
            vm.push_root(bases)?;
            let namespace = vm.new_dict(0)?;
            vm.push_root(namespace)?;
            vm.new_class(name, bases, namespace)
        })
    })
}

/// `onewire.OneWire`: the methods of [`FUNCTIONS`] and the ROM commands.
fn one_wire_class(vm: &mut Vm<'_>) -> R<Obj> {
    cached_class(vm, b"onewire OneWire", |vm| {
        vm.root_scope(|vm| {
            let namespace = vm.new_dict(FUNCTIONS.len() + ROM_COMMANDS.len())?;
            vm.push_root(namespace)?;
            for (entry, (name, _)) in FUNCTIONS.iter().enumerate().skip(FIRST_METHOD) {
                let method = vm.native_function(&MODULE, entry as u32);
                let name = vm.intern_bytes(name.as_bytes())?;
                vm.map_set(namespace, name, method)?;
            }
            for (name, value) in ROM_COMMANDS {
                let name = vm.intern_bytes(name.as_bytes())?;
                vm.map_set(namespace, name, Obj::small(i32::from(value)))?;
            }
            let name = vm.new_str(b"OneWire")?;
            vm.push_root(name)?;
            let bases = vm.new_tuple(&[])?;
            vm.push_root(bases)?;
            vm.new_class(name, bases, namespace)
        })
    })
}

/// The GPIO number of the bus `this` drives (its attribute `pin`).
fn bus_pin(vm: &mut Vm<'_>, this: Obj) -> R<u32> {
    let key = vm.intern_bytes(b"pin")?;
    let pin = vm.load_attr(this, key)?;
    pin_number(vm, pin)
}

/// Runs `action` on the bus of `this` (the receiver in `args`, with
/// `min..=max` arguments after it).
fn with_bus<T>(
    vm: &mut Vm<'_>,
    args: &[Obj],
    min: usize,
    max: usize,
    action: impl FnOnce(&mut OneWireBus<'_>) -> Result<T, MachineError>,
) -> R<T> {
    check_args(vm, args, 1 + min, 1 + max)?;
    let pin = bus_pin(vm, args[0])?;
    with_machine(vm, |machine| action(&mut OneWireBus { machine, pin }))
}

/// The byte an int argument gives (its low eight bits, as MicroPython's).
fn byte_argument(vm: &mut Vm<'_>, value: Obj) -> R<u8> {
    Ok(vm.to_i64(value)? as u8)
}

/// `OneWire(pin)`.
fn init(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let (this, pin) = (args[0], args[1]);
    let id = pin_number(vm, pin)?;
    with_machine(vm, |machine| OneWireBus { machine, pin: id }.init())?;
    let key = vm.intern_bytes(b"pin")?;
    vm.store_attr(this, key, pin)?;
    Ok(Obj::NONE)
}

/// `reset(required=False)`: whether a device answered; with `required`,
/// `OneWireError` when none did.
fn reset(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let present = with_bus(vm, args, 0, 1, |bus| bus.reset())?;
    let required = match args.get(1) {
        Some(&flag) => vm.truthy(flag)?,
        None => false,
    };
    if required && !present {
        let class = error_class(vm)?;
        let error = vm.call(class, &[], &[])?;
        return Err(vm.raise(error));
    }
    Ok(if present { Obj::TRUE } else { Obj::FALSE })
}

fn readbit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let bit = with_bus(vm, args, 0, 0, |bus| bus.read_bit())?;
    Ok(Obj::small(i32::from(bit)))
}

fn readbyte(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let byte = with_bus(vm, args, 0, 0, |bus| bus.read_byte())?;
    Ok(Obj::small(i32::from(byte)))
}

fn writebit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let bit = vm.truthy(args[1])?;
    with_bus(vm, args, 1, 1, |bus| bus.write_bit(bit))?;
    Ok(Obj::NONE)
}

fn writebyte(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let byte = byte_argument(vm, args[1])?;
    with_bus(vm, args, 1, 1, |bus| bus.write_byte(byte))?;
    Ok(Obj::NONE)
}

/// `write(buf)`: every byte of a bytes-like object.
fn write(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let pin = bus_pin(vm, args[0])?;
    with_buffer_and_machine(vm, args[1], |bytes, machine| {
        let mut bus = OneWireBus { machine, pin };
        bytes.iter().try_for_each(|&byte| bus.write_byte(byte))
    })?;
    Ok(Obj::NONE)
}

/// `readinto(buf)`: fills a writable buffer with bytes read.
fn readinto(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let pin = bus_pin(vm, args[0])?;
    with_buffer_mut_and_machine(vm, args[1], |bytes, machine| {
        let mut bus = OneWireBus { machine, pin };
        bytes.iter_mut().try_for_each(|byte| {
            *byte = bus.read_byte()?;
            Ok(())
        })
    })?;
    Ok(Obj::NONE)
}

/// `select_rom(rom)`: a reset, MATCH ROM and the eight bytes of `rom`.
fn select_rom(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let pin = bus_pin(vm, args[0])?;
    with_buffer_and_machine(vm, args[1], |rom, machine| {
        let mut bus = OneWireBus { machine, pin };
        bus.reset()?;
        bus.write_byte(MATCH_ROM)?;
        rom.iter().try_for_each(|&byte| bus.write_byte(byte))
    })?;
    Ok(Obj::NONE)
}

/// `scan()`: the ROM codes of the devices on the bus, each a bytearray of
/// eight bytes, in the order of the binary search (lowest bits first).
fn scan(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let pin = bus_pin(vm, args[0])?;
    let found = vm.new_list(0)?;
    vm.with_roots(&[found], |vm| {
        let mut rom = [0u8; 8];
        let mut last_branch = 0;
        for _ in 0..MAX_SEARCH_STEPS {
            let step = with_machine(vm, |machine| {
                let mut bus = OneWireBus { machine, pin };
                if !bus.reset()? {
                    return Ok(None);
                }
                bus.write_byte(SEARCH_ROM)?;
                bus.search_step(&mut rom, last_branch)
            })?;
            let Some(branch) = step else { break };
            let code = vm.new_buffer(TypeId::ByteArray, rom.len())?;
            vm.with_roots(&[code], |vm| {
                vm.buffer_push(code, &rom)?;
                vm.list_append(found, code)
            })?;
            if branch == 0 {
                break;
            }
            last_branch = branch;
        }
        Ok(found)
    })
}

/// `crc8(data)`: the Dallas/Maxim CRC of a bytes-like object.
fn crc8_method(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    if !vm.is_bytes_like(args[1]) {
        return Err(vm.type_error_for("object with buffer protocol required, not", args[1]));
    }
    Ok(Obj::small(i32::from(crc8(vm.str_bytes(args[1])))))
}
