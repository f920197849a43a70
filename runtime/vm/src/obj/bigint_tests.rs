//! Property tests of big ints of many digits: arithmetic identities that
//! hold for any operands (division rebuilds its dividend, shifts and bit
//! operations undo each other, text round-trips), over seeded pseudo-random
//! operands whose digits favour the edge values that Knuth's division
//! corrects for (0, 1, 0x8000_0000, 0xffff_ffff), in normal and GC stress mode.

extern crate std;

use std::vec::Vec;

use super::tests::with_vm;
use crate::obj::bigint::Big;
use crate::obj::num::*;
use crate::obj::Obj;
use crate::vm::Vm;

struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 16
    }

    fn digit(&mut self) -> u32 {
        match self.next() % 6 {
            0 => 0,
            1 => 1,
            2 => 0x8000_0000,
            3 => 0xffff_ffff,
            _ => self.next() as u32,
        }
    }

    /// A big int of 1 to `max_digits` digits, either sign.
    fn big(&mut self, max_digits: usize) -> Big {
        let mut big = Big::zero();
        big.len = 1 + (self.next() as usize) % max_digits;
        for index in 0..big.len {
            big.digits[index] = self.digit();
        }
        while big.len > 0 && big.digits[big.len - 1] == 0 {
            big.len -= 1;
        }
        big.negative = self.next() % 2 == 0 && big.len > 0;
        big
    }
}

/// Sign and digits, to compare ints of any size.
fn digits_of(vm: &Vm<'_>, obj: Obj) -> (bool, Vec<u32>) {
    let view = vm.int_view(obj).unwrap_or_else(|| panic!("an int"));
    (view.negative, (0..view.len).map(|index| vm.view_digit(&view, index)).collect())
}

fn op(vm: &mut Vm<'_>, operator: u8, left: Obj, right: Obj) -> Obj {
    let result = vm.binary_op(operator, left, right).unwrap_or_else(|_| panic!("op {operator} raised"));
    vm.push_root(result).unwrap_or_else(|_| panic!("root"));
    result
}

fn equal(vm: &mut Vm<'_>, left: Obj, right: Obj) -> bool {
    op(vm, OP_EQUAL, left, right) == Obj::TRUE
}

#[test]
fn big_int_identities_hold_for_many_digits() {
    for stress in [false, true] {
        with_vm(stress, |vm| {
            let mut random = Random(11);
            for round in 0..if stress { 60 } else { 600 } {
                let mark = vm.root_mark();
                let (a_big, b_big) = (random.big(12), random.big(1 + round % 9));
                let a = vm.new_big(&a_big).unwrap_or(Obj::NULL);
                vm.push_root(a).unwrap_or(());
                let b = vm.new_big(&b_big).unwrap_or(Obj::NULL);
                vm.push_root(b).unwrap_or(());
                let zero = Obj::small(0);
                if !equal(vm, b, zero) {
                    let quotient = op(vm, OP_FLOOR_DIV, a, b);
                    let remainder = op(vm, OP_MOD, a, b);
                    let product = op(vm, OP_MUL, quotient, b);
                    let rebuilt = op(vm, OP_ADD, product, remainder);
                    assert_eq!(digits_of(vm, rebuilt), digits_of(vm, a), "round {round}: q * b + r == a");
                    let (remainder_negative, remainder_digits) = digits_of(vm, remainder);
                    let (b_negative, _) = digits_of(vm, b);
                    assert!(remainder_digits.is_empty() || remainder_negative == b_negative, "round {round}: sign");
                    let remainder_magnitude = op(vm, OP_MUL, remainder, remainder);
                    let b_magnitude = op(vm, OP_MUL, b, b);
                    assert!(op(vm, OP_LESS, remainder_magnitude, b_magnitude) == Obj::TRUE, "round {round}: |r| < |b|");
                    let exact = op(vm, OP_MUL, a, b);
                    let back = op(vm, OP_FLOOR_DIV, exact, b);
                    assert_eq!(digits_of(vm, back), digits_of(vm, a), "round {round}: a * b // b == a");
                }
                let sum = op(vm, OP_ADD, a, b);
                let difference = op(vm, OP_SUB, sum, b);
                assert_eq!(digits_of(vm, difference), digits_of(vm, a), "round {round}: a + b - b == a");
                let and = op(vm, OP_AND, a, b);
                let or = op(vm, OP_OR, a, b);
                let xor = op(vm, OP_XOR, a, b);
                let and_plus_or = op(vm, OP_ADD, and, or);
                assert_eq!(digits_of(vm, and_plus_or), digits_of(vm, sum), "round {round}: (a & b) + (a | b)");
                let or_minus_and = op(vm, OP_SUB, or, and);
                assert_eq!(digits_of(vm, or_minus_and), digits_of(vm, xor), "round {round}: a ^ b");
                let shift = Obj::small((random.next() % 200) as i32);
                let shifted = op(vm, OP_LSHIFT, a, shift);
                let unshifted = op(vm, OP_RSHIFT, shifted, shift);
                assert_eq!(digits_of(vm, unshifted), digits_of(vm, a), "round {round}: (a << k) >> k");
                let power = op(vm, OP_POW, Obj::small(2), shift);
                let floor = op(vm, OP_FLOOR_DIV, a, power);
                let right_shifted = op(vm, OP_RSHIFT, a, shift);
                assert_eq!(digits_of(vm, right_shifted), digits_of(vm, floor), "round {round}: a >> k == a // 2**k");
                vm.pop_roots(mark);
            }
        });
    }
}

#[test]
fn big_int_text_round_trips_in_every_radix() {
    with_vm(false, |vm| {
        let mut random = Random(5);
        for round in 0..200 {
            let mark = vm.root_mark();
            let big = random.big(30);
            let value = vm.new_big(&big).unwrap_or(Obj::NULL);
            vm.push_root(value).unwrap_or(());
            let radix = 2 + (round % 35) as u32;
            let mut text = Vec::new();
            if big.negative {
                text.push(b'-');
            }
            vm.with_int_text(value, radix, |_, piece| {
                text.extend_from_slice(piece);
                Ok(())
            })
            .unwrap_or_else(|_| panic!("text"));
            assert!(text.len() == 1 || text[usize::from(big.negative)] != b'0', "no leading zero: {text:?}");
            let text_obj = vm.new_str(&text).unwrap_or(Obj::NULL);
            vm.push_root(text_obj).unwrap_or(());
            let parsed = crate::builtins::parse_int(vm, text_obj, radix).unwrap_or(Obj::NULL);
            assert_eq!(digits_of(vm, parsed), digits_of(vm, value), "round {round}, radix {radix}");
            vm.pop_roots(mark);
        }
    });
}

#[test]
fn a_result_larger_than_the_heap_raises_memory_error() {
    with_vm(false, |vm| {
        let huge = vm.binary_op(OP_LSHIFT, Obj::small(1), Obj::small(1 << 24));
        assert!(huge.is_err());
        assert_eq!(vm.exc, crate::obj::Singleton::MemoryErrorInstance.obj());
        let power = vm.binary_op(OP_POW, Obj::small(3), Obj::small(1 << 26));
        assert!(power.is_err());
        // The VM still works afterwards.
        let fine = vm.binary_op(OP_LSHIFT, Obj::small(1), Obj::small(1000)).unwrap_or(Obj::NULL);
        assert_eq!(digits_of(vm, fine).1.len(), 32);
    });
}
