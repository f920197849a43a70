//! The `hashlib` module with `sha256`, as on MicroPython's rp2 boards.
//!
//! A hash object is a pair `(data bytearray, final)` whose type word is a
//! class named `sha256` with `tuple` as its native base (made once, kept in
//! `sys.modules` under a name no import can reach, like
//! `collections.OrderedDict`). `update` appends to the data and `digest`
//! hashes all of it; after a digest the object is final: `update` and
//! `digest` raise
//! `ValueError: hash is final`, as MicroPython's does. The digest is
//! computed here (FIPS 180-4).

use crate::builtins::{check_args, Handler};
use crate::native::NativeModule;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::qstr_runtime::qstr_id;

pub static MODULE: NativeModule = NativeModule::new("hashlib", FUNCTIONS);

/// Entry 0 is `sha256`, the module's constructor; the others are the
/// methods of a hash object, which the `sha256` class hands out.
static FUNCTIONS: &[(&str, Handler)] = &[("sha256", sha256), ("update", update), ("digest", digest)];

/// The `sha256` class, made on first use.
fn sha256_class(vm: &mut Vm<'_>) -> R<Obj> {
    let key = vm.new_str(b"hashlib sha256")?;
    let mark = vm.root_mark();
    vm.push_root(key)?;
    let modules = vm.modules;
    if let Some(class) = vm.map_get(modules, key)? {
        vm.pop_roots(mark);
        return Ok(class);
    }
    let namespace = vm.new_dict(2)?;
    vm.push_root(namespace)?;
    for (entry, (name, _)) in FUNCTIONS.iter().enumerate().skip(1) {
        let method = vm.native_function(&MODULE, entry as u32);
        let name = vm.intern_bytes(name.as_bytes())?;
        vm.map_set(namespace, name, method)?;
    }
    let bases = vm.new_tuple(&[TypeId::Tuple.obj()])?;
    vm.push_root(bases)?;
    let class = vm.alloc_typed(TypeId::Type, 5)?;
    vm.set(class, 1, Obj::qstr(u32::from(qstr_id("sha256"))));
    vm.set(class, 2, bases);
    vm.set(class, 3, namespace);
    vm.set_u(class, 4, TypeId::Tuple.addr());
    vm.push_root(class)?;
    vm.map_set(modules, key, class)?;
    vm.pop_roots(mark);
    Ok(class)
}

/// `hashlib.sha256(data=b"")`.
fn sha256(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    let class = sha256_class(vm)?;
    let mark = vm.root_mark();
    vm.push_root(class)?;
    let data = vm.new_buffer(TypeId::ByteArray, 64)?;
    vm.push_root(data)?;
    if let Some(&first) = args.first() {
        feed(vm, data, first)?;
    }
    let state = vm.new_tuple(&[data, Obj::FALSE])?;
    vm.set_u(state, 0, class.addr());
    vm.pop_roots(mark);
    Ok(state)
}

/// Appends the bytes of `data` (bytes, bytearray, memoryview, array or str)
/// to the bytearray `state`.
fn feed(vm: &mut Vm<'_>, state: Obj, data: Obj) -> R<()> {
    let buffer = data.is_ptr() && matches!(vm.native_type(data), TypeId::MemoryView | TypeId::Array);
    if !(vm.is_bytes_like(data) || vm.is_str(data) || buffer) {
        return Err(vm.type_error_for("object with buffer protocol required, not", data));
    }
    let len = vm.str_len(data);
    let mut chunk = [0u8; 64];
    let mut offset = 0;
    while offset < len {
        let count = (len - offset).min(chunk.len());
        chunk[..count].copy_from_slice(&vm.str_bytes(data)[offset..offset + count]);
        vm.buffer_push(state, &chunk[..count])?;
        offset += count;
    }
    Ok(())
}

/// The data bytearray of the hash object `this`.
fn hash_data(vm: &mut Vm<'_>, this: Obj) -> R<Obj> {
    let class = vm.type_of(this);
    if !vm.is_class(class) || vm.native_type_of_type(class) != TypeId::Tuple || vm.tuple_len(this) != 2 {
        return Err(vm.raise_msg(TypeId::TypeError, "expected a sha256 object"));
    }
    Ok(vm.tuple_item(this, 0))
}

/// The data of `this`, or `ValueError: hash is final` after a digest.
fn final_check(vm: &mut Vm<'_>, this: Obj) -> R<Obj> {
    let data = hash_data(vm, this)?;
    if vm.tuple_item(this, 1) == Obj::TRUE {
        return Err(vm.raise_msg(TypeId::ValueError, "hash is final"));
    }
    Ok(data)
}

fn update(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 2, 2)?;
    let data = final_check(vm, args[0])?;
    feed(vm, data, args[1])?;
    Ok(Obj::NONE)
}

fn digest(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    let data = final_check(vm, args[0])?;
    // Word 3 is the second item of the pair: the object is final now.
    vm.set(args[0], 3, Obj::TRUE);
    let result = sha256_digest(vm.str_bytes(data));
    vm.new_bytes(&result)
}

const ROUND_CONSTANTS: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
];

const INITIAL_STATE: [u32; 8] =
    [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/// The SHA-256 digest of `data`.
pub fn sha256_digest(data: &[u8]) -> [u8; 32] {
    let mut state = INITIAL_STATE;
    let mut blocks = data.chunks_exact(64);
    for block in &mut blocks {
        compress(&mut state, block);
    }
    // The tail: the remaining bytes, a 1 bit, zeros, and the length in bits.
    let rest = blocks.remainder();
    let mut tail = [0u8; 128];
    tail[..rest.len()].copy_from_slice(rest);
    tail[rest.len()] = 0x80;
    let tail_len = if rest.len() < 56 { 64 } else { 128 };
    let bit_length = (data.len() as u64).wrapping_mul(8);
    tail[tail_len - 8..tail_len].copy_from_slice(&bit_length.to_be_bytes());
    for block in tail[..tail_len].chunks_exact(64) {
        compress(&mut state, block);
    }
    let mut out = [0u8; 32];
    for (index, word) in state.iter().enumerate() {
        out[4 * index..4 * index + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

/// One 64-byte block of the compression function.
fn compress(state: &mut [u32; 8], block: &[u8]) {
    let mut schedule = [0u32; 64];
    for index in 0..16 {
        let bytes = [block[4 * index], block[4 * index + 1], block[4 * index + 2], block[4 * index + 3]];
        schedule[index] = u32::from_be_bytes(bytes);
    }
    for index in 16..64 {
        let before = schedule[index - 15];
        let near = schedule[index - 2];
        let sigma0 = before.rotate_right(7) ^ before.rotate_right(18) ^ (before >> 3);
        let sigma1 = near.rotate_right(17) ^ near.rotate_right(19) ^ (near >> 10);
        schedule[index] =
            schedule[index - 16].wrapping_add(sigma0).wrapping_add(schedule[index - 7]).wrapping_add(sigma1);
    }
    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
    for index in 0..64 {
        let sum1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let choice = (e & f) ^ (!e & g);
        let first = h
            .wrapping_add(sum1)
            .wrapping_add(choice)
            .wrapping_add(ROUND_CONSTANTS[index])
            .wrapping_add(schedule[index]);
        let sum0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let majority = (a & b) ^ (a & c) ^ (b & c);
        let second = sum0.wrapping_add(majority);
        h = g;
        g = f;
        f = e;
        e = d.wrapping_add(first);
        d = c;
        c = b;
        b = a;
        a = first.wrapping_add(second);
    }
    for (word, add) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
        *word = word.wrapping_add(add);
    }
}
