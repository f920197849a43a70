//! A fuzz-style test of the image reader: 12,000 images mutated by a PRNG with
//! a fixed seed never make [`Image::parse`], the accessors or [`dump`] panic.
//!
//! Half of the mutated images get their checksum recomputed, so that the
//! structure checks behind the checksum are exercised too; when such an image
//! is accepted, everything reachable from it is walked. The mutations are
//! byte flips, random bytes, words replaced by interesting values (addresses
//! inside and just outside the image, section boundaries, huge counts),
//! truncation and extension.

use rime_bytecode::image::{
    checksum, dump, Abi, BuiltinTypes, Image, ImageBuilder, RawCodeRef, CHECKSUM_OFFSET, HEADER_SIZE,
};
use rime_bytecode::MpyModule;
use std::path::Path;

const RUNTIME_QSTRS: &[&str] = &["zfill"];

fn abi() -> Abi<'static> {
    let types = BuiltinTypes {
        str: 0x1000,
        bytes: 0x1010,
        int: 0x1020,
        float: 0x1030,
        complex: 0x1040,
        tuple: 0x1050,
        function: 0x1060,
        static_method: 0x1070,
        class_method: 0x1080,
        property: 0x1090,
        empty_tuple: 0x10a0,
    };
    Abi { abi_id: 7, runtime_qstrs: RUNTIME_QSTRS, types }
}

/// xorshift64*: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

fn seed_image() -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mpy");
    let mut builder = ImageBuilder::new(abi(), "fuzz");
    for stem in ["tuples", "bigints", "closures", "floats"] {
        let module = MpyModule::read(&std::fs::read(dir.join(format!("{stem}.mpy"))).unwrap()).unwrap();
        builder.module(&format!("{stem}.py"), module);
    }
    builder.resource("r.bin", vec![1, 2, 3]).source("s.py", "pass\n".into()).main_module("tuples.py");
    builder.build().unwrap().bytes
}

fn walk_code(code: RawCodeRef<'_, '_>, depth: usize) {
    let _ = (code.fun_data().len(), code.child_count(), code.record(), code.address());
    if depth < 64 {
        for child in code.children() {
            walk_code(child, depth + 1);
        }
    }
}

fn walk_object(image: &Image<'_>, word: u32, depth: usize) {
    if let Some(rime_bytecode::image::ObjRef::Tuple(items)) = image.object(word) {
        if depth < 64 {
            items.iter().for_each(|item| walk_object(image, item, depth + 1));
        }
    }
}

/// Uses everything an accepted image offers.
fn exercise(image: &Image<'_>) {
    for id in 0..image.first_qstr() + image.qstr_count() + 2 {
        if let Some(text) = image.qstr(id) {
            let _ = image.find_qstr(text);
        }
        let _ = image.qstr_hash(id);
    }
    for module in image.modules() {
        let _ = image.module(module.name());
        for index in 0..module.qstr_count() + 1 {
            let _ = module.qstr(index);
        }
        for index in 0..module.object_count() + 1 {
            if let Some(word) = module.object(index) {
                walk_object(image, word, 0);
            }
        }
        if let Some(root) = module.root() {
            walk_code(root, 0);
        }
    }
    for index in 0..image.resource_count() + 1 {
        if let Some(entry) = image.resource_at(index) {
            let _ = image.resource(entry.name);
        }
    }
    for index in 0..image.source_count() + 1 {
        if let Some(entry) = image.source_at(index) {
            let _ = image.source(entry.name);
        }
    }
    let _ = image.main_module();
    let _ = dump(image);
}

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    let link = 0x1000_0000u32;
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len());
        match rng.below(7) {
            0 => bytes[at] ^= 1 << rng.below(8),
            1 => bytes[at] = rng.next() as u8,
            2 | 3 => {
                let at = at & !3;
                let interesting = [
                    0,
                    1,
                    0xffff_ffff,
                    0x8000_0000,
                    link,
                    link + seed.len() as u32,
                    link + seed.len() as u32 - 4,
                    link + rng.below(seed.len()) as u32,
                    link + (rng.below(seed.len()) as u32 & !3),
                    rng.below(64) as u32,
                    (rng.below(seed.len()) as u32) << 4,
                    rng.next() as u32,
                ];
                let value = interesting[rng.below(interesting.len())];
                if at + 4 <= bytes.len() {
                    bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
                }
            }
            4 => bytes.truncate(at.max(1)),
            5 => bytes.extend((0..rng.below(32)).map(|_| rng.next() as u8)),
            _ => {
                let len = rng.below(16).min(bytes.len() - at);
                for byte in &mut bytes[at..at + len] {
                    *byte = rng.next() as u8;
                }
            }
        }
        if bytes.is_empty() {
            break;
        }
    }
    bytes
}

#[test]
fn twelve_thousand_mutated_images_never_panic() {
    let seed = seed_image();
    assert!(Image::parse(&seed, &abi()).is_ok());
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut accepted = 0;
    for case in 0..12_000 {
        let mut bytes = mutate(&mut rng, &seed);
        if case % 2 == 0 && bytes.len() >= HEADER_SIZE {
            let sum = checksum(&bytes[..bytes.len().min(seed.len())]);
            bytes[CHECKSUM_OFFSET..HEADER_SIZE].copy_from_slice(&sum);
        }
        match Image::parse(&bytes, &abi()) {
            Ok(image) => {
                accepted += 1;
                exercise(&image);
            }
            Err(error) => {
                assert!(error.offset <= bytes.len().max(HEADER_SIZE), "case {case}: {error}");
                let _ = error.to_string();
            }
        }
        // The same bytes without the checksum check reach the structure checks.
        if let Ok(image) = Image::parse_with(&bytes, &abi(), Some("fuzz"), false) {
            exercise(&image);
        }
    }
    // Some mutations (in padding, or trailing bytes) leave a valid image.
    assert!(accepted > 0);
}
