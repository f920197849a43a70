//! Unit tests of the packed unsigned tables: the eight-byte read in the
//! middle of an image and the byte-by-byte read at its end give the same
//! entries, for every width.

extern crate std;

use super::packed_uint;
use std::vec::Vec;

/// Packs `values`, `bits` wide each, least significant bit first, after
/// `offset` bytes of padding.
fn pack(values: &[u32], bits: usize, offset: usize) -> Vec<u8> {
    let mut bytes: Vec<u8> = std::vec![0xa5u8; offset];
    let mut accumulator = 0u128;
    let mut filled = 0usize;
    for &value in values {
        accumulator |= u128::from(value) << filled;
        filled += bits;
        while filled >= 8 {
            bytes.push(accumulator as u8);
            accumulator >>= 8;
            filled -= 8;
        }
    }
    if filled > 0 {
        bytes.push(accumulator as u8);
    }
    bytes
}

#[test]
fn every_width_reads_back_in_the_middle_and_at_the_end() {
    for bits in 1..=32usize {
        let mask = if bits == 32 { u32::MAX } else { (1u32 << bits) - 1 };
        let values: Vec<u32> = (0..40u32).map(|index| index.wrapping_mul(0x9e37_79b9).rotate_left(7) & mask).collect();
        for offset in [0, 3] {
            let bytes = pack(&values, bits, offset);
            for (index, &value) in values.iter().enumerate() {
                assert_eq!(packed_uint(&bytes, offset, bits, index), Some(value), "bits {bits}, entry {index}");
            }
        }
    }
}

#[test]
fn past_the_end_reads_zero_and_bad_widths_read_nothing() {
    let bytes = pack(&[5, 6, 7], 4, 0);
    assert_eq!(packed_uint(&bytes, 0, 4, 2), Some(7));
    assert_eq!(packed_uint(&bytes, 0, 4, 9), Some(0));
    assert_eq!(packed_uint(&bytes, 0, 0, 0), None);
    assert_eq!(packed_uint(&bytes, 0, 33, 0), None);
}
