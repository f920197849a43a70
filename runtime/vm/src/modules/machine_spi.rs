//! `machine.SPI`, as MicroPython's rp2 port has it, over the port's
//! [`SpiBus`](crate::port::SpiBus): `SPI(id, baudrate=1000000, *,
//! polarity=0, phase=0, bits=8, firstbit=SPI.MSB, sck, mosi, miso)` and
//! `read`, `readinto`, `write`, `write_readinto`.
//!
//! An SPI object is ten words: `type, id, baudrate, polarity, phase,
//! bits, firstbit, sck, mosi, miso`. Pins are checked as the RP2040 routes
//! them (SPI0 on GP0–7 and GP16–23, SPI1 on GP8–15 and GP24–29; SCK on
//! pins ≡ 2 mod 4, MOSI ≡ 3, MISO ≡ 0) and default to MicroPython's for
//! the Pico (SPI0: SCK GP18, MOSI GP19, MISO GP16; SPI1: GP10, GP11, GP8).

use crate::builtins::{check_args, keyword, Handler};
use crate::modules::machine::{
    pin_number, read_new_bytes, with_buffer_and_machine, with_buffer_mut_and_machine, with_machine,
};
use crate::native::NativeType;
use crate::obj::repr::Sink;
use crate::obj::{Obj, TypeId};
use crate::port::SpiConfig;
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static SPI_TYPE: NativeType = NativeType {
    methods: SPI_METHODS,
    constants: &[(qstr_id("MSB"), Obj::small(1)), (qstr_id("LSB"), Obj::small(0))],
    make_new: Some(|vm, _type_id, args, kw| construct(vm, args, kw)),
    print: Some(print),
    ..NativeType::EMPTY
};

static SPI_METHODS: &[(u16, Handler)] = &[
    (qstr_id("init"), init),
    (qstr_id("deinit"), deinit),
    (qstr_id("read"), read),
    (qstr_id("readinto"), readinto),
    (qstr_id("write"), write),
    (qstr_id("write_readinto"), write_readinto),
];

const WORD_ID: u32 = 1;
const WORD_BAUDRATE: u32 = 2;
const WORD_POLARITY: u32 = 3;
const WORD_PHASE: u32 = 4;
const WORD_BITS: u32 = 5;
const WORD_FIRSTBIT: u32 = 6;
const WORD_SCK: u32 = 7;
const WORD_MOSI: u32 = 8;
const WORD_MISO: u32 = 9;

/// The default pins (SCK, MOSI, MISO) of each bus on the Pico.
const DEFAULT_PINS: [(i32, i32, i32); 2] = [(18, 19, 16), (10, 11, 8)];

/// `SPI(id, baudrate=1000000, *, polarity, phase, bits, firstbit, sck, mosi, miso)`.
fn construct(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 2)?;
    let id = vm.to_i64(args[0])?;
    if !(0..2).contains(&id) {
        return Err(vm.raise_fmt(TypeId::ValueError, format_args!("SPI({id}) doesn't exist")));
    }
    let spi = vm.alloc_typed(TypeId::Spi, 10)?;
    let (sck, mosi, miso) = DEFAULT_PINS[id as usize];
    let words = [id as i32, 1_000_000, 0, 0, 8, 1, sck, mosi, miso];
    for (index, value) in words.into_iter().enumerate() {
        vm.set(spi, WORD_ID + index as u32, Obj::small(value));
    }
    vm.with_roots(&[spi], |vm| configure(vm, spi, args.get(1).copied(), kw))?;
    Ok(spi)
}

/// Applies the settings given (positional baudrate, or keywords).
fn configure(vm: &mut Vm<'_>, spi: Obj, baudrate: Option<Obj>, kw: &[Obj]) -> R<()> {
    let id = vm.get(spi, WORD_ID).small_value();
    let settings = [
        ("baudrate", WORD_BAUDRATE, baudrate.or_else(|| keyword(vm, kw, "baudrate"))),
        ("polarity", WORD_POLARITY, keyword(vm, kw, "polarity")),
        ("phase", WORD_PHASE, keyword(vm, kw, "phase")),
        ("bits", WORD_BITS, keyword(vm, kw, "bits")),
        ("firstbit", WORD_FIRSTBIT, keyword(vm, kw, "firstbit")),
    ];
    for (name, word, value) in settings {
        if let Some(value) = value {
            let value = vm.to_i64(value)?;
            let valid = match name {
                "baudrate" => (1..=62_500_000).contains(&value),
                "bits" => (4..=16).contains(&value),
                _ => (0..=1).contains(&value),
            };
            if !valid {
                return Err(vm.raise_fmt(TypeId::ValueError, format_args!("bad {name}")));
            }
            vm.set(spi, word, Obj::small(value as i32));
        }
    }
    // SCK on pins ≡ 2 mod 4, MOSI ≡ 3, MISO ≡ 0, within the bus's blocks of 8.
    for (name, word, remainder, message) in [
        ("sck", WORD_SCK, 2, "bad SCK pin"),
        ("mosi", WORD_MOSI, 3, "bad MOSI pin"),
        ("miso", WORD_MISO, 0, "bad MISO pin"),
    ] {
        if let Some(pin) = keyword(vm, kw, name) {
            let pin = pin_number(vm, pin)? as i32;
            if pin >= 30 || pin % 4 != remainder || (pin & 8) >> 3 != id {
                return Err(vm.raise_msg(TypeId::ValueError, message));
            }
            vm.set(spi, word, Obj::small(pin));
        }
    }
    let word = |index| vm.get(spi, index).small_value();
    let config = SpiConfig {
        baudrate: word(WORD_BAUDRATE) as u32,
        polarity: word(WORD_POLARITY) as u8,
        phase: word(WORD_PHASE) as u8,
        bits: word(WORD_BITS) as u8,
        msb_first: word(WORD_FIRSTBIT) == 1,
        sck: Some(word(WORD_SCK) as u32),
        mosi: Some(word(WORD_MOSI) as u32),
        miso: Some(word(WORD_MISO) as u32),
    };
    let actual = with_machine(vm, |machine| {
        let bus = machine.spi(id as u32)?;
        bus.configure(&config)?;
        Ok(bus.baudrate())
    })?;
    vm.set(spi, WORD_BAUDRATE, Obj::small(actual.min(i32::MAX as u32) as i32));
    Ok(())
}

fn print(vm: &mut Vm<'_>, sink: Sink, spi: Obj, _depth: u32) -> R<()> {
    let word = |index| vm.get(spi, index).small_value();
    let (id, baudrate, polarity, phase, bits) =
        (word(WORD_ID), word(WORD_BAUDRATE), word(WORD_POLARITY), word(WORD_PHASE), word(WORD_BITS));
    let (sck, mosi, miso) = (word(WORD_SCK), word(WORD_MOSI), word(WORD_MISO));
    vm.emit_fmt(
        sink,
        format_args!(
            "SPI({id}, baudrate={baudrate}, polarity={polarity}, phase={phase}, bits={bits}, sck={sck}, mosi={mosi}, miso={miso})"
        ),
    )
}

/// Checks the receiver is an SPI object; returns its bus id.
fn receiver(vm: &mut Vm<'_>, args: &[Obj], min: usize, max: usize) -> R<u32> {
    check_args(vm, args, min, max)?;
    if TypeId::from_obj(vm.type_of(args[0])) != Some(TypeId::Spi) {
        return Err(vm.raise_msg(TypeId::TypeError, "expected an SPI object"));
    }
    Ok(vm.get(args[0], WORD_ID).small_value() as u32)
}

/// The byte sent while reading: `write` (positional or keyword), 0 by default.
fn fill_byte(vm: &mut Vm<'_>, args: &[Obj], index: usize, kw: &[Obj]) -> R<u8> {
    match args.get(index).copied().or_else(|| keyword(vm, kw, "write")) {
        Some(value) => Ok(vm.to_i64(value)? as u8),
        None => Ok(0),
    }
}

fn init(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    receiver(vm, args, 1, 2)?;
    configure(vm, args[0], args.get(1).copied(), kw)?;
    Ok(Obj::NONE)
}

fn deinit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 1, 1)?;
    with_machine(vm, |machine| {
        machine.spi(id)?.deinit();
        Ok(())
    })?;
    Ok(Obj::NONE)
}

/// `read(nbytes, write=0x00)`: a new bytes object.
fn read(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 2, 3)?;
    let count = vm.to_i64(args[1])?.max(0) as usize;
    let fill = fill_byte(vm, args, 2, kw)?;
    read_new_bytes(vm, count, |bytes, machine| machine.spi(id)?.transfer(&[], bytes, fill))
}

/// `readinto(buf, write=0x00)`.
fn readinto(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 2, 3)?;
    let fill = fill_byte(vm, args, 2, kw)?;
    with_buffer_mut_and_machine(vm, args[1], |bytes, machine| machine.spi(id)?.transfer(&[], bytes, fill))?;
    Ok(Obj::NONE)
}

/// `write(buf)`.
fn write(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 2, 2)?;
    with_buffer_and_machine(vm, args[1], |bytes, machine| machine.spi(id)?.transfer(bytes, &mut [], 0))?;
    Ok(Obj::NONE)
}

/// `write_readinto(write_buf, read_buf)`: both the same length.
fn write_readinto(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 3, 3)?;
    if vm.str_len(args[1]) != vm.str_len(args[2]) {
        return Err(vm.raise_msg(TypeId::ValueError, "buffers must be the same length"));
    }
    // The bytes to send are copied out first: the two buffers may be one.
    let len = vm.str_len(args[1]);
    let mut offset = 0;
    let mut chunk = [0u8; 64];
    while offset < len {
        let take = (len - offset).min(chunk.len());
        if !vm.is_bytes_like(args[1]) && vm.native_type(args[1]) != TypeId::Array {
            return Err(vm.raise_msg(TypeId::TypeError, "object with buffer protocol required"));
        }
        chunk[..take].copy_from_slice(&vm.str_bytes(args[1])[offset..offset + take]);
        let start = offset;
        with_buffer_mut_and_machine(vm, args[2], |bytes, machine| {
            machine.spi(id)?.transfer(&chunk[..take], &mut bytes[start..start + take], 0)
        })?;
        offset += take;
    }
    Ok(Obj::NONE)
}
