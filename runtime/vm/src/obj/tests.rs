//! Property tests of ints, dicts and sets against reference models
//! (`i128` arithmetic, a `Vec` of entries), with seeded pseudo-random
//! inputs, in normal and in GC stress mode.

extern crate std;

use std::vec::Vec;

use crate::image::ImageView;
use crate::obj::num::*;
use crate::obj::{Obj, TypeId};
use crate::port::{Config, Port};
use crate::vm::Vm;

/// A port that drops output (shared with `bigint_tests`).
pub(super) struct NullPort;

impl Port for NullPort {
    fn write_stdout(&mut self, _bytes: &[u8]) {}
}

struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 11
    }

    fn int(&mut self) -> i64 {
        let bits = self.next() % 63;
        let magnitude = (self.next() >> (64 - 11 - 1)).max(1) as i64;
        let value = (self.next() as i64) & ((1i64 << bits) - 1);
        if magnitude % 2 == 0 {
            -value
        } else {
            value
        }
    }
}

/// Runs `test` on a fresh VM with a 256 KiB heap (shared with `bigint_tests`).
pub(super) fn with_vm(stress: bool, test: impl FnOnce(&mut Vm<'_>)) {
    let mut heap = std::vec![0u8; 256 * 1024];
    let mut port = NullPort;
    let config = Config { gc_stress: stress, ..Config::host() };
    let mut vm = Vm::new(&mut heap, ImageView::empty(), &mut port, config).unwrap_or_else(|_| panic!("starts"));
    test(&mut vm);
}

fn int_value(vm: &Vm<'_>, obj: Obj) -> i128 {
    let view = vm.int_view(obj).unwrap_or_else(|| panic!("an int"));
    let mut value = 0i128;
    for index in (0..view.len).rev() {
        value = (value << 32) | i128::from(vm.view_digit(&view, index));
    }
    if view.negative {
        -value
    } else {
        value
    }
}

#[test]
fn int_arithmetic_matches_i128() {
    for stress in [false, true] {
        with_vm(stress, |vm| {
            let mut random = Random(7);
            for _ in 0..if stress { 150 } else { 2000 } {
                let (a, b) = (random.int(), random.int());
                let left = vm.new_int(a).unwrap_or(Obj::NULL);
                vm.push_root(left).unwrap_or(());
                let right = vm.new_int(b).unwrap_or(Obj::NULL);
                vm.push_root(right).unwrap_or(());
                let (a, b) = (i128::from(a), i128::from(b));
                let cases: [(u8, Option<i128>); 7] = [
                    (OP_ADD, Some(a + b)),
                    (OP_SUB, Some(a - b)),
                    (OP_MUL, Some(a * b)),
                    (OP_FLOOR_DIV, (b != 0).then(|| a.div_euclid(b) - i128::from(b < 0 && a.rem_euclid(b) != 0))),
                    (OP_AND, Some(a & b)),
                    (OP_OR, Some(a | b)),
                    (OP_XOR, Some(a ^ b)),
                ];
                for (op, expected) in cases {
                    let Some(expected) = expected else { continue };
                    let result = vm.binary_op(op, left, right).unwrap_or(Obj::NULL);
                    assert_eq!(int_value(vm, result), expected, "{a} op {op} {b}");
                }
                if b != 0 {
                    let quotient = vm.binary_op(OP_FLOOR_DIV, left, right).unwrap_or(Obj::NULL);
                    let quotient = int_value(vm, quotient);
                    let remainder = vm.binary_op(OP_MOD, left, right).unwrap_or(Obj::NULL);
                    let remainder = int_value(vm, remainder);
                    assert_eq!(quotient * b + remainder, a);
                    assert!(remainder == 0 || (remainder < 0) == (b < 0), "{a} % {b} = {remainder}");
                }
                let shift = (random.next() % 40) as i32;
                let shifted = vm.binary_op(OP_LSHIFT, left, Obj::small(shift)).unwrap_or(Obj::NULL);
                assert_eq!(int_value(vm, shifted), a << shift);
                let back = vm.binary_op(OP_RSHIFT, left, Obj::small(shift)).unwrap_or(Obj::NULL);
                assert_eq!(int_value(vm, back), a >> shift);
                for op in [OP_LESS, OP_MORE, OP_EQUAL, OP_LESS_EQUAL] {
                    let result = vm.compare(op, left, right).unwrap_or(false);
                    let expected = match op {
                        OP_LESS => a < b,
                        OP_MORE => a > b,
                        OP_EQUAL => a == b,
                        _ => a <= b,
                    };
                    assert_eq!(result, expected);
                }
                let mark = vm.root_mark();
                vm.pop_roots(mark - 2);
            }
        });
    }
}

#[test]
fn big_int_identities_hold() {
    with_vm(false, |vm| {
        let base = vm.new_int(3).unwrap_or(Obj::NULL);
        let big = vm.binary_op(OP_POW, base, Obj::small(500)).unwrap_or(Obj::NULL);
        vm.push_root(big).unwrap_or(());
        let other = vm.binary_op(OP_POW, Obj::small(7), Obj::small(211)).unwrap_or(Obj::NULL);
        vm.push_root(other).unwrap_or(());
        let product = vm.binary_op(OP_MUL, big, other).unwrap_or(Obj::NULL);
        let quotient = vm.binary_op(OP_FLOOR_DIV, product, other).unwrap_or(Obj::NULL);
        assert!(vm.equal(quotient, big).unwrap_or(false));
        let sum = vm.binary_op(OP_ADD, big, other).unwrap_or(Obj::NULL);
        let difference = vm.binary_op(OP_SUB, sum, other).unwrap_or(Obj::NULL);
        assert!(vm.equal(difference, big).unwrap_or(false));
        let remainder = vm.binary_op(OP_MOD, big, Obj::small(1_000_007)).unwrap_or(Obj::NULL);
        // 3**500 mod 1000007, computed independently.
        let mut expected = 1i64;
        for _ in 0..500 {
            expected = expected * 3 % 1_000_007;
        }
        assert_eq!(int_value(vm, remainder), i128::from(expected));
    });
}

#[test]
fn dict_matches_an_ordered_model() {
    for stress in [false, true] {
        with_vm(stress, |vm| {
            let dict = vm.new_dict(0).unwrap_or(Obj::NULL);
            vm.push_root(dict).unwrap_or(());
            let mut model: Vec<(i32, i32)> = Vec::new();
            let mut random = Random(11);
            for step in 0..if stress { 300 } else { 3000 } {
                let key = (random.next() % 97) as i32;
                if random.next() % 3 == 0 {
                    let removed = vm.map_remove(dict, Obj::small(key)).unwrap_or(None);
                    let position = model.iter().position(|(each, _)| *each == key);
                    assert_eq!(removed.map(|value| value.small_value()), position.map(|at| model.remove(at).1));
                } else {
                    vm.map_set(dict, Obj::small(key), Obj::small(step)).unwrap_or(());
                    match model.iter_mut().find(|(each, _)| *each == key) {
                        Some(entry) => entry.1 = step,
                        None => model.push((key, step)),
                    }
                }
                assert_eq!(vm.map_len(dict) as usize, model.len());
            }
            let mut index = 0;
            let mut seen = Vec::new();
            while let Some((entry, key, value)) = vm.map_next(dict, index) {
                seen.push((key.small_value(), value.small_value()));
                index = entry + 1;
            }
            assert_eq!(seen, model);
        });
    }
}

/// The heap blocks `make` keeps allocated (after a collection), with what
/// it returns rooted.
fn kept_blocks(vm: &mut Vm<'_>, make: impl FnOnce(&mut Vm<'_>) -> Obj) -> usize {
    vm.collect();
    let before = vm.heap.stats().used_blocks;
    let made = make(vm);
    vm.push_root(made).unwrap_or(());
    vm.collect();
    vm.heap.stats().used_blocks - before
}

#[test]
fn dicts_take_the_room_their_entries_need() {
    with_vm(false, |vm| {
        for wanted in [0usize, 1, 3, 4, 7, 12, 30, 100, 300] {
            let blocks = kept_blocks(vm, |vm| vm.new_dict(wanted).unwrap_or(Obj::NULL));
            let dict = vm.new_dict(wanted).unwrap_or(Obj::NULL);
            assert!(vm.map_capacity(dict) as usize >= wanted, "room for {wanted}");
            // A key and a value (8 bytes) per entry and at most a 16-bit
            // index slot for each of up to three slots per entry, besides the
            // 16-byte dict and the table's count and last partial block.
            let bound = 1 + (4 + 8 * wanted + 6 * wanted + 2).div_ceil(16) + 1;
            assert!(blocks <= bound, "{wanted} entries keep {blocks} blocks, more than {bound}");
        }
    });
}

#[test]
fn shrinking_a_dict_keeps_its_entries_in_fewer_blocks() {
    for stress in [false, true] {
        with_vm(stress, |vm| {
            let small = kept_blocks(vm, |vm| vm.new_dict(3).unwrap_or(Obj::NULL));
            let dict = vm.new_dict(64).unwrap_or(Obj::NULL);
            vm.push_root(dict).unwrap_or(());
            for key in 0..6 {
                vm.map_set(dict, Obj::small(key), Obj::small(10 * key)).unwrap_or(());
            }
            for key in 0..3 {
                assert_eq!(vm.map_remove(dict, Obj::small(2 * key)).unwrap_or(None), Some(Obj::small(20 * key)));
            }
            // With no room for a smaller table the dict stays as it is, and
            // nothing is raised: shrinking is only an economy.
            vm.gc.locked += 1;
            vm.map_shrink_to_fit(dict);
            vm.gc.locked -= 1;
            assert!(vm.exc.is_null());
            assert!(vm.map_capacity(dict) >= 64);
            vm.collect();
            let before = vm.heap.stats().used_blocks;
            vm.map_shrink_to_fit(dict);
            vm.collect();
            let after = vm.heap.stats().used_blocks;
            let large = kept_blocks(vm, |vm| vm.new_dict(64).unwrap_or(Obj::NULL));
            // The shrunk dict takes exactly what a dict made for its three entries takes.
            assert_eq!(before - after, large - small);
            assert!(vm.map_capacity(dict) < 64);
            assert_eq!(vm.map_len(dict), 3);
            for key in 0..6 {
                let expected = if key % 2 == 1 { Some(Obj::small(10 * key)) } else { None };
                assert_eq!(vm.map_get(dict, Obj::small(key)).unwrap_or(None), expected);
            }
            let mut order = Vec::new();
            let mut index = 0;
            while let Some((entry, key, _)) = vm.map_next(dict, index) {
                order.push(key.small_value());
                index = entry + 1;
            }
            assert_eq!(order, [1, 3, 5]);
        });
    }
}

#[test]
fn large_dicts_with_wide_index_slots_match_a_model() {
    with_vm(false, |vm| {
        let dict = vm.new_dict(0).unwrap_or(Obj::NULL);
        vm.push_root(dict).unwrap_or(());
        let mut model = std::collections::BTreeMap::new();
        let mut random = Random(5);
        for step in 0..6000 {
            let key = (random.next() % 1500) as i32;
            if random.next() % 4 == 0 {
                let removed = vm.map_remove(dict, Obj::small(key)).unwrap_or(None);
                assert_eq!(removed.map(|value| value.small_value()), model.remove(&key));
            } else {
                vm.map_set(dict, Obj::small(key), Obj::small(step)).unwrap_or(());
                model.insert(key, step);
            }
        }
        assert!(vm.map_capacity(dict) >= 256, "the index went past one-byte slots");
        assert_eq!(vm.map_len(dict) as usize, model.len());
        for key in 0..1500 {
            let found = vm.map_get(dict, Obj::small(key)).unwrap_or(None).map(|value| value.small_value());
            assert_eq!(found, model.get(&key).copied());
        }
    });
}

#[test]
fn str_keys_find_equal_qstrs_and_objects() {
    with_vm(true, |vm| {
        let dict = vm.new_dict(0).unwrap_or(Obj::NULL);
        vm.push_root(dict).unwrap_or(());
        let qstr = Obj::qstr(u32::from(rime_bytecode::qstr_runtime::qstr_id("append")));
        vm.map_set(dict, qstr, Obj::small(1)).unwrap_or(());
        let object = vm.new_str(b"append").unwrap_or(Obj::NULL);
        assert_eq!(vm.map_get(dict, object).unwrap_or(None), Some(Obj::small(1)));
        let text = vm.new_str(b"not a qstr yet").unwrap_or(Obj::NULL);
        vm.push_root(text).unwrap_or(());
        vm.map_set(dict, text, Obj::small(2)).unwrap_or(());
        let interned = vm.intern(text).unwrap_or(Obj::NULL);
        assert!(interned.is_qstr());
        assert_eq!(vm.map_get_qstr(dict, interned), Some(Obj::small(2)));
        assert_eq!(vm.intern_bytes(b"not a qstr yet").unwrap_or(Obj::NULL), interned);
    });
}

#[test]
fn set_operations_match_a_model() {
    with_vm(true, |vm| {
        let left = vm.new_map(TypeId::Set, 0).unwrap_or(Obj::NULL);
        vm.push_root(left).unwrap_or(());
        let right = vm.new_map(TypeId::Set, 0).unwrap_or(Obj::NULL);
        vm.push_root(right).unwrap_or(());
        let mut random = Random(5);
        let mut a = Vec::new();
        let mut b = Vec::new();
        for _ in 0..60 {
            let value = (random.next() % 40) as i32;
            vm.set_add(left, Obj::small(value)).unwrap_or(());
            if !a.contains(&value) {
                a.push(value);
            }
            let value = (random.next() % 40) as i32;
            vm.set_add(right, Obj::small(value)).unwrap_or(());
            if !b.contains(&value) {
                b.push(value);
            }
        }
        for (op, keep) in [
            (
                OP_AND,
                &(|x: &i32, a: &Vec<i32>, b: &Vec<i32>| a.contains(x) && b.contains(x))
                    as &dyn Fn(&i32, &Vec<i32>, &Vec<i32>) -> bool,
            ),
            (OP_OR, &|x, a, b| a.contains(x) || b.contains(x)),
            (OP_SUB, &|x, a, b| a.contains(x) && !b.contains(x)),
            (OP_XOR, &|x, a, b| a.contains(x) != b.contains(x)),
        ] {
            let result = vm.binary_op(op, left, right).unwrap_or(Obj::NULL);
            for value in 0..40 {
                let present = vm.map_find(result, Obj::small(value)).unwrap_or(None).is_some();
                assert_eq!(present, keep(&value, &a, &b), "op {op} value {value}");
            }
        }
    });
}
