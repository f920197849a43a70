//! The DEFLATE decoder behind `deflate.DeflateIO`'s reading side, with the
//! zlib and gzip headers and their checksums, behaving as MicroPython 1.27's
//! (uzlib): stored, fixed-Huffman and dynamic-Huffman blocks, a ring window
//! of `1 << wbits` bytes, one compressed byte pulled at a time (so nothing of
//! the stream after the compressed data is read), and the same failures:
//! corrupt data, a back reference further than the window and a checksum
//! that does not match are all one [`Stop::Corrupt`], which the stream turns
//! into `OSError(EINVAL)`.
//!
//! The decoder's state lives in the GC heap, as on a board: its scalar
//! fields in the first words of one allocation (loaded into an [`Inflater`]
//! for a read and stored back after it), followed by the two Huffman trees
//! and the window ([`memory`](InflateIo::memory)). A tree is 16 counts of
//! codes per length and then the symbols sorted by code, both as 16-bit
//! little-endian numbers, so a symbol is decoded by walking the counts
//! (the canonical-code walk uzlib uses), with no pointer tables.

use crate::vm::Raised;

/// How a read of compressed data stops early.
pub(crate) enum Stop {
    /// The source raised (EOFError at its end, or its own error).
    Raised(Raised),
    /// The data is not a valid stream (or its checksum differs).
    Corrupt,
}

impl From<Raised> for Stop {
    fn from(raised: Raised) -> Stop {
        Stop::Raised(raised)
    }
}

/// What the decoder reads from and writes to: the compressed source, one
/// byte at a time, and its memory (trees, then window) in the heap.
pub(crate) trait InflateIo {
    /// The next compressed byte; raises `EOFError` when the source ends.
    fn next_byte(&mut self) -> Result<u8, Raised>;
    /// The decoder's trees and window.
    fn memory(&mut self) -> &mut [u8];
}

/// Bytes of one tree in the decoder's memory: 16 counts and 288 symbols.
const TREE_BYTES: usize = 2 * (16 + 288);
/// Where the literal/length tree starts in the decoder's memory.
const LITERAL_TREE: usize = 0;
/// Where the distance tree starts.
const DISTANCE_TREE: usize = TREE_BYTES;
/// Where the window starts.
pub(crate) const WINDOW_START: usize = 2 * TREE_BYTES;
/// The scalar words stored before the memory.
pub(crate) const STATE_WORDS: usize = 12;

/// Lengths 3..=258 of length symbols 257..=285: the base and extra bits.
pub(crate) const LENGTH_BASE: [u16; 29] =
    [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
pub(crate) const LENGTH_EXTRA: [u8; 29] =
    [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/// Distances 1..=32768 of distance symbols 0..=29: the base and extra bits.
pub(crate) const DISTANCE_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
];
pub(crate) const DISTANCE_EXTRA: [u8; 30] =
    [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

/// The order in which a dynamic block sends the code-length code lengths.
const CODE_LENGTH_ORDER: [u8; 19] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/// Which checksum follows the data.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Check {
    None = 0,
    Adler32 = 1,
    Crc32 = 2,
}

/// What a successful header parse found.
pub(crate) enum Header {
    Zlib { window_bits: u32 },
    Gzip,
}

/// The decoder's scalar state, loaded from the heap for one read.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Inflater {
    /// Bits of the current byte not consumed yet, lowest first.
    tag: u32,
    bits_left: u32,
    /// The current block's type, or `NO_BLOCK` between blocks.
    block_type: u32,
    last_block: bool,
    /// Bytes still to copy (a back reference or a stored block).
    copy_left: u32,
    /// Where a back reference reads in the window.
    copy_from: u32,
    /// Where the next output byte goes in the window.
    window_at: u32,
    pub(crate) window_len: u32,
    pub(crate) checksum: u32,
    pub(crate) check: Check,
    /// The stream has ended (and its checksum was right).
    pub(crate) finished: bool,
}

const NO_BLOCK: u32 = 0xff;

impl Inflater {
    /// A decoder with a window of `window_len` bytes (a power of two).
    pub(crate) fn new(window_len: u32, check: Check) -> Inflater {
        let checksum = match check {
            Check::Adler32 => 1,
            Check::Crc32 => !0,
            Check::None => 0,
        };
        Inflater {
            tag: 0,
            bits_left: 0,
            block_type: NO_BLOCK,
            last_block: false,
            copy_left: 0,
            copy_from: 0,
            window_at: 0,
            window_len,
            checksum,
            check,
            finished: false,
        }
    }

    /// The state as heap words.
    pub(crate) fn to_words(self) -> [u32; STATE_WORDS] {
        [
            self.tag,
            self.bits_left,
            self.block_type,
            u32::from(self.last_block),
            self.copy_left,
            self.copy_from,
            self.window_at,
            self.window_len,
            self.checksum,
            self.check as u32,
            u32::from(self.finished),
            0,
        ]
    }

    /// The state stored by [`to_words`](Self::to_words).
    pub(crate) fn from_words(words: [u32; STATE_WORDS]) -> Inflater {
        let check = match words[9] {
            1 => Check::Adler32,
            2 => Check::Crc32,
            _ => Check::None,
        };
        Inflater {
            tag: words[0],
            bits_left: words[1],
            block_type: words[2],
            last_block: words[3] != 0,
            copy_left: words[4],
            copy_from: words[5],
            window_at: words[6],
            window_len: words[7].max(1),
            checksum: words[8],
            check,
            finished: words[10] != 0,
        }
    }

    fn bit(&mut self, io: &mut impl InflateIo) -> Result<u32, Stop> {
        if self.bits_left == 0 {
            self.tag = u32::from(io.next_byte()?);
            self.bits_left = 8;
        }
        let bit = self.tag & 1;
        self.tag >>= 1;
        self.bits_left -= 1;
        Ok(bit)
    }

    /// `count` bits, lowest first, plus `base`.
    fn bits(&mut self, io: &mut impl InflateIo, count: u32, base: u32) -> Result<u32, Stop> {
        let mut value = 0;
        for shift in 0..count {
            value |= self.bit(io)? << shift;
        }
        Ok(value + base)
    }

    /// One symbol of the tree at `tree` in the decoder's memory.
    fn symbol(&mut self, io: &mut impl InflateIo, tree: usize) -> Result<u32, Stop> {
        // Walk down the code lengths: `code` is the code read so far minus
        // the codes of the lengths passed, `first` the index of the first
        // symbol of the current length.
        let mut first: i32 = 0;
        let mut code: i32 = 0;
        for length in 1..16 {
            code = 2 * code + self.bit(io)? as i32;
            let count = i32::from(read_u16(io.memory(), tree + 2 * length));
            first += count;
            code -= count;
            if code < 0 {
                let index = first + code;
                if !(0..288).contains(&index) {
                    return Err(Stop::Corrupt);
                }
                return Ok(u32::from(read_u16(io.memory(), tree + 32 + 2 * index as usize)));
            }
        }
        Err(Stop::Corrupt)
    }

    /// Reads a dynamic block's code lengths and builds its two trees.
    fn read_dynamic_trees(&mut self, io: &mut impl InflateIo) -> Result<(), Stop> {
        let literal_count = self.bits(io, 5, 257)? as usize;
        let distance_count = self.bits(io, 5, 1)? as usize;
        let code_length_count = self.bits(io, 4, 4)? as usize;
        let mut lengths = [0u8; 288 + 32];
        for &symbol in &CODE_LENGTH_ORDER[..code_length_count] {
            lengths[usize::from(symbol)] = self.bits(io, 3, 0)? as u8;
        }
        // The code-length code borrows the literal tree's place.
        build_tree(io.memory(), LITERAL_TREE, &lengths[..19]);
        let total = literal_count + distance_count;
        let mut filled = 0;
        while filled < total {
            let symbol = self.symbol(io, LITERAL_TREE)?;
            let (value, repeat) = match symbol {
                0..=15 => {
                    lengths[filled] = symbol as u8;
                    filled += 1;
                    continue;
                }
                16 => {
                    if filled == 0 {
                        return Err(Stop::Corrupt);
                    }
                    (lengths[filled - 1], self.bits(io, 2, 3)?)
                }
                17 => (0, self.bits(io, 3, 3)?),
                _ => (0, self.bits(io, 7, 11)?),
            };
            let repeat = repeat as usize;
            if filled + repeat > total {
                return Err(Stop::Corrupt);
            }
            lengths[filled..filled + repeat].fill(value);
            filled += repeat;
        }
        build_tree(io.memory(), LITERAL_TREE, &lengths[..literal_count]);
        build_tree(io.memory(), DISTANCE_TREE, &lengths[literal_count..total]);
        Ok(())
    }

    /// Puts one output byte into the window and `out`.
    fn put(&mut self, io: &mut impl InflateIo, out: &mut [u8], produced: &mut usize, byte: u8) {
        out[*produced] = byte;
        *produced += 1;
        let at = WINDOW_START + self.window_at as usize;
        if let Some(slot) = io.memory().get_mut(at) {
            *slot = byte;
        }
        self.window_at = (self.window_at + 1) % self.window_len;
    }

    /// One step of a Huffman block: a byte out, or the end of the block.
    fn huffman_step(&mut self, io: &mut impl InflateIo, out: &mut [u8], produced: &mut usize) -> Result<bool, Stop> {
        if self.copy_left == 0 {
            let symbol = self.symbol(io, LITERAL_TREE)?;
            if symbol < 256 {
                self.put(io, out, produced, symbol as u8);
                return Ok(false);
            }
            if symbol == 256 {
                return Ok(true);
            }
            let index = (symbol - 257) as usize;
            if index >= 29 {
                return Err(Stop::Corrupt);
            }
            self.copy_left = self.bits(io, u32::from(LENGTH_EXTRA[index]), u32::from(LENGTH_BASE[index]))?;
            let distance_symbol = self.symbol(io, DISTANCE_TREE)? as usize;
            if distance_symbol >= 30 {
                return Err(Stop::Corrupt);
            }
            let distance =
                self.bits(io, u32::from(DISTANCE_EXTRA[distance_symbol]), u32::from(DISTANCE_BASE[distance_symbol]))?;
            // As uzlib: a distance beyond the window is an error, one into
            // the part not written yet reads the window's zeros.
            if distance > self.window_len {
                return Err(Stop::Corrupt);
            }
            self.copy_from = (self.window_at + self.window_len - distance) % self.window_len;
        }
        let byte = io.memory().get(WINDOW_START + self.copy_from as usize).copied().unwrap_or(0);
        self.put(io, out, produced, byte);
        self.copy_from = (self.copy_from + 1) % self.window_len;
        self.copy_left -= 1;
        Ok(false)
    }

    /// One step of a stored block: a byte out, or the end of the block.
    fn stored_step(&mut self, io: &mut impl InflateIo, out: &mut [u8], produced: &mut usize) -> Result<bool, Stop> {
        if self.copy_left == 0 {
            let len = u32::from(io.next_byte()?) | u32::from(io.next_byte()?) << 8;
            let inverse = u32::from(io.next_byte()?) | u32::from(io.next_byte()?) << 8;
            if len != !inverse & 0xffff {
                return Err(Stop::Corrupt);
            }
            // One more than the length, so the block ends on its own step.
            self.copy_left = len + 1;
            self.bits_left = 0;
        }
        self.copy_left -= 1;
        if self.copy_left == 0 {
            return Ok(true);
        }
        let byte = io.next_byte()?;
        self.put(io, out, produced, byte);
        Ok(false)
    }

    /// Decodes into `out` until it is full or the stream ends (then the
    /// checksum is read and checked). Returns the bytes produced.
    pub(crate) fn inflate(&mut self, io: &mut impl InflateIo, out: &mut [u8]) -> Result<usize, Stop> {
        let mut produced = 0;
        if self.finished || out.is_empty() {
            return Ok(0);
        }
        let result = self.inflate_blocks(io, out, &mut produced);
        self.update_checksum(&out[..produced]);
        if result? {
            self.check_trailer(io)?;
            self.finished = true;
        }
        Ok(produced)
    }

    /// The block loop; `true` when the last block has ended.
    fn inflate_blocks(&mut self, io: &mut impl InflateIo, out: &mut [u8], produced: &mut usize) -> Result<bool, Stop> {
        while *produced < out.len() {
            if self.block_type == NO_BLOCK {
                self.last_block = self.bit(io)? == 1;
                self.block_type = self.bits(io, 2, 0)?;
                match self.block_type {
                    1 => build_fixed_trees(io.memory()),
                    2 => self.read_dynamic_trees(io)?,
                    _ => {}
                }
            }
            let block_ended = match self.block_type {
                0 => self.stored_step(io, out, produced)?,
                1 | 2 => self.huffman_step(io, out, produced)?,
                _ => return Err(Stop::Corrupt),
            };
            if block_ended {
                self.block_type = NO_BLOCK;
                if self.last_block {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    fn update_checksum(&mut self, data: &[u8]) {
        self.checksum = match self.check {
            Check::Adler32 => adler32(self.checksum, data),
            Check::Crc32 => crc32(self.checksum, data),
            Check::None => self.checksum,
        };
    }

    /// The zlib or gzip trailer after the last block.
    fn check_trailer(&mut self, io: &mut impl InflateIo) -> Result<(), Stop> {
        match self.check {
            Check::Adler32 => {
                let mut stored = 0u32;
                for _ in 0..4 {
                    stored = stored << 8 | u32::from(io.next_byte()?);
                }
                if stored != self.checksum {
                    return Err(Stop::Corrupt);
                }
            }
            Check::Crc32 => {
                let stored = read_le32(io)?;
                if stored != !self.checksum {
                    return Err(Stop::Corrupt);
                }
                // The uncompressed size follows; MicroPython reads it without checking it.
                read_le32(io)?;
            }
            Check::None => {}
        }
        Ok(())
    }
}

fn read_le32(io: &mut impl InflateIo) -> Result<u32, Stop> {
    let mut value = 0u32;
    for shift in 0..4 {
        value |= u32::from(io.next_byte()?) << (8 * shift);
    }
    Ok(value)
}

/// Reads a zlib or gzip header, as MicroPython's reader does before the
/// first block. `Err(Stop::Corrupt)` for anything else.
pub(crate) fn read_header(io: &mut impl InflateIo) -> Result<Header, Stop> {
    let first = io.next_byte()?;
    let second = io.next_byte()?;
    if first == 0x1f && second == 0x8b {
        if io.next_byte()? != 8 {
            return Err(Stop::Corrupt);
        }
        let flags = io.next_byte()?;
        if flags & 0xe0 != 0 {
            return Err(Stop::Corrupt);
        }
        // The time, extra flags and system.
        for _ in 0..6 {
            io.next_byte()?;
        }
        if flags & 4 != 0 {
            let extra_len = u32::from(io.next_byte()?) | u32::from(io.next_byte()?) << 8;
            for _ in 0..extra_len {
                io.next_byte()?;
            }
        }
        // A file name, then a comment, each ending in a zero byte.
        for flag in [8, 16] {
            if flags & flag != 0 {
                while io.next_byte()? != 0 {}
            }
        }
        // A header CRC, which MicroPython skips without checking.
        if flags & 2 != 0 {
            io.next_byte()?;
            io.next_byte()?;
        }
        return Ok(Header::Gzip);
    }
    let cmf = u32::from(first);
    let flags = u32::from(second);
    if (256 * cmf + flags) % 31 != 0 || cmf & 0x0f != 8 || cmf >> 4 > 7 || flags & 0x20 != 0 {
        return Err(Stop::Corrupt);
    }
    Ok(Header::Zlib { window_bits: (cmf >> 4) + 8 })
}

fn read_u16(memory: &[u8], at: usize) -> u16 {
    match memory.get(at..at + 2) {
        Some(pair) => u16::from_le_bytes([pair[0], pair[1]]),
        None => 0,
    }
}

fn write_u16(memory: &mut [u8], at: usize, value: u16) {
    if let Some(pair) = memory.get_mut(at..at + 2) {
        pair.copy_from_slice(&value.to_le_bytes());
    }
}

/// Builds the tree at `tree` from code lengths (0: unused symbol): the
/// count of each length, then the symbols ordered by length and value.
fn build_tree(memory: &mut [u8], tree: usize, lengths: &[u8]) {
    let mut counts = [0u16; 16];
    for &length in lengths {
        counts[usize::from(length & 15)] += 1;
    }
    counts[0] = 0;
    let mut next = [0u16; 16];
    let mut sum = 0;
    for length in 0..16 {
        next[length] = sum;
        sum += counts[length];
        write_u16(memory, tree + 2 * length, counts[length]);
    }
    for (symbol, &length) in lengths.iter().enumerate() {
        if length != 0 {
            let slot = &mut next[usize::from(length & 15)];
            write_u16(memory, tree + 32 + 2 * usize::from(*slot), symbol as u16);
            *slot += 1;
        }
    }
}

/// The fixed trees of block type 1.
fn build_fixed_trees(memory: &mut [u8]) {
    let mut lengths = [0u8; 288];
    lengths[..144].fill(8);
    lengths[144..256].fill(9);
    lengths[256..280].fill(7);
    lengths[280..].fill(8);
    build_tree(memory, LITERAL_TREE, &lengths);
    build_tree(memory, DISTANCE_TREE, &[5; 32]);
}

/// Adler-32 of `data` continued from `sum` (1 to start).
pub(crate) fn adler32(sum: u32, data: &[u8]) -> u32 {
    const MODULUS: u32 = 65521;
    let mut low = sum & 0xffff;
    let mut high = sum >> 16;
    // 5552 bytes is the most that cannot overflow before the reduction.
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            low += u32::from(byte);
            high += low;
        }
        low %= MODULUS;
        high %= MODULUS;
    }
    high << 16 | low
}

/// The CRC-32 register after `data`, continued from `crc` (`!0` to start;
/// the checksum is its complement), four bits at a time.
pub(crate) fn crc32(mut crc: u32, data: &[u8]) -> u32 {
    const NIBBLE_TABLE: [u32; 16] = {
        let mut table = [0u32; 16];
        let mut index = 0;
        while index < 16 {
            let mut value = index as u32;
            let mut round = 0;
            while round < 4 {
                value = if value & 1 != 0 { value >> 1 ^ 0xedb8_8320 } else { value >> 1 };
                round += 1;
            }
            table[index] = value;
            index += 1;
        }
        table
    };
    for &byte in data {
        crc ^= u32::from(byte);
        crc = crc >> 4 ^ NIBBLE_TABLE[(crc & 15) as usize];
        crc = crc >> 4 ^ NIBBLE_TABLE[(crc & 15) as usize];
    }
    crc
}
