//! `machine.UART` and `machine.ADC`, as MicroPython's rp2 port has them,
//! over the port's [`Uart`](crate::port::Uart) and [`Adc`](crate::port::Adc).
//!
//! A UART object is twelve words: `type, id, baudrate, bits, parity,
//! stop, tx, rx, timeout, timeout_char, txbuf, rxbuf`. Reads wait as
//! MicroPython's stream reads do: up to `timeout` ms for the first byte
//! and `timeout_char` ms between bytes (at least one character time), and
//! give `None` when nothing came. Pins are checked as the RP2040 routes
//! them (UART0 on GP0/1, 12/13, 16/17, 28/29; UART1 on GP4/5, 8/9, 20/21,
//! 24/25) and default to GP0/GP1 and GP4/GP5.
//!
//! An ADC object is two words: `type, channel` (0–3 are GP26–GP29, 4 the
//! temperature sensor, `ADC.CORE_TEMP`).

use crate::builtins::{check_args, keyword, Handler};
use crate::modules::machine::{pin_number, with_buffer_and_machine, with_machine};
use crate::native::NativeType;
use crate::obj::repr::Sink;
use crate::obj::{Obj, TypeId};
use crate::port::{AdcSource, Parity, UartConfig};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static UART_TYPE: NativeType = NativeType {
    methods: UART_METHODS,
    make_new: Some(|vm, _type_id, args, kw| construct(vm, args, kw)),
    print: Some(print),
    ..NativeType::EMPTY
};

static UART_METHODS: &[(u16, Handler)] = &[
    (qstr_id("init"), init),
    (qstr_id("deinit"), deinit),
    (qstr_id("any"), any),
    (qstr_id("read"), read),
    (qstr_id("readline"), readline),
    (qstr_id("readinto"), readinto),
    (qstr_id("write"), write),
    (qstr_id("flush"), flush),
    (qstr_id("txdone"), txdone),
];

pub static ADC_TYPE: NativeType = NativeType {
    methods: &[(qstr_id("read_u16"), adc_read_u16)],
    constants: &[(qstr_id("CORE_TEMP"), Obj::small(4))],
    make_new: Some(|vm, _type_id, args, _kw| adc_construct(vm, args)),
    print: Some(adc_print),
    ..NativeType::EMPTY
};

pub(crate) const WORD_ID: u32 = 1;
const WORD_BAUDRATE: u32 = 2;
const WORD_BITS: u32 = 3;
const WORD_PARITY: u32 = 4;
const WORD_STOP: u32 = 5;
const WORD_TX: u32 = 6;
const WORD_RX: u32 = 7;
const WORD_TIMEOUT: u32 = 8;
const WORD_TIMEOUT_CHAR: u32 = 9;
const WORD_TXBUF: u32 = 10;
const WORD_RXBUF: u32 = 11;

/// The default pins (TX, RX) of each UART.
const DEFAULT_PINS: [(i32, i32); 2] = [(0, 1), (4, 5)];

/// `UART(id, baudrate=115200, bits=8, parity=None, stop=1, *, tx, rx, timeout, timeout_char, txbuf, rxbuf)`.
fn construct(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 5)?;
    let id = vm.to_i64(args[0])?;
    if !(0..2).contains(&id) {
        return Err(vm.raise_fmt(TypeId::ValueError, format_args!("UART({id}) doesn't exist")));
    }
    let uart = vm.alloc_typed(TypeId::Uart, 12)?;
    let (tx, rx) = DEFAULT_PINS[id as usize];
    let words = [id as i32, 115_200, 8, -1, 1, tx, rx, 0, 0, 256, 256];
    for (index, value) in words.into_iter().enumerate() {
        vm.set(uart, WORD_ID + index as u32, Obj::small(value));
    }
    vm.with_roots(&[uart], |vm| configure(vm, uart, &args[1..], kw))?;
    Ok(uart)
}

/// Applies the settings given, positional (`baudrate, bits, parity, stop`) or keywords.
fn configure(vm: &mut Vm<'_>, uart: Obj, args: &[Obj], kw: &[Obj]) -> R<()> {
    let id = vm.get(uart, WORD_ID).small_value();
    let names = ["baudrate", "bits", "parity", "stop"];
    for (index, name) in names.into_iter().enumerate() {
        let Some(value) = args.get(index).copied().or_else(|| keyword(vm, kw, name)) else { continue };
        let number = if name == "parity" && value.is_none() { -1 } else { vm.to_i64(value)? };
        let valid = match name {
            "baudrate" => (1..=i64::from(i32::MAX >> 1)).contains(&number),
            "bits" => (5..=8).contains(&number),
            "parity" => (-1..=1).contains(&number),
            _ => (1..=2).contains(&number),
        };
        if !valid {
            return Err(vm.raise_fmt(TypeId::ValueError, format_args!("invalid {name}")));
        }
        vm.set(uart, WORD_BAUDRATE + index as u32, Obj::small(number as i32));
    }
    // TX on pins ≡ 0 mod 4, RX ≡ 1, in the blocks of 8 (offset by 4) of each UART.
    for (name, word, remainder, message) in [("tx", WORD_TX, 0, "bad TX pin"), ("rx", WORD_RX, 1, "bad RX pin")] {
        if let Some(pin) = keyword(vm, kw, name) {
            let pin = pin_number(vm, pin)? as i32;
            if pin >= 30 || pin % 4 != remainder || ((pin + 4) & 8) >> 3 != id {
                return Err(vm.raise_msg(TypeId::ValueError, message));
            }
            vm.set(uart, word, Obj::small(pin));
        }
    }
    for (name, word) in
        [("timeout", WORD_TIMEOUT), ("timeout_char", WORD_TIMEOUT_CHAR), ("txbuf", WORD_TXBUF), ("rxbuf", WORD_RXBUF)]
    {
        if let Some(value) = keyword(vm, kw, name) {
            let value = vm.to_i64(value)?;
            if value >= 0 {
                vm.set(uart, word, Obj::small(value.min(0xffff) as i32));
            }
        }
    }
    // As MicroPython: a character's time (13 bits) at least between characters.
    let baudrate = vm.get(uart, WORD_BAUDRATE).small_value();
    let minimum = 13_000 / baudrate + 1;
    if vm.get(uart, WORD_TIMEOUT_CHAR).small_value() < minimum {
        vm.set(uart, WORD_TIMEOUT_CHAR, Obj::small(minimum));
    }
    let word = |index| vm.get(uart, index).small_value();
    let config = UartConfig {
        baudrate: word(WORD_BAUDRATE) as u32,
        bits: word(WORD_BITS) as u8,
        parity: match word(WORD_PARITY) {
            0 => Parity::Even,
            1 => Parity::Odd,
            _ => Parity::None,
        },
        stop: word(WORD_STOP) as u8,
        tx: Some(word(WORD_TX) as u32),
        rx: Some(word(WORD_RX) as u32),
        rx_buffer: word(WORD_RXBUF) as u32,
    };
    with_machine(vm, |machine| machine.uart(id as u32)?.configure(&config))
}

fn print(vm: &mut Vm<'_>, sink: Sink, uart: Obj, _depth: u32) -> R<()> {
    let word = |index| vm.get(uart, index).small_value();
    let parity = match word(WORD_PARITY) {
        0 => "0",
        1 => "1",
        _ => "None",
    };
    let (id, baudrate, bits, stop, tx, rx) =
        (word(WORD_ID), word(WORD_BAUDRATE), word(WORD_BITS), word(WORD_STOP), word(WORD_TX), word(WORD_RX));
    let (txbuf, rxbuf, timeout, timeout_char) =
        (word(WORD_TXBUF), word(WORD_RXBUF), word(WORD_TIMEOUT), word(WORD_TIMEOUT_CHAR));
    vm.emit_fmt(
        sink,
        format_args!(
            "UART({id}, baudrate={baudrate}, bits={bits}, parity={parity}, stop={stop}, tx={tx}, rx={rx}, \
             txbuf={txbuf}, rxbuf={rxbuf}, timeout={timeout}, timeout_char={timeout_char}, invert=None, irq=0)"
        ),
    )
}

/// Checks the receiver is a UART object; returns its id.
fn receiver(vm: &mut Vm<'_>, args: &[Obj], min: usize, max: usize) -> R<u32> {
    check_args(vm, args, min, max)?;
    if TypeId::from_obj(vm.type_of(args[0])) != Some(TypeId::Uart) {
        return Err(vm.raise_msg(TypeId::TypeError, "expected a UART object"));
    }
    Ok(vm.get(args[0], WORD_ID).small_value() as u32)
}

fn init(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    receiver(vm, args, 1, 5)?;
    configure(vm, args[0], &args[1..], kw)?;
    Ok(Obj::NONE)
}

fn deinit(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 1, 1)?;
    with_machine(vm, |machine| {
        machine.uart(id)?.deinit();
        Ok(())
    })?;
    Ok(Obj::NONE)
}

fn any(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 1, 1)?;
    let count = with_machine(vm, |machine| Ok(machine.uart(id)?.any()))?;
    Ok(Obj::small(count as i32))
}

/// Waits up to `ms` milliseconds for received bytes; how many wait then.
fn wait_for_bytes(vm: &mut Vm<'_>, id: u32, ms: i32) -> R<usize> {
    let start = vm.port.ticks_ms();
    loop {
        let count = with_machine(vm, |machine| Ok(machine.uart(id)?.any()))?;
        if count > 0 || vm.port.ticks_ms().wrapping_sub(start) >= ms as u32 {
            return Ok(count);
        }
        // Serves Ctrl-C, interrupts and timers while it waits.
        vm.sleep_serving(100)?;
    }
}

/// Reads up to `limit` bytes (all that come when `None`), stopping after
/// a newline when `line`; the bytes, or None when nothing came in time.
fn read_stream(vm: &mut Vm<'_>, this: Obj, limit: Option<usize>, line: bool) -> R<Obj> {
    let id = vm.get(this, WORD_ID).small_value() as u32;
    let timeout = vm.get(this, WORD_TIMEOUT).small_value();
    let timeout_char = vm.get(this, WORD_TIMEOUT_CHAR).small_value();
    let collected = vm.new_buffer(TypeId::ByteArray, 16)?;
    vm.with_roots(&[collected], |vm| {
        let mut wait = timeout;
        loop {
            let wanted = limit.map_or(usize::MAX, |limit| limit - vm.str_len(collected));
            if wanted == 0 || wait_for_bytes(vm, id, wait)? == 0 {
                break;
            }
            let mut chunk = [0u8; 64];
            let take = if line { 1 } else { wanted.min(chunk.len()) };
            let got = with_machine(vm, |machine| Ok(machine.uart(id)?.read(&mut chunk[..take])))?;
            vm.buffer_push(collected, &chunk[..got])?;
            if line && chunk[..got].contains(&b'\n') {
                break;
            }
            wait = timeout_char;
        }
        if vm.str_len(collected) == 0 && limit != Some(0) {
            return Ok(Obj::NONE);
        }
        let len = vm.str_len(collected);
        vm.str_slice(TypeId::Bytes, collected, 0, len)
    })
}

/// `read([nbytes])`.
fn read(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    receiver(vm, args, 1, 2)?;
    let limit = match args.get(1) {
        Some(&count) if !count.is_none() => Some(vm.to_i64(count)?.max(0) as usize),
        _ => None,
    };
    read_stream(vm, args[0], limit, false)
}

/// `readline()`: up to and including a newline.
fn readline(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    receiver(vm, args, 1, 1)?;
    read_stream(vm, args[0], None, true)
}

/// `readinto(buf[, nbytes])`: how many bytes were stored, or None.
fn readinto(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    receiver(vm, args, 2, 3)?;
    let capacity = vm.str_len(args[1]);
    let limit = match args.get(2) {
        Some(&count) => (vm.to_i64(count)?.max(0) as usize).min(capacity),
        None => capacity,
    };
    let data = read_stream(vm, args[0], Some(limit), false)?;
    if data.is_none() {
        return Ok(Obj::NONE);
    }
    let len = vm.str_len(data);
    if !matches!(vm.native_type(args[1]), TypeId::ByteArray | TypeId::Array | TypeId::MemoryView) {
        return Err(vm.raise_msg(TypeId::TypeError, "object with buffer protocol required"));
    }
    let from = vm.bytes_data_address(data);
    let to = vm.bytes_data_address(args[1]);
    vm.copy_bytes(from, to, len);
    Ok(Obj::small(len as i32))
}

/// `write(buf)`: how many bytes were queued.
fn write(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 2, 2)?;
    let count = if vm.is_str(args[1]) {
        let len = vm.str_len(args[1]);
        let mut offset = 0;
        while offset < len {
            let mut chunk = [0u8; 64];
            let take = (len - offset).min(chunk.len());
            chunk[..take].copy_from_slice(&vm.str_bytes(args[1])[offset..offset + take]);
            with_machine(vm, |machine| machine.uart(id)?.write(&chunk[..take]))?;
            offset += take;
        }
        len
    } else {
        with_buffer_and_machine(vm, args[1], |bytes, machine| machine.uart(id)?.write(bytes))?
    };
    Ok(Obj::small(count as i32))
}

/// `flush()`: waits until everything queued has been sent.
fn flush(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 1, 1)?;
    while !with_machine(vm, |machine| Ok(machine.uart(id)?.tx_done()))? {
        vm.port.sleep_us(100);
    }
    Ok(Obj::NONE)
}

fn txdone(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 1, 1)?;
    let done = with_machine(vm, |machine| Ok(machine.uart(id)?.tx_done()))?;
    Ok(if done { Obj::TRUE } else { Obj::FALSE })
}

/// `ADC(id)`: a channel number, or a pin (a `Pin` or its number, GP26–GP29).
fn adc_construct(vm: &mut Vm<'_>, args: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let source = if vm.is_str(args[0]) || TypeId::from_obj(vm.type_of(args[0])) == Some(TypeId::Pin) {
        AdcSource::Pin(pin_number(vm, args[0])?)
    } else {
        AdcSource::Id(vm.to_i64(args[0])?.clamp(0, i64::from(u32::MAX >> 1)) as u32)
    };
    with_machine(vm, |machine| machine.adc(source).map(|_| ()))?;
    let channel = match source {
        AdcSource::Id(channel @ 0..=4) => channel,
        AdcSource::Id(pin) | AdcSource::Pin(pin) => pin.saturating_sub(26),
    };
    let adc = vm.alloc_typed(TypeId::Adc, 2)?;
    vm.set(adc, 1, Obj::small(channel as i32));
    Ok(adc)
}

fn adc_print(vm: &mut Vm<'_>, sink: Sink, adc: Obj, _depth: u32) -> R<()> {
    let channel = vm.get(adc, 1).small_value();
    vm.emit_fmt(sink, format_args!("<ADC channel={channel}>"))
}

fn adc_read_u16(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    if TypeId::from_obj(vm.type_of(args[0])) != Some(TypeId::Adc) {
        return Err(vm.raise_msg(TypeId::TypeError, "expected an ADC object"));
    }
    let channel = vm.get(args[0], 1).small_value() as u32;
    let value = with_machine(vm, |machine| machine.adc(AdcSource::Id(channel))?.read_u16())?;
    Ok(Obj::small(i32::from(value)))
}
