//! Variable-length integers of the `.mpy` format and of bytecode operands.
//!
//! Unsigned values ("vuint") are stored in 7-bit groups, most significant
//! group first; bit 7 of each byte says another byte follows. `247` is
//! `81 77`. The `docs/reference/mpyfiles.rst` text of MicroPython calls this
//! "LSB form", but every file and the loader use MSB-first.
//!
//! Signed values (the `LOAD_CONST_SMALL_INT` operand) use the same groups in
//! two's complement: the value is negative when bit 6 of the first byte is set,
//! and a sign-only group (`0x00` or `0x7f`) is prepended when the top group's
//! bit 6 would otherwise read wrongly. `200` is `81 48`, `100000` is
//! `86 8d 20`, `-1` is `7f`, `-65` is `ff 3f`.
//!
//! Encoders push bytes into a caller's closure so they work without `alloc`;
//! decoders take a slice and an offset and return the value and the number of
//! bytes used, or a [`DecodeError`] for truncated or oversized input. The
//! readers [`read_uint`] and [`read_sint`] are the VM's: they advance a
//! position and never fail, for the dispatch loop's hot path.

use crate::DecodeError;

/// The most bytes a `u32` takes as a vuint.
pub const MAX_UINT_BYTES: usize = 5;

/// Pushes `value` as a vuint. Returns the number of bytes pushed.
pub fn encode_uint(value: u32, push: &mut impl FnMut(u8)) -> usize {
    let len = uint_len(value);
    for group in (0..len).rev() {
        let bits = ((value >> (7 * group)) & 0x7f) as u8;
        push(if group == 0 { bits } else { bits | 0x80 });
    }
    len
}

/// The number of bytes [`encode_uint`] uses for `value`.
pub fn uint_len(value: u32) -> usize {
    let mut len = 1;
    let mut rest = value >> 7;
    while rest != 0 {
        len += 1;
        rest >>= 7;
    }
    len
}

/// Decodes a vuint starting at `bytes[offset]`. Returns the value and its length in bytes.
pub fn decode_uint(bytes: &[u8], offset: usize) -> Result<(u32, usize), DecodeError> {
    let mut value: u32 = 0;
    let mut position = offset;
    loop {
        let byte = *bytes.get(position).ok_or(DecodeError::truncated(offset))?;
        if value > (u32::MAX >> 7) {
            return Err(DecodeError::overflow(offset));
        }
        value = (value << 7) | u32::from(byte & 0x7f);
        position += 1;
        if byte & 0x80 == 0 {
            return Ok((value, position - offset));
        }
    }
}

/// Reads a vuint at `bytes[*position]` and moves `*position` past it.
///
/// Unlike [`decode_uint`] it never fails: a byte past the end of `bytes`
/// reads as 0 (which ends the number) and bits above the 32nd are dropped,
/// so malformed input gives a wrong value, never a panic or an endless loop.
#[inline]
pub fn read_uint(bytes: &[u8], position: &mut usize) -> u32 {
    let mut value = 0u32;
    loop {
        let byte = bytes.get(*position).copied().unwrap_or(0);
        *position += 1;
        value = (value << 7) | u32::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            return value;
        }
    }
}

/// Pushes `value` as a signed variable-length integer, exactly as MicroPython's
/// emitter does for `LOAD_CONST_SMALL_INT`. Returns the number of bytes pushed.
pub fn encode_sint(value: i32, push: &mut impl FnMut(u8)) -> usize {
    let mut groups = [0u8; MAX_UINT_BYTES + 1];
    let mut count = 0;
    let mut rest = value;
    loop {
        groups[count] = (rest & 0x7f) as u8;
        count += 1;
        rest >>= 7;
        if rest == 0 || rest == -1 {
            break;
        }
    }
    // The sign is read from bit 6 of the top group, so add a sign-only group
    // when that bit disagrees with the value's sign.
    let top_bit_set = groups[count - 1] & 0x40 != 0;
    if rest == -1 && !top_bit_set {
        groups[count] = 0x7f;
        count += 1;
    } else if rest == 0 && top_bit_set {
        groups[count] = 0x00;
        count += 1;
    }
    for index in (0..count).rev() {
        push(if index == 0 { groups[index] } else { groups[index] | 0x80 });
    }
    count
}

/// The number of bytes [`encode_sint`] uses for `value`.
pub fn sint_len(value: i32) -> usize {
    encode_sint(value, &mut |_| {})
}

/// Decodes a signed variable-length integer starting at `bytes[offset]`.
/// Returns the value and its length in bytes.
pub fn decode_sint(bytes: &[u8], offset: usize) -> Result<(i32, usize), DecodeError> {
    let first = *bytes.get(offset).ok_or(DecodeError::truncated(offset))?;
    let mut value: i64 = if first & 0x40 != 0 { -1 } else { 0 };
    let mut position = offset;
    loop {
        let byte = *bytes.get(position).ok_or(DecodeError::truncated(offset))?;
        if position - offset > MAX_UINT_BYTES {
            return Err(DecodeError::overflow(offset));
        }
        value = (value << 7) | i64::from(byte & 0x7f);
        position += 1;
        if byte & 0x80 == 0 {
            break;
        }
    }
    let value = i32::try_from(value).map_err(|_| DecodeError::overflow(offset))?;
    Ok((value, position - offset))
}

/// Reads a signed variable-length integer at `bytes[*position]` and moves
/// `*position` past it; never fails, like [`read_uint`] (see [`decode_sint`]
/// for the checked form).
#[inline]
pub fn read_sint(bytes: &[u8], position: &mut usize) -> i32 {
    let first = bytes.get(*position).copied().unwrap_or(0);
    let mut value: i32 = if first & 0x40 != 0 { -1 } else { 0 };
    loop {
        let byte = bytes.get(*position).copied().unwrap_or(0);
        *position += 1;
        value = value.wrapping_shl(7) | i32::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            return value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uint_bytes(value: u32) -> ([u8; 8], usize) {
        let mut out = [0u8; 8];
        let mut len = 0;
        encode_uint(value, &mut |byte| {
            out[len] = byte;
            len += 1;
        });
        (out, len)
    }

    fn sint_bytes(value: i32) -> ([u8; 8], usize) {
        let mut out = [0u8; 8];
        let mut len = 0;
        encode_sint(value, &mut |byte| {
            out[len] = byte;
            len += 1;
        });
        (out, len)
    }

    #[test]
    fn unsigned_examples() {
        let (bytes, len) = uint_bytes(247);
        assert_eq!(&bytes[..len], &[0x81, 0x77]);
        let (bytes, len) = uint_bytes(0);
        assert_eq!(&bytes[..len], &[0x00]);
        let (bytes, len) = uint_bytes(0x3f4);
        assert_eq!(&bytes[..len], &[0x87, 0x74]);
        assert_eq!(decode_uint(&[0x81, 0x77], 0), Ok((247, 2)));
        assert_eq!(uint_len(u32::MAX), 5);
    }

    #[test]
    fn unsigned_round_trip_and_errors() {
        for value in [0, 1, 127, 128, 16383, 16384, 1 << 28, u32::MAX] {
            let (bytes, len) = uint_bytes(value);
            assert_eq!(decode_uint(&bytes[..len], 0), Ok((value, len)));
            assert_eq!(len, uint_len(value));
            assert_eq!(decode_uint(&bytes[..len - 1], 0).map_err(|e| e.kind), Err(crate::DecodeErrorKind::Truncated));
        }
        let too_big = [0x90, 0x80, 0x80, 0x80, 0x00];
        assert_eq!(decode_uint(&too_big, 0).map_err(|e| e.kind), Err(crate::DecodeErrorKind::Overflow));
        assert!(decode_uint(&[0xff; 64], 0).is_err());
        assert!(decode_uint(&[], 3).is_err());
    }

    #[test]
    fn signed_examples_from_the_spec() {
        let cases: &[(i32, &[u8])] = &[
            (200, &[0x81, 0x48]),
            (100000, &[0x86, 0x8d, 0x20]),
            (0, &[0x00]),
            (63, &[0x3f]),
            (64, &[0x80, 0x40]),
            (-1, &[0x7f]),
            (-64, &[0x40]),
            (-65, &[0xff, 0x3f]),
            (-100000, &[0xf9, 0xf2, 0x60]),
        ];
        for &(value, expected) in cases {
            let (bytes, len) = sint_bytes(value);
            assert_eq!(&bytes[..len], expected, "encoding {value}");
            assert_eq!(decode_sint(expected, 0), Ok((value, expected.len())), "decoding {value}");
            assert_eq!(sint_len(value), expected.len());
        }
    }

    #[test]
    fn readers_agree_with_the_decoders() {
        for value in [0, 1, 127, 128, 247, 16383, 16384, 1 << 28, u32::MAX] {
            let (bytes, len) = uint_bytes(value);
            let mut position = 1;
            let mut padded = [0x55u8; 9];
            padded[1..=len].copy_from_slice(&bytes[..len]);
            assert_eq!(read_uint(&padded, &mut position), value);
            assert_eq!(position, 1 + len);
        }
        for value in [i32::MIN, -100000, -65, -64, -1, 0, 63, 64, 200, 100000, i32::MAX] {
            let (bytes, len) = sint_bytes(value);
            let mut position = 0;
            assert_eq!(read_sint(&bytes[..len], &mut position), value, "reading {value}");
            assert_eq!(position, len);
        }
    }

    #[test]
    fn readers_never_fail_on_truncated_input() {
        // The continuation bit promises a byte that is not there: it reads as 0.
        let mut position = 0;
        assert_eq!(read_uint(&[0x81], &mut position), 0x80);
        assert_eq!(position, 2);
        let mut position = 5;
        assert_eq!(read_uint(&[], &mut position), 0);
        assert_eq!(position, 6);
        let mut position = 0;
        assert_eq!(read_sint(&[0xff], &mut position), -128);
        assert_eq!(position, 2);
        let mut position = 0;
        read_uint(&[0xff; 64], &mut position);
        assert_eq!(position, 65);
    }

    #[test]
    fn signed_round_trip_and_errors() {
        for value in [i32::MIN, -(1 << 30), -8193, -8192, -17, 17, 8191, 8192, (1 << 30) - 1, i32::MAX] {
            let (bytes, len) = sint_bytes(value);
            assert_eq!(decode_sint(&bytes[..len], 0), Ok((value, len)));
            assert!(decode_sint(&bytes[..len - 1], 0).is_err());
        }
        assert!(decode_sint(&[0xff; 64], 0).is_err());
        assert!(decode_sint(&[0x81, 0x80, 0x80, 0x80, 0x80, 0x00], 0).is_err());
    }
}
