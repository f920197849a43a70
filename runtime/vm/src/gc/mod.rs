//! The GC heap: MicroPython's allocator and collector, over a byte slice the
//! port hands the VM.
//!
//! The slice starts with the allocation table (ATB: two bits per 16-byte
//! block, FREE/HEAD/TAIL/MARK, four blocks per byte), then one gap byte, then
//! the block pool, aligned to 16 bytes. An object's address is
//! `HEAP_BASE + byte offset in the slice`, so the same program reports the
//! same addresses and sizes on the host and on the 32-bit boards.
//!
//! Allocation is first fit from the lowest free block (a hint remembers where
//! the first free block is). Collection is mark-sweep: marking scans every
//! word of a live allocation conservatively (any word that is the address of
//! a block head keeps that block alive), with a small explicit mark stack; on
//! overflow the heap is rescanned for marked blocks until nothing is left to
//! trace, exactly like `py/gc.c`.

#[cfg(test)]
mod tests;

use rime_bytecode::image::HEAP_BASE;

/// Bytes per allocation block.
pub const BYTES_PER_BLOCK: usize = 16;
/// Words per allocation block.
pub const WORDS_PER_BLOCK: usize = 4;

/// Block states in the allocation table.
pub const FREE: u8 = 0;
pub const HEAD: u8 = 1;
pub const TAIL: u8 = 2;
pub const MARK: u8 = 3;

const MARK_STACK_SIZE: usize = 64;

/// The heap: allocation table and block pool in one slice.
pub struct Heap<'a> {
    bytes: &'a mut [u8],
    pool_start: usize,
    block_count: usize,
    first_free: usize,
    mark_stack: [u32; MARK_STACK_SIZE],
    mark_depth: usize,
    mark_overflow: bool,
}

impl<'a> Heap<'a> {
    /// Lays out a heap in `bytes`. Every block starts free.
    pub fn new(bytes: &'a mut [u8]) -> Heap<'a> {
        // Each block costs 16 bytes of pool and a quarter byte of table, plus
        // the gap byte and up to 15 bytes of alignment.
        let usable = bytes.len().saturating_sub(1 + BYTES_PER_BLOCK);
        let block_count = usable * 4 / (4 * BYTES_PER_BLOCK + 1);
        let atb_len = block_count.div_ceil(4);
        let pool_start = (atb_len + 1).next_multiple_of(BYTES_PER_BLOCK);
        for byte in bytes.iter_mut().take(atb_len + 1) {
            *byte = 0;
        }
        Heap {
            bytes,
            pool_start,
            block_count,
            first_free: 0,
            mark_stack: [0; MARK_STACK_SIZE],
            mark_depth: 0,
            mark_overflow: false,
        }
    }

    /// The number of blocks in the pool.
    pub fn block_count(&self) -> usize {
        self.block_count
    }

    /// The address of the first block.
    pub fn pool_address(&self) -> u32 {
        HEAP_BASE + self.pool_start as u32
    }

    /// Address of block `block`.
    pub fn block_address(&self, block: usize) -> u32 {
        HEAP_BASE + (self.pool_start + block * BYTES_PER_BLOCK) as u32
    }

    /// The block whose first byte is at `address`, if that is inside the pool.
    pub fn block_of(&self, address: u32) -> Option<usize> {
        let offset = (address.checked_sub(HEAP_BASE)? as usize).checked_sub(self.pool_start)?;
        if offset % BYTES_PER_BLOCK != 0 {
            return None;
        }
        let block = offset / BYTES_PER_BLOCK;
        (block < self.block_count).then_some(block)
    }

    /// The state of a block.
    pub fn state(&self, block: usize) -> u8 {
        (self.bytes[block / 4] >> ((block % 4) * 2)) & 3
    }

    fn set_state(&mut self, block: usize, state: u8) {
        let shift = (block % 4) * 2;
        let byte = &mut self.bytes[block / 4];
        *byte = (*byte & !(3 << shift)) | (state << shift);
    }

    /// The number of blocks of the allocation whose head is `block`.
    pub fn run_length(&self, block: usize) -> usize {
        let mut end = block + 1;
        while end < self.block_count && self.state(end) == TAIL {
            end += 1;
        }
        end - block
    }

    /// The size in bytes of the allocation at `address` (0 if it is not a head).
    pub fn allocation_size(&self, address: u32) -> usize {
        match self.block_of(address) {
            Some(block) if matches!(self.state(block), HEAD | MARK) => self.run_length(block) * BYTES_PER_BLOCK,
            _ => 0,
        }
    }

    /// Whether `address` is the head of a live allocation.
    pub fn is_head(&self, address: u32) -> bool {
        matches!(self.block_of(address), Some(block) if matches!(self.state(block), HEAD | MARK))
    }

    /// Allocates `byte_count` bytes (at least one block), zeroed, first fit.
    /// Returns `None` when no run of free blocks is long enough; the caller
    /// decides whether to collect and retry.
    pub fn alloc(&mut self, byte_count: usize) -> Option<u32> {
        let needed = byte_count.max(1).div_ceil(BYTES_PER_BLOCK);
        let mut start = self.first_free;
        let mut run = 0;
        let mut block = self.first_free;
        while block < self.block_count {
            if self.state(block) == FREE {
                if run == 0 {
                    start = block;
                }
                run += 1;
                if run == needed {
                    break;
                }
            } else {
                run = 0;
            }
            block += 1;
        }
        if run < needed {
            return None;
        }
        self.set_state(start, HEAD);
        for tail in start + 1..start + needed {
            self.set_state(tail, TAIL);
        }
        if start == self.first_free {
            self.first_free = start + needed;
        }
        let offset = self.pool_start + start * BYTES_PER_BLOCK;
        self.bytes[offset..offset + needed * BYTES_PER_BLOCK].fill(0);
        Some(HEAP_BASE + offset as u32)
    }

    /// Frees the allocation at `address` at once (a frame on return, a
    /// replaced table). Anything that is not a head is ignored.
    pub fn free(&mut self, address: u32) {
        let Some(block) = self.block_of(address) else { return };
        if !matches!(self.state(block), HEAD | MARK) {
            return;
        }
        let length = self.run_length(block);
        for each in block..block + length {
            self.set_state(each, FREE);
        }
        self.first_free = self.first_free.min(block);
    }

    /// Reads the little-endian word at `address` (0 outside the heap).
    pub fn word(&self, address: u32) -> u32 {
        let offset = address.wrapping_sub(HEAP_BASE) as usize;
        match self.bytes.get(offset..offset.wrapping_add(4)) {
            Some(four) => u32::from_le_bytes([four[0], four[1], four[2], four[3]]),
            None => 0,
        }
    }

    /// Writes the word at `address`; returns false outside the heap.
    pub fn set_word(&mut self, address: u32, value: u32) -> bool {
        let offset = address.wrapping_sub(HEAP_BASE) as usize;
        match self.bytes.get_mut(offset..offset.wrapping_add(4)) {
            Some(four) => {
                four.copy_from_slice(&value.to_le_bytes());
                true
            }
            None => false,
        }
    }

    /// The heap bytes from `address`, `len` long (empty if out of range).
    pub fn bytes(&self, address: u32, len: usize) -> &[u8] {
        let offset = address.wrapping_sub(HEAP_BASE) as usize;
        self.bytes.get(offset..offset.wrapping_add(len)).unwrap_or(&[])
    }

    /// The heap bytes from `address`, `len` long, to write (empty if out of range).
    pub fn bytes_mut(&mut self, address: u32, len: usize) -> &mut [u8] {
        let offset = address.wrapping_sub(HEAP_BASE) as usize;
        self.bytes.get_mut(offset..offset.wrapping_add(len)).unwrap_or(&mut [])
    }

    /// Copies `len` bytes inside the heap; the ranges may overlap.
    pub fn copy_within(&mut self, from: u32, to: u32, len: usize) {
        let from = from.wrapping_sub(HEAP_BASE) as usize;
        let to = to.wrapping_sub(HEAP_BASE) as usize;
        if from.checked_add(len).is_some_and(|end| end <= self.bytes.len())
            && to.checked_add(len).is_some_and(|end| end <= self.bytes.len())
        {
            self.bytes.copy_within(from..from + len, to);
        }
    }

    /// Marks the allocation `word` points at (if it is a heap block head) and
    /// everything reachable from it.
    pub fn mark(&mut self, word: u32) {
        self.mark_one(word);
        self.drain();
    }

    fn mark_one(&mut self, word: u32) {
        if word & 3 != 0 || word < HEAP_BASE {
            return;
        }
        let Some(block) = self.block_of(word) else { return };
        if self.state(block) != HEAD {
            return;
        }
        self.set_state(block, MARK);
        if self.mark_depth < MARK_STACK_SIZE {
            self.mark_stack[self.mark_depth] = block as u32;
            self.mark_depth += 1;
        } else {
            self.mark_overflow = true;
        }
    }

    fn drain(&mut self) {
        while self.mark_depth > 0 {
            self.mark_depth -= 1;
            let block = self.mark_stack[self.mark_depth] as usize;
            self.trace(block);
        }
    }

    fn trace(&mut self, block: usize) {
        let length = self.run_length(block);
        let start = self.pool_start + block * BYTES_PER_BLOCK;
        let mut offset = start;
        while offset < start + length * BYTES_PER_BLOCK {
            let four = &self.bytes[offset..offset + 4];
            let word = u32::from_le_bytes([four[0], four[1], four[2], four[3]]);
            self.mark_one(word);
            offset += 4;
        }
    }

    /// Finishes marking after every root was given to [`Heap::mark`]: traces
    /// again from every marked block while the mark stack overflowed.
    pub fn finish_marking(&mut self) {
        while self.mark_overflow {
            self.mark_overflow = false;
            for block in 0..self.block_count {
                if self.state(block) == MARK {
                    self.trace(block);
                    self.drain();
                }
            }
        }
    }

    /// Frees every unmarked allocation and unmarks the rest. Returns the
    /// number of allocations freed.
    pub fn sweep(&mut self) -> usize {
        let mut freed = 0;
        let mut freeing = false;
        for block in 0..self.block_count {
            match self.state(block) {
                HEAD => {
                    self.set_state(block, FREE);
                    freed += 1;
                    freeing = true;
                }
                TAIL if freeing => self.set_state(block, FREE),
                MARK => {
                    self.set_state(block, HEAD);
                    freeing = false;
                }
                FREE => freeing = false,
                _ => {}
            }
        }
        self.first_free = (0..self.block_count).find(|&block| self.state(block) == FREE).unwrap_or(self.block_count);
        freed
    }

    /// Counts for `gc.mem_free`, `mem_info` and the tests.
    pub fn stats(&self) -> HeapStats {
        let mut stats = HeapStats { total_blocks: self.block_count, ..HeapStats::default() };
        let mut free_run = 0;
        let mut block = 0;
        while block < self.block_count {
            match self.state(block) {
                FREE => {
                    stats.free_blocks += 1;
                    free_run += 1;
                    stats.largest_free = stats.largest_free.max(free_run);
                    block += 1;
                    continue;
                }
                HEAD | MARK => {
                    let length = self.run_length(block);
                    stats.used_blocks += length;
                    stats.objects += 1;
                    if length == 1 {
                        stats.one_block += 1;
                    } else if length == 2 {
                        stats.two_blocks += 1;
                    }
                    stats.largest_used = stats.largest_used.max(length);
                    block += length;
                }
                _ => {
                    stats.used_blocks += 1;
                    block += 1;
                }
            }
            free_run = 0;
        }
        stats
    }
}

/// Heap figures, in blocks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeapStats {
    pub total_blocks: usize,
    pub used_blocks: usize,
    pub free_blocks: usize,
    pub objects: usize,
    pub one_block: usize,
    pub two_blocks: usize,
    pub largest_used: usize,
    pub largest_free: usize,
}
