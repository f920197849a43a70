//! `machine.I2C`, as MicroPython's rp2 port has it, over the port's
//! [`I2cBus`](crate::port::I2cBus): `I2C(id, freq=400000, *, scl, sda,
//! timeout=50000)` and the controller methods `scan`, `readfrom`,
//! `readfrom_into`, `writeto`, `writevto`, `readfrom_mem`,
//! `readfrom_mem_into` and `writeto_mem`.
//!
//! An I2C object is six words: `type, id, freq, scl, sda, timeout`; the
//! bus itself (and what is on it) is the port's. Pins are checked as the
//! RP2040 routes them (I2C0's SDA on GP0, 4, 8, …, SCL on GP1, 5, 9, …;
//! I2C1's on GP2/GP3, 6/7, …) and default to MicroPython's for the Pico
//! (I2C0: SCL GP5, SDA GP4; I2C1: SCL GP7, SDA GP6). A transfer the bus
//! refuses raises `OSError` with the errno MicroPython's rp2 port gives:
//! `EIO` for a NACK, `ENODEV` for a NACK of an empty write (a scan),
//! `ETIMEDOUT` for a timeout.

use crate::builtins::{check_args, keyword, Handler};
use crate::modules::machine::{
    pin_number, read_new_bytes, with_buffer_and_machine, with_buffer_mut_and_machine, with_machine,
};
use crate::native::NativeType;
use crate::obj::repr::Sink;
use crate::obj::{Obj, TypeId};
use crate::port::I2cConfig;
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static I2C_TYPE: NativeType = NativeType {
    methods: I2C_METHODS,
    make_new: Some(|vm, _type_id, args, kw| construct(vm, args, kw)),
    print: Some(print),
    ..NativeType::EMPTY
};

static I2C_METHODS: &[(u16, Handler)] = &[
    (qstr_id("init"), init),
    (qstr_id("scan"), scan),
    (qstr_id("readfrom"), readfrom),
    (qstr_id("readfrom_into"), readfrom_into),
    (qstr_id("writeto"), writeto),
    (qstr_id("writevto"), writevto),
    (qstr_id("readfrom_mem"), readfrom_mem),
    (qstr_id("readfrom_mem_into"), readfrom_mem_into),
    (qstr_id("writeto_mem"), writeto_mem),
];

const WORD_ID: u32 = 1;
const WORD_FREQ: u32 = 2;
const WORD_SCL: u32 = 3;
const WORD_SDA: u32 = 4;
const WORD_TIMEOUT: u32 = 5;

/// The default pins (SCL, SDA) of each bus, as MicroPython's Pico build has them.
const DEFAULT_PINS: [(u32, u32); 2] = [(5, 4), (7, 6)];

/// `I2C(id=0, freq=400000, *, scl, sda, timeout=50000)`.
fn construct(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 2)?;
    let id = match args.first() {
        Some(&id) => vm.to_i64(id)?,
        None => 0,
    };
    if !(0..2).contains(&id) {
        return Err(vm.raise_fmt(TypeId::ValueError, format_args!("I2C({id}) doesn't exist")));
    }
    let id = id as u32;
    let i2c = vm.alloc_typed(TypeId::I2c, 6)?;
    let (scl, sda) = DEFAULT_PINS[id as usize];
    vm.set(i2c, WORD_ID, Obj::small(id as i32));
    vm.set(i2c, WORD_FREQ, Obj::small(400_000));
    vm.set(i2c, WORD_SCL, Obj::small(scl as i32));
    vm.set(i2c, WORD_SDA, Obj::small(sda as i32));
    vm.set(i2c, WORD_TIMEOUT, Obj::small(50_000));
    vm.with_roots(&[i2c], |vm| configure(vm, i2c, args.get(1).copied(), kw))?;
    Ok(i2c)
}

/// Applies `freq` (positional or keyword), `scl`, `sda` and `timeout`.
fn configure(vm: &mut Vm<'_>, i2c: Obj, freq: Option<Obj>, kw: &[Obj]) -> R<()> {
    let id = vm.get(i2c, WORD_ID).small_value() as u32;
    if let Some(freq) = freq.or_else(|| keyword(vm, kw, "freq")) {
        let freq = vm.to_i64(freq)?;
        if !(1..=1_000_000).contains(&freq) {
            return Err(vm.raise_msg(TypeId::ValueError, "freq must be 1 to 1000000"));
        }
        vm.set(i2c, WORD_FREQ, Obj::small(freq as i32));
    }
    // I2C0's SCL is on pins 1, 5, 9, …; I2C1's on 3, 7, 11, …; SDA one below.
    for (name, word, remainder) in [("scl", WORD_SCL, 1 + 2 * id), ("sda", WORD_SDA, 2 * id)] {
        if let Some(pin) = keyword(vm, kw, name) {
            let pin = pin_number(vm, pin)?;
            if pin >= 30 || pin % 4 != remainder {
                let message = if name == "scl" { "bad SCL pin" } else { "bad SDA pin" };
                return Err(vm.raise_msg(TypeId::ValueError, message));
            }
            vm.set(i2c, word, Obj::small(pin as i32));
        }
    }
    if let Some(timeout) = keyword(vm, kw, "timeout") {
        let timeout = vm.to_i64(timeout)?;
        vm.set(i2c, WORD_TIMEOUT, Obj::small(timeout.clamp(0, i64::from(i32::MAX >> 1)) as i32));
    }
    let config = I2cConfig {
        freq: vm.get(i2c, WORD_FREQ).small_value() as u32,
        scl: Some(vm.get(i2c, WORD_SCL).small_value() as u32),
        sda: Some(vm.get(i2c, WORD_SDA).small_value() as u32),
        timeout_us: vm.get(i2c, WORD_TIMEOUT).small_value() as u32,
    };
    with_machine(vm, |machine| machine.i2c(id)?.configure(&config))
}

fn print(vm: &mut Vm<'_>, sink: Sink, i2c: Obj, _depth: u32) -> R<()> {
    let word = |index| vm.get(i2c, index).small_value();
    let (id, freq, scl, sda, timeout) =
        (word(WORD_ID), word(WORD_FREQ), word(WORD_SCL), word(WORD_SDA), word(WORD_TIMEOUT));
    vm.emit_fmt(sink, format_args!("I2C({id}, freq={freq}, scl={scl}, sda={sda}, timeout={timeout})"))
}

/// Checks the receiver is an I2C object; returns its bus id.
fn receiver(vm: &mut Vm<'_>, args: &[Obj], min: usize, max: usize) -> R<u32> {
    check_args(vm, args, min, max)?;
    if TypeId::from_obj(vm.type_of(args[0])) != Some(TypeId::I2c) {
        return Err(vm.raise_msg(TypeId::TypeError, "expected an I2C object"));
    }
    Ok(vm.get(args[0], WORD_ID).small_value() as u32)
}

/// A 7-bit address argument.
fn address(vm: &mut Vm<'_>, value: Obj) -> R<u16> {
    Ok((vm.to_i64(value)? & 0x3ff) as u16)
}

/// The `stop` argument at `index` (True when absent).
fn stop_flag(vm: &mut Vm<'_>, args: &[Obj], index: usize, kw: &[Obj]) -> R<bool> {
    match args.get(index).copied().or_else(|| keyword(vm, kw, "stop")) {
        Some(flag) => vm.truthy(flag),
        None => Ok(true),
    }
}

fn init(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    receiver(vm, args, 1, 2)?;
    configure(vm, args[0], args.get(1).copied(), kw)?;
    Ok(Obj::NONE)
}

/// `scan()`: the addresses from 0x08 to 0x77 that acknowledge an empty write.
fn scan(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 1, 1)?;
    let found = vm.new_list(0)?;
    vm.with_roots(&[found], |vm| {
        for address in 0x08u16..0x78 {
            let answered = vm
                .port
                .machine()
                .is_some_and(|machine| machine.i2c(id).is_ok_and(|bus| bus.write(address, &[], true).is_ok()));
            if answered {
                vm.list_append(found, Obj::small(i32::from(address)))?;
            }
        }
        Ok(found)
    })
}

/// Reads into the writable `buffer` from `address`.
fn read_into(vm: &mut Vm<'_>, id: u32, address: u16, buffer: Obj, stop: bool) -> R<()> {
    with_buffer_mut_and_machine(vm, buffer, |bytes, machine| machine.i2c(id)?.read(address, bytes, stop))
}

/// `readfrom(addr, nbytes, stop=True)`: a new bytes object.
fn readfrom(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 3, 4)?;
    let address = address(vm, args[1])?;
    let count = vm.to_i64(args[2])?.max(0) as usize;
    let stop = stop_flag(vm, args, 3, kw)?;
    read_new_bytes(vm, count, |bytes, machine| machine.i2c(id)?.read(address, bytes, stop))
}

/// `readfrom_into(addr, buf, stop=True)`.
fn readfrom_into(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 3, 4)?;
    let address = address(vm, args[1])?;
    let stop = stop_flag(vm, args, 3, kw)?;
    read_into(vm, id, address, args[2], stop)?;
    Ok(Obj::NONE)
}

/// `writeto(addr, buf, stop=True)`: how many bytes were acknowledged.
fn writeto(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 3, 4)?;
    let address = address(vm, args[1])?;
    let stop = stop_flag(vm, args, 3, kw)?;
    let count = with_buffer_and_machine(vm, args[2], |bytes, machine| machine.i2c(id)?.write(address, &[bytes], stop))?;
    Ok(Obj::small(count as i32))
}

/// `writevto(addr, vector, stop=True)`: the buffers of `vector` (a tuple
/// or list) sent as one write.
fn writevto(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 3, 4)?;
    let address = address(vm, args[1])?;
    let stop = stop_flag(vm, args, 3, kw)?;
    let vector = args[2];
    if !matches!(vm.native_type(vector), TypeId::Tuple | TypeId::List) {
        return Err(vm.raise_msg(TypeId::TypeError, "object not iterable"));
    }
    // The parts are joined in a temporary buffer: the bus takes one slice
    // list, and the parts may live in the heap and in flash.
    let joined = vm.new_buffer(TypeId::ByteArray, 16)?;
    vm.with_roots(&[joined], |vm| {
        let items = vm.seq_items(vector).unwrap_or((0, 0));
        for index in 0..items.1 {
            let part = vm.seq_item_at(items, index);
            if !vm.is_bytes_like(part) && vm.native_type(part) != TypeId::Array {
                return Err(vm.raise_msg(TypeId::TypeError, "object with buffer protocol required"));
            }
            let len = vm.str_len(part);
            let mut offset = 0;
            let mut chunk = [0u8; 64];
            while offset < len {
                let take = (len - offset).min(chunk.len());
                chunk[..take].copy_from_slice(&vm.str_bytes(part)[offset..offset + take]);
                vm.buffer_push(joined, &chunk[..take])?;
                offset += take;
            }
        }
        let sent =
            with_buffer_and_machine(vm, joined, |bytes, machine| machine.i2c(id)?.write(address, &[bytes], stop))?;
        Ok(Obj::small(sent as i32))
    })
}

/// The memory address of `readfrom_mem`/`writeto_mem` as the bytes sent
/// first, most significant first (`addrsize` 8, 16, 24 or 32 bits).
fn memory_address(vm: &mut Vm<'_>, value: Obj, kw: &[Obj]) -> R<([u8; 4], usize)> {
    let address = vm.to_i64(value)? as u32;
    let size = match keyword(vm, kw, "addrsize") {
        Some(size) => vm.to_i64(size)?,
        None => 8,
    };
    if !matches!(size, 8 | 16 | 24 | 32) {
        return Err(vm.raise_msg(TypeId::ValueError, "addrsize must be 8, 16, 24 or 32"));
    }
    let len = (size / 8) as usize;
    let bytes = address.to_be_bytes();
    let mut out = [0u8; 4];
    out[..len].copy_from_slice(&bytes[4 - len..]);
    Ok((out, len))
}

/// `readfrom_mem_into(addr, memaddr, buf, *, addrsize=8)`: writes the
/// memory address without a stop, then reads.
fn readfrom_mem_into(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 4, 4)?;
    let address = address(vm, args[1])?;
    let (memory, len) = memory_address(vm, args[2], kw)?;
    with_machine(vm, |machine| machine.i2c(id)?.write(address, &[&memory[..len]], false))?;
    read_into(vm, id, address, args[3], true)?;
    Ok(Obj::NONE)
}

/// `readfrom_mem(addr, memaddr, nbytes, *, addrsize=8)`.
fn readfrom_mem(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 4, 4)?;
    let address = address(vm, args[1])?;
    let (memory, len) = memory_address(vm, args[2], kw)?;
    with_machine(vm, |machine| machine.i2c(id)?.write(address, &[&memory[..len]], false))?;
    readfrom(vm, &[args[0], args[1], args[3]], &[])
}

/// `writeto_mem(addr, memaddr, buf, *, addrsize=8)`: the memory address
/// and the data in one write.
fn writeto_mem(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    let id = receiver(vm, args, 4, 4)?;
    let address = address(vm, args[1])?;
    let (memory, len) = memory_address(vm, args[2], kw)?;
    with_buffer_and_machine(vm, args[3], |bytes, machine| {
        machine.i2c(id)?.write(address, &[&memory[..len], bytes], true)
    })?;
    Ok(Obj::NONE)
}
