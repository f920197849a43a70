//! The DEFLATE compressor behind `deflate.DeflateIO`'s writing side, as
//! MicroPython 1.27's (uzlib's LZ77 with fixed-Huffman codes): the whole
//! output is one final fixed-Huffman block, opened at the first write and
//! closed by `close()`; each input position takes the longest match of at
//! least 3 bytes found by trying every start in the history window (the
//! most recent one among equals), and a literal otherwise. A match may run
//! on from the history into the data being written, never past that data.
//! So the bytes written are the ones MicroPython writes for the same calls.
//!
//! The compressor's state lives in the GC heap: its scalar words, then the
//! history (a ring of `1 << wbits` bytes), reached through [`CompressIo`].

use super::deflate_inflate::{DISTANCE_BASE, DISTANCE_EXTRA, LENGTH_BASE, LENGTH_EXTRA};
use crate::vm::Raised;

/// The shortest and longest match uzlib's search takes (a match of 259
/// bytes is sent as two).
const MATCH_MIN: usize = 3;
const MATCH_MAX: usize = 258;
/// The scalar words stored before the history.
pub(crate) const STATE_WORDS: usize = 8;

/// What the compressor reads and writes.
pub(crate) trait CompressIo {
    /// The history ring.
    fn history(&self) -> &[u8];
    fn history_mut(&mut self) -> &mut [u8];
    /// The data being written.
    fn input(&self) -> &[u8];
    /// Sends one compressed byte on (the caller buffers them).
    fn emit(&mut self, byte: u8) -> Result<(), Raised>;
}

/// The compressor's scalar state, loaded from the heap for one write.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Compressor {
    /// Bits not sent yet, lowest first, and their count (under 8 between calls).
    bits: u32,
    bit_count: u32,
    history_start: u32,
    history_len: u32,
    history_max: u32,
    /// Bytes written so far (gzip's trailer) and the running checksum.
    pub(crate) input_len: u32,
    pub(crate) checksum: u32,
}

impl Compressor {
    pub(crate) fn new(history_max: u32, checksum: u32) -> Compressor {
        Compressor { bits: 0, bit_count: 0, history_start: 0, history_len: 0, history_max, input_len: 0, checksum }
    }

    pub(crate) fn to_words(self) -> [u32; STATE_WORDS] {
        [
            self.bits,
            self.bit_count,
            self.history_start,
            self.history_len,
            self.history_max,
            self.input_len,
            self.checksum,
            0,
        ]
    }

    pub(crate) fn from_words(words: [u32; STATE_WORDS]) -> Compressor {
        Compressor {
            bits: words[0],
            bit_count: words[1],
            history_start: words[2],
            history_len: words[3],
            history_max: words[4].max(1),
            input_len: words[5],
            checksum: words[6],
        }
    }

    fn write_bits(&mut self, io: &mut impl CompressIo, value: u32, count: u32) -> Result<(), Raised> {
        self.bits |= value << self.bit_count;
        self.bit_count += count;
        while self.bit_count >= 8 {
            io.emit(self.bits as u8)?;
            self.bits >>= 8;
            self.bit_count -= 8;
        }
        Ok(())
    }

    /// A Huffman code, which DEFLATE sends from its highest bit.
    fn write_code(&mut self, io: &mut impl CompressIo, code: u32, len: u32) -> Result<(), Raised> {
        let reversed = code.reverse_bits() >> (32 - len);
        self.write_bits(io, reversed, len)
    }

    /// The fixed code of a literal/length symbol.
    fn write_symbol(&mut self, io: &mut impl CompressIo, symbol: u32) -> Result<(), Raised> {
        match symbol {
            0..=143 => self.write_code(io, 0x30 + symbol, 8),
            144..=255 => self.write_code(io, 0x190 + symbol - 144, 9),
            256..=279 => self.write_code(io, symbol - 256, 7),
            _ => self.write_code(io, 0xc0 + symbol - 280, 8),
        }
    }

    /// The block header: the last block, fixed codes.
    pub(crate) fn start_block(&mut self, io: &mut impl CompressIo) -> Result<(), Raised> {
        self.write_bits(io, 3, 3)
    }

    /// The end-of-block code and enough zero bits to send it whole; the
    /// bits left over are dropped, as uzlib drops them.
    pub(crate) fn finish_block(&mut self, io: &mut impl CompressIo) -> Result<(), Raised> {
        self.write_bits(io, 0, 14)?;
        self.bits = 0;
        self.bit_count = 0;
        Ok(())
    }

    /// A back reference, split in two when it is longer than one can be.
    fn write_match(&mut self, io: &mut impl CompressIo, distance: u32, mut len: usize) -> Result<(), Raised> {
        while len > 0 {
            // 259 and 260 cannot be 258 plus at least 3: send len - 3 first.
            let part = if len > 260 {
                MATCH_MAX
            } else if len <= MATCH_MAX {
                len
            } else {
                len - 3
            };
            len -= part;
            let part = part as u32;
            let index = LENGTH_BASE.iter().rposition(|&base| u32::from(base) <= part).unwrap_or(0);
            self.write_symbol(io, 257 + index as u32)?;
            let extra = u32::from(LENGTH_EXTRA[index]);
            if extra > 0 {
                self.write_bits(io, part - u32::from(LENGTH_BASE[index]), extra)?;
            }
            let index = DISTANCE_BASE.iter().rposition(|&base| u32::from(base) <= distance).unwrap_or(0);
            self.write_code(io, index as u32, 5)?;
            let extra = u32::from(DISTANCE_EXTRA[index]);
            if extra > 0 {
                self.write_bits(io, distance - u32::from(DISTANCE_BASE[index]), extra)?;
            }
        }
        Ok(())
    }

    /// The history byte `at` places after its oldest one.
    fn history_byte(&self, history: &[u8], at: usize) -> u8 {
        let mask = self.history_max as usize - 1;
        history.get((self.history_start as usize + at) & mask).copied().unwrap_or(0)
    }

    /// The longest match for `input[from..]` and its distance back.
    fn longest_match(&self, history: &[u8], input: &[u8], from: usize) -> (usize, u32) {
        let rest = &input[from..];
        let history_len = self.history_len as usize;
        let mut longest = 0;
        let mut distance = 0;
        for start in 0..history_len {
            let mut len = 0;
            // As uzlib's search, which may find one byte over the longest match.
            while len <= MATCH_MAX && len < rest.len() {
                let at = start + len;
                let earlier = if at < history_len { self.history_byte(history, at) } else { rest[at - history_len] };
                if rest[len] != earlier {
                    break;
                }
                len += 1;
            }
            if len >= MATCH_MIN && len >= longest {
                longest = len;
                distance = (history_len - start) as u32;
            }
        }
        (longest, distance)
    }

    /// Compresses the whole of `io.input()`.
    pub(crate) fn compress(&mut self, io: &mut impl CompressIo) -> Result<(), Raised> {
        let mut position = 0;
        while position < io.input().len() {
            let (len, distance) = self.longest_match(io.history(), io.input(), position);
            let taken = if len == 0 {
                let literal = io.input()[position];
                self.write_symbol(io, u32::from(literal))?;
                1
            } else {
                self.write_match(io, distance, len)?;
                len
            };
            // Writing may have run Python code that changed the data.
            let end = (position + taken).min(io.input().len());
            let mask = self.history_max as usize - 1;
            for at in position..end {
                let byte = io.input()[at];
                let slot = (self.history_start + self.history_len) as usize & mask;
                if let Some(place) = io.history_mut().get_mut(slot) {
                    *place = byte;
                }
                if self.history_len == self.history_max {
                    self.history_start = (self.history_start + 1) & mask as u32;
                } else {
                    self.history_len += 1;
                }
            }
            position += taken;
        }
        Ok(())
    }
}
