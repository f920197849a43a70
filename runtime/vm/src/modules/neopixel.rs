//! The `neopixel` module, as MicroPython's rp2 port ships it (micropython-
//! lib's driver): `NeoPixel(pin, n, *, bpp=3, timing=1)` keeps the pixels
//! of a WS2812 strip in `buf` (a bytearray, each pixel's colours in the
//! strip's G, R, B(, W) order), `np[i] = (r, g, b)`, `np[i]`, `len(np)`,
//! `fill(pixel)`, and `write()`, which sends `buf` with
//! `machine.bitstream` (timing 1: 800 kHz, 0: 400 kHz, or a timing tuple).
//!
//! `NeoPixel` is a class made by `Vm::native_module_class` (so programs may
//! derive from it), and its state is the attributes micropython-lib's has:
//! `pin`, `n`, `bpp`, `buf` and `timing`.

use crate::builtins::{check_args, keyword, Handler};
use crate::native::NativeModule;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

pub static MODULE: NativeModule = NativeModule { name: "neopixel", functions: FUNCTIONS, constants: &[], attr: Some(module_attr) };

/// Entry 0 is a placeholder no lookup finds by name; the others are the
/// methods of the `NeoPixel` class.
static FUNCTIONS: &[(&str, Handler)] = &[
    (" ", init),
    ("__init__", init),
    ("__len__", len),
    ("__setitem__", set_item),
    ("__getitem__", get_item),
    ("fill", fill),
    ("write", write),
];

/// Where colour `i` of a pixel (R, G, B, W) goes in the strip's bytes.
const ORDER: [usize; 4] = [1, 0, 2, 3];

/// The bitstream timings (high and low time of a 0, then of a 1, in ns).
const TIMING_800KHZ: [i32; 4] = [400, 850, 800, 450];
const TIMING_400KHZ: [i32; 4] = [800, 1700, 1600, 900];

fn module_attr(vm: &mut Vm<'_>, name: u32) -> R<Option<Obj>> {
    if vm.qstr_bytes(name) == b"NeoPixel" {
        return vm.native_module_class(&MODULE, "NeoPixel", 1).map(Some);
    }
    Ok(None)
}

/// Attribute `name` of `this` (the state micropython-lib's class keeps).
fn attr(vm: &mut Vm<'_>, this: Obj, name: &str) -> R<Obj> {
    let key = vm.intern_bytes(name.as_bytes())?;
    vm.load_attr(this, key)
}

fn set_attr(vm: &mut Vm<'_>, this: Obj, name: &str, value: Obj) -> R<()> {
    vm.with_roots(&[value], |vm| {
        let key = vm.intern_bytes(name.as_bytes())?;
        vm.store_attr(this, key, value)
    })
}

/// `NeoPixel(pin, n, *, bpp=3, timing=1)`.
fn init(vm: &mut Vm<'_>, args: &[Obj], kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 3, 3)?;
    let (this, pin) = (args[0], args[1]);
    let count = vm.to_i64(args[2])?;
    let bpp = match keyword(vm, kw, "bpp") {
        Some(bpp) => vm.to_i64(bpp)?,
        None => 3,
    };
    if count < 0 || !(1..=4).contains(&bpp) {
        return Err(vm.raise_msg(TypeId::ValueError, "bad pixel count or bpp"));
    }
    let timing = match keyword(vm, kw, "timing") {
        Some(timing) if vm.native_type(timing) == TypeId::Tuple => timing,
        Some(timing) => {
            let fast = vm.truthy(timing)?;
            let times = if fast { TIMING_800KHZ } else { TIMING_400KHZ };
            vm.new_tuple(&times.map(Obj::small))?
        }
        None => vm.new_tuple(&TIMING_800KHZ.map(Obj::small))?,
    };
    vm.with_roots(&[timing], |vm| {
        let len = (count * bpp) as usize;
        let buffer = vm.new_buffer(TypeId::ByteArray, len.max(1))?;
        vm.with_roots(&[buffer], |vm| {
            let zeros = [0u8; 64];
            let mut left = len;
            while left > 0 {
                let take = left.min(zeros.len());
                vm.buffer_push(buffer, &zeros[..take])?;
                left -= take;
            }
            // As micropython-lib's driver: the pin becomes an output.
            let out = Obj::small(crate::modules::machine::MODE_OUT);
            crate::modules::json::call_method(vm, pin, "init", &[out])?;
            set_attr(vm, this, "pin", pin)?;
            set_attr(vm, this, "n", Obj::small(count as i32))?;
            set_attr(vm, this, "bpp", Obj::small(bpp as i32))?;
            set_attr(vm, this, "buf", buffer)?;
            set_attr(vm, this, "timing", timing)
        })
    })?;
    Ok(Obj::NONE)
}

/// The strip's buffer, pixel size and count.
fn state(vm: &mut Vm<'_>, this: Obj) -> R<(Obj, usize, usize)> {
    let buffer = attr(vm, this, "buf")?;
    let bpp = attr(vm, this, "bpp")?;
    let bpp = vm.to_i64(bpp)?.clamp(1, 4) as usize;
    if vm.native_type(buffer) != TypeId::ByteArray {
        return Err(vm.raise_msg(TypeId::TypeError, "NeoPixel buf must be a bytearray"));
    }
    let count = vm.str_len(buffer) / bpp;
    Ok((buffer, bpp, count))
}

/// The pixel index `index` (negative from the end) of a strip of `count`.
fn pixel_index(vm: &mut Vm<'_>, index: Obj, count: usize) -> R<usize> {
    let index = vm.to_i64(index)?;
    let resolved = if index < 0 { index + count as i64 } else { index };
    if !(0..count as i64).contains(&resolved) {
        return Err(vm.raise_msg(TypeId::IndexError, "bytearray index out of range"));
    }
    Ok(resolved as usize)
}

/// Stores `pixel` (a sequence of `bpp` ints) at pixel `index`.
fn store_pixel(vm: &mut Vm<'_>, buffer: Obj, bpp: usize, index: usize, pixel: Obj) -> R<()> {
    let Some(items) = vm.seq_items(pixel) else {
        return Err(vm.raise_msg(TypeId::TypeError, "pixel must be a tuple or list"));
    };
    if (items.1 as usize) < bpp {
        return Err(vm.raise_msg(TypeId::IndexError, "tuple index out of range"));
    }
    let mut bytes = [0u8; 4];
    for (colour, slot) in ORDER.iter().take(bpp).enumerate() {
        let item = vm.seq_item_at(items, colour as u32);
        let value = vm.to_i64(item)?;
        if !(0..=255).contains(&value) {
            return Err(vm.raise_msg(TypeId::ValueError, "bytearray value out of range"));
        }
        bytes[*slot] = value as u8;
    }
    let address = vm.bytes_data_address(buffer) + (index * bpp) as u32;
    vm.heap.bytes_mut(address, bpp).copy_from_slice(&bytes[..bpp]);
    Ok(())
}

fn len(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let count = attr(vm, args[0], "n")?;
    Ok(count)
}

fn set_item(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 3, 3)?;
    let (buffer, bpp, count) = state(vm, args[0])?;
    let index = pixel_index(vm, args[1], count)?;
    store_pixel(vm, buffer, bpp, index, args[2])?;
    Ok(Obj::NONE)
}

fn get_item(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let (buffer, bpp, count) = state(vm, args[0])?;
    let index = pixel_index(vm, args[1], count)?;
    let bytes = vm.str_bytes(buffer);
    let mut colours = [Obj::small(0); 4];
    for (colour, slot) in ORDER.iter().take(bpp).enumerate() {
        colours[colour] = Obj::small(i32::from(bytes[index * bpp + slot]));
    }
    vm.new_tuple(&colours[..bpp])
}

fn fill(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let (buffer, bpp, count) = state(vm, args[0])?;
    for index in 0..count {
        store_pixel(vm, buffer, bpp, index, args[1])?;
    }
    Ok(Obj::NONE)
}

/// `write()`: `machine.bitstream(pin, 0, timing, buf)`.
fn write(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let pin = attr(vm, args[0], "pin")?;
    vm.with_roots(&[pin], |vm| {
        let timing = attr(vm, args[0], "timing")?;
        vm.with_roots(&[timing], |vm| {
            let (buffer, _, _) = state(vm, args[0])?;
            crate::modules::machine_misc::bitstream(vm, &[pin, Obj::small(0), timing, buffer], &[])
        })
    })
}
