//! `machine.SoftSPI`, as MicroPython's: an SPI controller bit-banged on
//! any three pins through the port's [`Pin`](crate::port::Pin)s,
//! `SoftSPI(baudrate=500000, *, polarity=0, phase=0, bits=8,
//! firstbit=MSB, sck, mosi, miso)` with `read`, `readinto`, `write` and
//! `write_readinto`. Each bit sets MOSI, then clocks SCK (reading MISO
//! between the edges), waiting half a clock period around each edge as
//! MicroPython's `softspi` does; the period is kept in whole microseconds,
//! rounded so that the rate is at most the one asked for.
//!
//! A SoftSPI object is eight words: `type, delay_half, polarity, phase,
//! firstbit, sck, mosi, miso`.

use crate::builtins::{check_args, keyword, Handler};
use crate::modules::machine::{pin_number, with_machine};
use crate::native::NativeType;
use crate::obj::repr::Sink;
use crate::obj::{Obj, TypeId};
use crate::port::{PinConfig, PinMode, Pull};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static SOFT_SPI_TYPE: NativeType = NativeType {
    methods: SOFT_SPI_METHODS,
    constants: &[(qstr_id("MSB"), Obj::small(MSB)), (qstr_id("LSB"), Obj::small(0))],
    make_new: Some(|vm, _type_id, args, kw| construct(vm, args, kw)),
    print: Some(print),
    ..NativeType::EMPTY
};

static SOFT_SPI_METHODS: &[(u16, Handler)] = &[
    (qstr_id("init"), init),
    (qstr_id("deinit"), deinit),
    (qstr_id("read"), read),
    (qstr_id("readinto"), readinto),
    (qstr_id("write"), write),
    (qstr_id("write_readinto"), write_readinto),
];

const MSB: i32 = 1;
const WORD_DELAY: u32 = 1;
const WORD_POLARITY: u32 = 2;
const WORD_PHASE: u32 = 3;
const WORD_FIRSTBIT: u32 = 4;
const WORD_SCK: u32 = 5;
const WORD_MOSI: u32 = 6;
const WORD_MISO: u32 = 7;

/// Half a clock period in whole microseconds, rounded up so the rate is
/// at most `baudrate`.
fn delay_half(baudrate: u32) -> u32 {
    let baudrate = baudrate.max(1);
    500_000 / baudrate + u32::from(500_000 % baudrate != 0)
}

fn construct(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    let spi = vm.alloc_typed(TypeId::SoftSpi, 8)?;
    for (word, value) in [(WORD_DELAY, 1), (WORD_POLARITY, 0), (WORD_PHASE, 0), (WORD_FIRSTBIT, MSB)] {
        vm.set(spi, word, Obj::small(value));
    }
    for word in [WORD_SCK, WORD_MOSI, WORD_MISO] {
        vm.set(spi, word, Obj::small(-1));
    }
    let baudrate = args.first().copied().or_else(|| keyword(vm, kw, "baudrate")).unwrap_or(Obj::small(500_000));
    vm.with_roots(&[spi], |vm| configure(vm, spi, Some(baudrate), kw, true))?;
    Ok(spi)
}

/// Applies the settings given; with `all_pins`, the three pins must be given.
fn configure(vm: &mut Vm<'_>, spi: Obj, baudrate: Option<Obj>, kw: &[Obj], all_pins: bool) -> R<()> {
    if let Some(baudrate) = baudrate {
        let baudrate = vm.to_i64(baudrate)?.clamp(1, i64::from(u32::MAX)) as u32;
        vm.set(spi, WORD_DELAY, Obj::small(delay_half(baudrate) as i32));
    }
    for (name, word) in [("polarity", WORD_POLARITY), ("phase", WORD_PHASE), ("firstbit", WORD_FIRSTBIT)] {
        if let Some(value) = keyword(vm, kw, name) {
            let value = vm.to_i64(value)?;
            vm.set(spi, word, Obj::small(i32::from(value != 0)));
        }
    }
    if let Some(bits) = keyword(vm, kw, "bits") {
        if vm.to_i64(bits)? != 8 {
            return Err(vm.raise_msg(TypeId::ValueError, "bits must be 8"));
        }
    }
    let pins = [keyword(vm, kw, "sck"), keyword(vm, kw, "mosi"), keyword(vm, kw, "miso")];
    if all_pins && pins.iter().any(Option::is_none) {
        return Err(vm.raise_msg(TypeId::ValueError, "must specify all of sck/mosi/miso"));
    }
    for (pin, word) in pins.into_iter().zip([WORD_SCK, WORD_MOSI, WORD_MISO]) {
        if let Some(pin) = pin {
            let number = pin_number(vm, pin)?;
            vm.set(spi, word, Obj::small(number as i32));
        }
    }
    // As MicroPython's init: SCK idles at the polarity, MOSI drives, MISO reads.
    let (sck, mosi, miso) = pins_of(vm, spi);
    let idle = vm.get(spi, WORD_POLARITY).small_value() == 1;
    with_machine(vm, |machine| {
        let output = |value| PinConfig { mode: Some(PinMode::Output), pull: Pull::None, value: Some(value) };
        machine.pin(sck)?.configure(output(idle))?;
        machine.pin(mosi)?.configure(output(false))?;
        machine.pin(miso)?.configure(PinConfig { mode: Some(PinMode::Input), pull: Pull::None, value: None })
    })
}

fn pins_of(vm: &Vm<'_>, spi: Obj) -> (u32, u32, u32) {
    let pin = |word| vm.get(spi, word).small_value() as u32;
    (pin(WORD_SCK), pin(WORD_MOSI), pin(WORD_MISO))
}

fn print(vm: &mut Vm<'_>, sink: Sink, spi: Obj, _depth: u32) -> R<()> {
    let word = |index| vm.get(spi, index).small_value();
    let baudrate = 500_000 / word(WORD_DELAY).max(1);
    let (polarity, phase, firstbit) = (word(WORD_POLARITY), word(WORD_PHASE), word(WORD_FIRSTBIT));
    let (sck, mosi, miso) = (word(WORD_SCK), word(WORD_MOSI), word(WORD_MISO));
    vm.emit_fmt(
        sink,
        format_args!(
            "SoftSPI(baudrate={baudrate}, polarity={polarity}, phase={phase}, firstbit={firstbit}, sck={sck}, mosi={mosi}, miso={miso})"
        ),
    )
}

fn receiver(vm: &mut Vm<'_>, args: &[Obj], min: usize, max: usize) -> R<Obj> {
    check_args(vm, args, min, max)?;
    if TypeId::from_obj(vm.type_of(args[0])) != Some(TypeId::SoftSpi) {
        return Err(vm.raise_msg(TypeId::TypeError, "expected a SoftSPI object"));
    }
    Ok(args[0])
}

/// Clocks one byte out and one in.
fn transfer_byte(vm: &mut Vm<'_>, spi: Obj, out: u8) -> R<u8> {
    let (sck, mosi, miso) = pins_of(vm, spi);
    let delay = u64::from(vm.get(spi, WORD_DELAY).small_value() as u32);
    let polarity = vm.get(spi, WORD_POLARITY).small_value() == 1;
    let phase = vm.get(spi, WORD_PHASE).small_value() == 1;
    let msb_first = vm.get(spi, WORD_FIRSTBIT).small_value() == MSB;
    let mut input = 0u8;
    for bit in 0..8 {
        let shift = if msb_first { 7 - bit } else { bit };
        let level = (out >> shift) & 1 == 1;
        with_machine(vm, |machine| {
            machine.pin(mosi)?.write(level);
            Ok(())
        })?;
        // Phase 0 samples on the first edge, after half a period; phase 1
        // makes the edge first and samples half a period later.
        if !phase {
            vm.port.sleep_us(delay);
        }
        with_machine(vm, |machine| {
            machine.pin(sck)?.write(!polarity);
            Ok(())
        })?;
        if phase {
            vm.port.sleep_us(delay);
        }
        let read = with_machine(vm, |machine| Ok(machine.pin(miso)?.read()))?;
        if !phase {
            vm.port.sleep_us(delay);
        }
        with_machine(vm, |machine| {
            machine.pin(sck)?.write(polarity);
            Ok(())
        })?;
        if phase {
            vm.port.sleep_us(delay);
        }
        if read {
            input |= 1 << shift;
        }
    }
    Ok(input)
}

/// Sends `count` bytes (from `source`, or `fill`) and stores what comes
/// back in `target` (when given, a writable buffer of at least `count`).
fn transfer(vm: &mut Vm<'_>, spi: Obj, source: Option<Obj>, fill: u8, target: Option<Obj>, count: usize) -> R<()> {
    for index in 0..count {
        let out = match source {
            Some(source) => vm.str_bytes(source).get(index).copied().unwrap_or(fill),
            None => fill,
        };
        let input = transfer_byte(vm, spi, out)?;
        if let Some(target) = target {
            let address = vm.bytes_data_address(target) + index as u32;
            vm.heap.bytes_mut(address, 1)[0] = input;
        }
    }
    Ok(())
}

fn init(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let spi = receiver(vm, args, 1, 2)?;
    configure(vm, spi, args.get(1).copied().or_else(|| keyword(vm, kw, "baudrate")), kw, false)?;
    Ok(Obj::NONE)
}

fn deinit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    receiver(vm, args, 1, 1)?;
    Ok(Obj::NONE)
}

fn fill_byte(vm: &mut Vm<'_>, args: &[Obj], index: usize, kw: &[Obj]) -> R<u8> {
    match args.get(index).copied().or_else(|| keyword(vm, kw, "write")) {
        Some(value) => Ok(vm.to_i64(value)? as u8),
        None => Ok(0),
    }
}

/// `read(nbytes, write=0x00)`.
fn read(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let spi = receiver(vm, args, 2, 3)?;
    let count = vm.to_i64(args[1])?.max(0) as usize;
    let fill = fill_byte(vm, args, 2, kw)?;
    let buffer = vm.new_buffer(TypeId::ByteArray, count.max(1))?;
    vm.with_roots(&[buffer], |vm| {
        for _ in 0..count {
            vm.buffer_push(buffer, &[0])?;
        }
        transfer(vm, spi, None, fill, Some(buffer), count)?;
        vm.str_slice(TypeId::Bytes, buffer, 0, count)
    })
}

/// `readinto(buf, write=0x00)`.
fn readinto(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let spi = receiver(vm, args, 2, 3)?;
    vm.require_writable_buffer(args[1])?;
    let fill = fill_byte(vm, args, 2, kw)?;
    let count = vm.str_len(args[1]);
    transfer(vm, spi, None, fill, Some(args[1]), count)?;
    Ok(Obj::NONE)
}

/// `write(buf)`.
fn write(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let spi = receiver(vm, args, 2, 2)?;
    if !vm.is_bytes_like(args[1]) && vm.native_type(args[1]) != TypeId::Array {
        return Err(vm.raise_msg(TypeId::TypeError, "object with buffer protocol required"));
    }
    let count = vm.str_len(args[1]);
    transfer(vm, spi, Some(args[1]), 0, None, count)?;
    Ok(Obj::NONE)
}

/// `write_readinto(write_buf, read_buf)`.
fn write_readinto(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let spi = receiver(vm, args, 3, 3)?;
    vm.require_writable_buffer(args[2])?;
    if vm.str_len(args[1]) != vm.str_len(args[2]) {
        return Err(vm.raise_msg(TypeId::ValueError, "buffers must be the same length"));
    }
    let count = vm.str_len(args[1]);
    transfer(vm, spi, Some(args[1]), 0, Some(args[2]), count)?;
    Ok(Obj::NONE)
}
