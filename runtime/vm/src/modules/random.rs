//! The `random` module with MicroPython's functions: `getrandbits`, `seed`,
//! `randrange`, `randint`, `choice`, `random` and `uniform`.
//!
//! The generator is xoshiro128** (four 32-bit words of state, kept in
//! [`Vm::random_state`]). Until a program calls `seed(n)`, the state is
//! seeded from the port's entropy source ([`Port::random_u32`]), as
//! MicroPython seeds from the hardware at start-up; `seed()` without an
//! argument (or with None) seeds from the port again. Integer arguments must
//! fit a machine word, as in MicroPython.
//!
//! [`Vm::random_state`]: crate::vm::Vm::random_state
//! [`Port::random_u32`]: crate::Port::random_u32

use crate::builtins::{check_args, Handler};
use crate::native::NativeModule;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

pub static MODULE: NativeModule = NativeModule::new("random", FUNCTIONS);

static FUNCTIONS: &[(&str, Handler)] = &[
    ("choice", random_choice),
    ("getrandbits", random_getrandbits),
    ("randint", random_randint),
    ("random", random_random),
    ("randrange", random_randrange),
    ("seed", random_seed),
    ("uniform", random_uniform),
];

/// Spreads a 64-bit seed over the four words of state (splitmix64).
fn seed_state(vm: &mut Vm<'_>, seed: u64) {
    let mut mixer = seed;
    for pair in 0..2 {
        mixer = mixer.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut value = mixer;
        value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        value ^= value >> 31;
        vm.random_state[2 * pair] = value as u32;
        vm.random_state[2 * pair + 1] = (value >> 32) as u32;
    }
    if vm.random_state == [0; 4] {
        vm.random_state[0] = 1;
    }
}

fn seed_from_port(vm: &mut Vm<'_>) {
    let high = vm.port.random_u32();
    let low = vm.port.random_u32();
    seed_state(vm, (u64::from(high) << 32) | u64::from(low));
}

/// The next 32 random bits.
pub fn next_u32(vm: &mut Vm<'_>) -> u32 {
    if vm.random_state == [0; 4] {
        seed_from_port(vm);
    }
    let state = &mut vm.random_state;
    let result = state[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
    let shifted = state[1] << 9;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= shifted;
    state[3] = state[3].rotate_left(11);
    result
}

/// A uniformly drawn integer in `0..limit` (`limit` > 0), without bias.
fn below(vm: &mut Vm<'_>, limit: u32) -> u32 {
    let bits = 32 - (limit - 1).leading_zeros();
    loop {
        let value = if bits == 0 { 0 } else { next_u32(vm) >> (32 - bits) };
        if value < limit {
            return value;
        }
    }
}

/// An int argument that fits a machine word, with MicroPython's errors.
fn word_argument(vm: &mut Vm<'_>, value: Obj) -> R<i32> {
    if vm.is_float(value) {
        return Err(vm.raise_msg(TypeId::TypeError, "can't convert float to int"));
    }
    let number = vm.to_i64(value)?;
    i32::try_from(number)
        .map_err(|_| vm.raise_msg(TypeId::OverflowError, "overflow converting long int to machine word"))
}

fn random_getrandbits(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let bits = word_argument(vm, args[0])?;
    if !(0..=32).contains(&bits) {
        return Err(vm.raise_msg(TypeId::ValueError, "bits must be 32 or less"));
    }
    if bits == 0 {
        return Ok(Obj::small(0));
    }
    let value = next_u32(vm) >> (32 - bits);
    vm.new_int(i64::from(value))
}

fn random_seed(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    match args.first() {
        Some(&value) if !value.is_none() => {
            let seed = word_argument(vm, value)?;
            seed_state(vm, seed as u32 as u64);
        }
        _ => seed_from_port(vm),
    }
    Ok(Obj::NONE)
}

/// `start + step × below(count)`, or ValueError when the range is empty.
fn pick_in_range(vm: &mut Vm<'_>, start: i32, stop: i32, step: i32) -> R<Obj> {
    let (start, stop, step) = (i64::from(start), i64::from(stop), i64::from(step));
    let count = match step {
        0 => 0,
        step if step > 0 => (stop - start + step - 1) / step,
        step => (stop - start + step + 1) / step,
    };
    if count <= 0 {
        return Err(vm.raise_type(TypeId::ValueError));
    }
    let index = below(vm, count.min(i64::from(u32::MAX)) as u32);
    vm.new_int(start + step * i64::from(index))
}

fn random_randrange(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 3)?;
    let mut numbers = [0i32; 3];
    for (slot, value) in numbers.iter_mut().zip(args) {
        *slot = word_argument(vm, *value)?;
    }
    match args.len() {
        1 => pick_in_range(vm, 0, numbers[0], 1),
        2 => pick_in_range(vm, numbers[0], numbers[1], 1),
        _ => pick_in_range(vm, numbers[0], numbers[1], numbers[2]),
    }
}

fn random_randint(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let low = word_argument(vm, args[0])?;
    let high = word_argument(vm, args[1])?;
    if high < low {
        return Err(vm.raise_type(TypeId::ValueError));
    }
    let span = (i64::from(high) - i64::from(low) + 1).min(i64::from(u32::MAX)) as u32;
    let offset = below(vm, span);
    vm.new_int(i64::from(low) + i64::from(offset))
}

fn random_choice(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let len = vm.len_of(args[0])?;
    if len == 0 {
        return Err(vm.raise_type(TypeId::IndexError));
    }
    let index = below(vm, len.min(u32::MAX as usize) as u32);
    vm.subscr_get(args[0], Obj::small(index as i32))
}

/// A float in `[0, 1)` with 24 random bits, exact in single and double precision.
fn unit_float(vm: &mut Vm<'_>) -> f64 {
    f64::from(next_u32(vm) >> 8) / 16_777_216.0
}

fn random_random(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 0)?;
    let value = unit_float(vm);
    vm.new_float(value)
}

fn random_uniform(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let Some(low) = vm.to_f64(args[0]) else {
        return Err(vm.type_error_for("can't convert to float:", args[0]));
    };
    let Some(high) = vm.to_f64(args[1]) else {
        return Err(vm.type_error_for("can't convert to float:", args[1]));
    };
    let fraction = unit_float(vm);
    vm.new_float(low + (high - low) * fraction)
}
