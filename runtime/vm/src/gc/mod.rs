//! The GC heap: MicroPython's allocator and collector, over a byte slice the
//! port hands the VM.
//!
//! The slice starts with the allocation table (ATB: two bits per 16-byte
//! block, FREE/HEAD/TAIL/MARK, four blocks per byte), then one gap byte, then
//! the block pool, aligned to 16 bytes. An object's address is
//! `HEAP_BASE + byte offset in the slice`, so the same program reports the
//! same addresses and sizes on the host and on the 32-bit boards.
//!
//! Allocation is exact first fit: the lowest run of free blocks that is long
//! enough. To keep that cheap whatever the heap size, the heap keeps one hint
//! per run length from 1 to [`SIZE_CLASSES`] blocks: no run of `k` free blocks
//! starts below `first_fit[k - 1]`. A search starts at its length's hint, an
//! allocation moves the hint past what it took, a free lowers the hints of
//! the run lengths the freed blocks (merged with their free neighbours) can
//! hold, and a sweep recomputes them all. A free also remembers, per length,
//! the span between the freed blocks and the hint it lowered, where no run
//! of that length starts: later searches step over it (the last
//! [`SKIP_SPANS`] such spans are kept, one per returning call level). That keeps the
//! common pattern cheap where a call's frame is freed, taken again by the
//! next call, and the small objects made during the call must be placed
//! above everything allocated since the last collection. Without per-length hints, one small
//! hole low in the heap made every larger allocation (a frame on each call)
//! scan the whole used region, so a call cost more the bigger the heap was.
//! [`Heap::blocks_inspected`] counts the blocks searches look at, so tests
//! can check that without timing anything.
//!
//! The end of the slice is kept for a *frame stack* (MicroPython's
//! "pystack" idea): the frames of calls that are not generators are pushed
//! and popped there in LIFO order ([`Heap::alloc_frame`]; freeing a frame
//! pops it and everything above it), which costs nothing to search, and the
//! collector scans the live part of it as roots. When it is full, frames come
//! from the heap as before. It is not part of the pool, so `gc.mem_free()`
//! and the `mem_info` heap map describe the pool only.
//!
//! Collection is mark-sweep: marking scans every
//! word of a live allocation conservatively (any word that is the address of
//! a block head keeps that block alive), with a small explicit mark stack; on
//! overflow the heap is rescanned for marked blocks until nothing is left to
//! trace, exactly like `py/gc.c`.

#[allow(unsafe_code)]
mod bytes;
#[cfg(test)]
mod tests;
pub use bytes::{HeapBytes, HeapWords};

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
/// The longest run [`Heap::take_run_at_hint`] takes: its states and the
/// two-bit shift of its first block fit one 32-bit word of the table.
const SHORT_RUN: usize = 12;

const MARK_STACK_SIZE: usize = 64;

/// What [`Heap::sweep`] does to one allocation table byte (four blocks),
/// indexed by the byte and, in bit 8, whether the block before it is part of
/// an allocation being freed: `[the byte after the sweep, info]`, where info
/// is `freeing after the four | heads freed << 1 | blocks free after << 4`
/// (bit `i` for block `i`). Per block: an unmarked head is freed and starts
/// freeing its tails; a tail goes with its head; a marked head becomes a
/// head again; a free block stays free.
static SWEEP_BYTE: [[u8; 2]; 512] = {
    let mut table = [[0u8; 2]; 512];
    let mut index = 0;
    while index < 512 {
        let byte = (index & 0xff) as u8;
        let mut freeing = index >= 256;
        let (mut swept, mut freed, mut now_free) = (0u8, 0u8, 0u8);
        let mut block = 0;
        while block < 4 {
            let state = (byte >> (2 * block)) & 3;
            let (new_state, free) = match state {
                HEAD => {
                    freed += 1;
                    freeing = true;
                    (FREE, true)
                }
                TAIL if freeing => (FREE, true),
                TAIL => (TAIL, false),
                MARK => {
                    freeing = false;
                    (HEAD, false)
                }
                _ => {
                    freeing = false;
                    (FREE, true)
                }
            };
            swept |= new_state << (2 * block);
            if free {
                now_free |= 1 << block;
            }
            block += 1;
        }
        table[index] = [swept, freeing as u8 | (freed << 1) | (now_free << 4)];
        index += 1;
    }
    table
};

/// Run lengths (in blocks) with a first-fit hint of their own; longer
/// requests start at the hint of the longest class, which is a valid lower
/// bound for them too.
pub const SIZE_CLASSES: usize = 8;

/// Spans without runs remembered per run length.
pub const SKIP_SPANS: usize = 4;

/// The frame stack kept at the end of a heap slice of `len` bytes: a
/// thirty-second of it, at most 16 KiB, and none in heaps below 8 KiB.
pub fn default_frame_stack_bytes(len: usize) -> usize {
    if len < 8 * 1024 {
        0
    } else {
        (len / 32).min(16 * 1024) / BYTES_PER_BLOCK * BYTES_PER_BLOCK
    }
}

/// For requests longer than the classes: no run of `length` or more free
/// blocks starts below `from`. It remembers the last such request, which
/// keeps a string or list that grows by reallocation from searching the
/// whole heap each time it outgrows its run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct LongRunHint {
    length: usize,
    from: usize,
}

/// A span of blocks `from..to` where no run of some length starts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct NoRun {
    from: usize,
    to: usize,
}

/// The heap: allocation table and block pool in one slice.
pub struct Heap<'a> {
    bytes: HeapBytes<'a>,
    pool_start: usize,
    block_count: usize,
    /// `first_fit[k - 1]`: no run of `k` free blocks starts below this block.
    first_fit: [usize; SIZE_CLASSES],
    /// `no_run_in[k - 1]`: spans where no run of `k` free blocks starts,
    /// newest first; the first `span_count[k - 1]` are in use.
    no_run_in: [[NoRun; SKIP_SPANS]; SIZE_CLASSES],
    span_count: [u8; SIZE_CLASSES],
    long_run: LongRunHint,
    /// Blocks looked at by allocation searches since the heap was made.
    inspected: u64,
    /// Byte offsets of the frame stack in the slice: start, top of the
    /// frames in use, end.
    frame_stack_start: usize,
    frame_stack_top: usize,
    frame_stack_end: usize,
    mark_stack: [u32; MARK_STACK_SIZE],
    mark_depth: usize,
    mark_overflow: bool,
}

impl<'a> Heap<'a> {
    /// Lays out a heap in `bytes`, with the default frame stack at its end.
    /// Every block starts free.
    pub fn new(bytes: &'a mut [u8]) -> Heap<'a> {
        let frame_stack_bytes = default_frame_stack_bytes(bytes.len());
        Heap::with_frame_stack(bytes, frame_stack_bytes)
    }

    /// Lays out a heap in `bytes` whose last `frame_stack_bytes` (rounded
    /// down to whole blocks) are the frame stack.
    pub fn with_frame_stack(bytes: &'a mut [u8], frame_stack_bytes: usize) -> Heap<'a> {
        let frame_stack_bytes = frame_stack_bytes.min(bytes.len()) / BYTES_PER_BLOCK * BYTES_PER_BLOCK;
        let frame_stack_start = bytes.len() - frame_stack_bytes;
        // Each block costs 16 bytes of pool and a quarter byte of table, plus
        // the gap byte and up to 15 bytes of alignment.
        let usable = frame_stack_start.saturating_sub(1 + BYTES_PER_BLOCK);
        let block_count = usable * 4 / (4 * BYTES_PER_BLOCK + 1);
        let atb_len = block_count.div_ceil(4);
        let pool_start = (atb_len + 1).next_multiple_of(BYTES_PER_BLOCK);
        for byte in bytes.iter_mut().take(atb_len + 1) {
            *byte = 0;
        }
        Heap {
            bytes: HeapBytes::new(bytes),
            pool_start,
            block_count,
            first_fit: [0; SIZE_CLASSES],
            no_run_in: [[NoRun::default(); SKIP_SPANS]; SIZE_CLASSES],
            span_count: [0; SIZE_CLASSES],
            long_run: LongRunHint::default(),
            inspected: 0,
            frame_stack_start,
            frame_stack_top: frame_stack_start,
            frame_stack_end: frame_stack_start + frame_stack_bytes,
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

    /// Sets blocks `from..to` to `state`, whole table bytes at once where it can.
    fn set_states(&mut self, from: usize, to: usize, state: u8) {
        let whole = [0x00, 0x55, 0xaa, 0xff][usize::from(state & 3)];
        let mut block = from;
        while block < to {
            if block.is_multiple_of(4) && block + 4 <= to {
                self.bytes[block / 4] = whole;
                block += 4;
            } else {
                self.set_state(block, state);
                block += 1;
            }
        }
    }

    /// The number of blocks of the allocation whose head is `block`.
    pub fn run_length(&self, block: usize) -> usize {
        let mut end = block + 1;
        while end < self.block_count {
            // Four tails in one table byte.
            if end.is_multiple_of(4) && end + 4 <= self.block_count && self.bytes[end / 4] == 0xaa {
                end += 4;
            } else if self.state(end) == TAIL {
                end += 1;
            } else {
                break;
            }
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

    /// The number of blocks allocation searches have looked at so far (a
    /// cost measure for tests: it must not grow with the heap size).
    pub fn blocks_inspected(&self) -> u64 {
        self.inspected
    }

    /// Allocates `byte_count` bytes (at least one block), zeroed, first fit.
    /// Returns `None` when no run of free blocks is long enough; the caller
    /// decides whether to collect and retry.
    /// The one-block case is inlined into callers; everything else goes
    /// through [`Heap::alloc_searching`], kept out of line.
    #[inline]
    pub fn alloc(&mut self, byte_count: usize) -> Option<u32> {
        if byte_count <= BYTES_PER_BLOCK {
            // One block (a float, a small instance, a cell): the first free
            // block is where the one-block hint points, as often as not.
            let block = self.first_fit[0];
            if block < self.block_count && self.state(block) == FREE {
                return Some(self.take_one_block(block));
            }
            return self.alloc_one_searching();
        }
        self.alloc_searching(byte_count)
    }

    /// [`Heap::alloc`] of one block when the one-block hint's block is in
    /// use: the first free block above it, stepping over the spans a free
    /// remembered for this length and four table entries at a time where
    /// all four are used, as [`Heap::find_free_run`] does. The hint is a
    /// lower bound for every free block, so this is exact first fit, without
    /// the general search's bookkeeping for longer runs.
    #[inline(never)]
    fn alloc_one_searching(&mut self) -> Option<u32> {
        let mut block = self.first_fit[0];
        let spans = self.no_run_in[0];
        let span_count = usize::from(self.span_count[0]);
        while block < self.block_count {
            if let Some(span) = spans[..span_count].iter().find(|span| span.from <= block && block < span.to) {
                block = span.to;
                self.inspected += 1;
                continue;
            }
            if block.is_multiple_of(4) && block + 4 <= self.block_count {
                let byte = self.bytes[block / 4];
                // Every two-bit state is non-zero: four used blocks.
                if (byte | (byte >> 1)) & 0x55 == 0x55 {
                    block += 4;
                    self.inspected += 4;
                    continue;
                }
            }
            if self.state(block) == FREE {
                return Some(self.take_one_block(block));
            }
            self.inspected += 1;
            block += 1;
        }
        // No free block at all, so no run of any length.
        self.first_fit = [self.block_count; SIZE_CLASSES];
        None
    }

    /// [`Heap::alloc`] when the one-block hint does not answer at once:
    /// a first-fit search from the hint of the request's length.
    #[inline(never)]
    fn alloc_searching(&mut self, byte_count: usize) -> Option<u32> {
        let needed = byte_count.max(1).div_ceil(BYTES_PER_BLOCK);
        let class = needed.min(SIZE_CLASSES);
        let span_count = usize::from(self.span_count[class - 1]);
        // This length's hint, settled on its own (see `settle_hints`): the
        // other lengths' hints may stay below the one-block hint, which
        // leaves them lower bounds still.
        let mut from = self.first_fit[class - 1].max(self.first_fit[0]);
        if needed > SIZE_CLASSES && needed >= self.long_run.length {
            from = from.max(self.long_run.from);
        }
        // No run of this length starts below the hint: when one starts at
        // it (the usual case after a collection, or in a heap filling up
        // from below), that is the first fit, found without the search.
        if let Some(address) = self.take_run_at_hint(from, needed) {
            return Some(address);
        }
        let (found, inspected) =
            if from + needed <= self.block_count && (from..from + needed).all(|block| self.state(block) == FREE) {
                (Some(from), needed as u64)
            } else {
                self.find_free_run(from, needed, &self.no_run_in[class - 1][..span_count])
            };
        self.inspected += inspected;
        let Some(start) = found else {
            // No run that long anywhere, so none of this length or longer
            // (a request beyond the classes says nothing about the longest class).
            if needed <= SIZE_CLASSES {
                for hint in &mut self.first_fit[needed - 1..] {
                    *hint = self.block_count;
                }
            } else {
                self.long_run = LongRunHint { length: needed, from: self.block_count };
            }
            return None;
        };
        self.set_state(start, HEAD);
        self.set_states(start + 1, start + needed, TAIL);
        // No run of `needed` blocks starts below `start`, and the blocks taken
        // are used now, so no run of `needed` or more starts below their end.
        // A shorter length whose hint pointed into the blocks taken moves past
        // them too; others keep their hints, as the hole the search skipped
        // over may still hold them.
        self.hints_after_taking(start, needed);
        let offset = self.pool_start + start * BYTES_PER_BLOCK;
        self.bytes[offset..offset + needed * BYTES_PER_BLOCK].fill(0);
        Some(HEAP_BASE + offset as u32)
    }

    /// The hints once the run of `needed` blocks at `start` is taken, as
    /// the first fit for its length: no run of `needed` or more starts below
    /// its end, and a shorter length's hint that pointed into it moves past
    /// it (the others keep theirs, as a hole below may still hold them).
    #[inline(always)]
    fn hints_after_taking(&mut self, start: usize, needed: usize) {
        let end = start + needed;
        if needed > SIZE_CLASSES {
            self.long_run = LongRunHint { length: needed, from: end };
        }
        for (index, hint) in self.first_fit.iter_mut().enumerate() {
            if index + 1 >= needed || (start..end).contains(hint) {
                *hint = (*hint).max(end);
            }
        }
    }

    /// [`Heap::alloc_searching`]'s common case, a short run (2 to
    /// [`SHORT_RUN`] blocks) free at its length's hint `from`: the states
    /// are read, checked and written as one little-endian word of the table
    /// (16 blocks), and the blocks cleared one at a time. `None` (nothing
    /// done) for anything else, which the search then handles.
    #[inline(always)]
    fn take_run_at_hint(&mut self, from: usize, needed: usize) -> Option<u32> {
        let first_byte = from / 4;
        if needed > SHORT_RUN || from + needed > self.block_count || first_byte + 4 > self.block_count.div_ceil(4) {
            return None;
        }
        let window = u32::from_le_bytes(*self.bytes[first_byte..first_byte + 4].first_chunk::<4>()?);
        let shift = (from % 4) * 2;
        // Two bits a block: the run's bits, and the states it takes (its
        // first block HEAD, the others TAIL).
        let mask = (1u32 << (2 * needed)) - 1;
        if (window >> shift) & mask != 0 {
            return None;
        }
        let states = (0xaaaa_aaaa & mask & !3) | u32::from(HEAD);
        let taken = window | (states << shift);
        self.bytes[first_byte..first_byte + 4].copy_from_slice(&taken.to_le_bytes());
        self.inspected += needed as u64;
        self.hints_after_taking(from, needed);
        let offset = self.pool_start + from * BYTES_PER_BLOCK;
        for block in self.bytes[offset..offset + needed * BYTES_PER_BLOCK].chunks_exact_mut(BYTES_PER_BLOCK) {
            block.fill(0);
        }
        Some(HEAP_BASE + offset as u32)
    }

    /// Takes the free block `block`, the lowest free one (the one-block
    /// hint): as for any allocation of one block, no run of any length
    /// starts below its end any more.
    #[inline]
    fn take_one_block(&mut self, block: usize) -> u32 {
        self.inspected += 1;
        self.set_state(block, HEAD);
        // The other lengths' hints catch up with this one in `settle_hints`.
        self.first_fit[0] = block + 1;
        let offset = self.pool_start + block * BYTES_PER_BLOCK;
        self.bytes[offset..offset + BYTES_PER_BLOCK].fill(0);
        HEAP_BASE + offset as u32
    }

    /// Raises every length's hint to at least the one-block hint, which is a
    /// lower bound for runs of any length (a run starts with a free block).
    /// Taking one block moves only the one-block hint, the common case kept
    /// short; what lowers the other hints settles them first, so it sees what
    /// moving them all at once would have given, and a search reads its own
    /// length's hint settled (the larger of it and the one-block hint).
    fn settle_hints(&mut self) {
        let floor = self.first_fit[0];
        for hint in &mut self.first_fit[1..] {
            *hint = (*hint).max(floor);
        }
    }

    /// The first block at or after `from` that starts `needed` free blocks.
    /// Whole table bytes (four blocks) that are all used or all free are
    /// stepped over at once.
    /// A run cannot start in `no_run_in`, so a search outside a run jumps over it.
    /// Also returns the number of blocks looked at.
    fn find_free_run(&self, from: usize, needed: usize, no_run_in: &[NoRun]) -> (Option<usize>, u64) {
        let mut run = 0;
        let mut block = from;
        let mut inspected = 0u64;
        let found = loop {
            if block >= self.block_count {
                break None;
            }
            if run == 0 {
                if let Some(span) = no_run_in.iter().find(|span| span.from <= block && block < span.to) {
                    block = span.to;
                    inspected += 1;
                    continue;
                }
            }
            if block.is_multiple_of(4) && block + 4 <= self.block_count {
                let byte = self.bytes[block / 4];
                if byte == 0 && run + 4 < needed {
                    run += 4;
                    block += 4;
                    inspected += 4;
                    continue;
                }
                // Every two-bit state is non-zero: four used blocks.
                if (byte | (byte >> 1)) & 0x55 == 0x55 {
                    run = 0;
                    block += 4;
                    inspected += 4;
                    continue;
                }
            }
            inspected += 1;
            if self.state(block) == FREE {
                run += 1;
                if run == needed {
                    break Some(block + 1 - needed);
                }
            } else {
                run = 0;
            }
            block += 1;
        };
        (found, inspected)
    }

    /// Pushes a zeroed frame of `byte_count` bytes on the frame stack;
    /// `None` when the stack has no room left (the caller then allocates the
    /// frame from the heap).
    pub fn alloc_frame(&mut self, byte_count: usize) -> Option<u32> {
        let size = byte_count.max(4).next_multiple_of(4);
        let start = self.frame_stack_top;
        let end = start.checked_add(size).filter(|&end| end <= self.frame_stack_end)?;
        self.bytes[start..end].fill(0);
        self.frame_stack_top = end;
        Some(HEAP_BASE + start as u32)
    }

    /// Pushes a frame of `byte_count` bytes (a multiple of 4) on the frame
    /// stack without clearing it, and hands out its bytes: the caller
    /// writes every word (they hold whatever an earlier frame left).
    /// `None` when the stack has no room left.
    pub fn alloc_frame_unzeroed(&mut self, byte_count: usize) -> Option<(u32, &mut [u8])> {
        let start = self.frame_stack_top;
        let end = start.checked_add(byte_count).filter(|&end| end <= self.frame_stack_end)?;
        self.frame_stack_top = end;
        Some((HEAP_BASE + start as u32, &mut self.bytes[start..end]))
    }

    /// The bytes of the frame stack in use and in all.
    pub fn frame_stack_usage(&self) -> (usize, usize) {
        (self.frame_stack_top - self.frame_stack_start, self.frame_stack_end - self.frame_stack_start)
    }

    /// Whether `address` is on the frame stack, in use or not.
    pub fn is_frame_stack(&self, address: u32) -> bool {
        let offset = address.wrapping_sub(HEAP_BASE) as usize;
        (self.frame_stack_start..self.frame_stack_end).contains(&offset)
    }

    /// Pops the frame at `address` and everything above it when it is on
    /// the frame stack (as [`Heap::free`] does); false, and nothing done,
    /// when it is not.
    #[inline]
    pub fn pop_frame(&mut self, address: u32) -> bool {
        let offset = address.wrapping_sub(HEAP_BASE) as usize;
        if (self.frame_stack_start..self.frame_stack_end).contains(&offset) {
            self.frame_stack_top = self.frame_stack_top.min(offset);
            return true;
        }
        false
    }

    /// Frees the allocation at `address` at once (a frame on return, a
    /// replaced table). Anything that is not a head is ignored. A frame on
    /// the frame stack is popped with everything above it (frames whose
    /// call failed before it ran).
    pub fn free(&mut self, address: u32) {
        if self.is_frame_stack(address) {
            let offset = address.wrapping_sub(HEAP_BASE) as usize;
            self.frame_stack_top = self.frame_stack_top.min(offset);
            return;
        }
        let Some(block) = self.block_of(address) else { return };
        if !matches!(self.state(block), HEAD | MARK) {
            return;
        }
        self.settle_hints();
        let length = self.run_length(block);
        self.set_states(block, block + length, FREE);
        // The freed blocks merge with free neighbours. A new run of `k` free
        // blocks starts at most `k - 1` blocks before them, so looking back
        // and ahead `SIZE_CLASSES` blocks is enough to lower every hint.
        let mut run_start = block;
        while run_start > 0 && block - run_start < SIZE_CLASSES && self.state(run_start - 1) == FREE {
            run_start -= 1;
        }
        let mut run_end = block + length;
        while run_end < self.block_count && run_end - run_start < SIZE_CLASSES {
            if run_end.is_multiple_of(4) && run_end + 4 <= self.block_count && self.bytes[run_end / 4] == 0 {
                run_end += 4;
            } else if self.state(run_end) == FREE {
                run_end += 1;
            } else {
                break;
            }
        }
        let run_end = run_end.min(run_start + SIZE_CLASSES);
        let longest = (run_end - run_start).min(SIZE_CLASSES);
        let freed_end = block + length;
        // A long new run starts at `run_start`, or, when the free blocks before
        // the freed ones go on past the look-back, inside a run of
        // `SIZE_CLASSES` free blocks that was there before, so at or above
        // that length's hint.
        let long_start =
            if block - run_start == SIZE_CLASSES { run_start.min(self.first_fit[SIZE_CLASSES - 1]) } else { run_start };
        self.long_run.from = self.long_run.from.min(long_start);
        for index in 0..longest {
            // The new runs of `index + 1` blocks start in `lowest..freed_end`;
            // spans they overlap are forgotten.
            let lowest = run_start.max(block.saturating_sub(index));
            let spans = &mut self.no_run_in[index];
            let mut count = usize::from(self.span_count[index]);
            let mut kept = 0;
            for position in 0..count {
                let span = spans[position];
                if !(span.from < freed_end && lowest < span.to) {
                    spans[kept] = span;
                    kept += 1;
                }
            }
            count = kept;
            let hint = self.first_fit[index];
            if lowest < hint {
                // Before this free no such run started below `hint`, so none
                // starts in `freed_end..hint` now.
                self.first_fit[index] = lowest;
                if freed_end < hint {
                    count = (count + 1).min(SKIP_SPANS);
                    spans.copy_within(0..count - 1, 1);
                    spans[0] = NoRun { from: freed_end, to: hint };
                }
            }
            self.span_count[index] = count as u8;
        }
    }

    /// Reads the little-endian word at `address` (0 outside the heap).
    #[inline(always)]
    pub fn word(&self, address: u32) -> u32 {
        self.word_at_offset(address.wrapping_sub(HEAP_BASE) as usize)
    }

    /// Reads the little-endian word at `address`, or None outside the heap
    /// (an address below the heap wraps around to an offset past its end).
    #[inline(always)]
    pub fn try_word(&self, address: u32) -> Option<u32> {
        self.bytes.word(address.wrapping_sub(HEAP_BASE) as usize)
    }

    /// Reads the word at byte `offset` of the heap (0 outside it). The
    /// dispatch loop reaches a frame's value slots this way, with the
    /// frame's offset worked out once per frame instead of once per access.
    #[inline(always)]
    pub fn word_at_offset(&self, offset: usize) -> u32 {
        self.bytes.word(offset).unwrap_or(0)
    }

    /// Writes the word at byte `offset` of the heap (ignored outside it).
    #[inline(always)]
    pub fn set_word_at_offset(&mut self, offset: usize, value: u32) {
        self.bytes.set_word(offset, value);
    }

    /// Writes the two words at byte `offset` and `offset + 4` of the heap
    /// (nothing outside it): the dispatch loop saves a frame's instruction
    /// pointer and stack depth, adjacent header words, this way.
    #[inline(always)]
    pub fn set_word_pair_at_offset(&mut self, offset: usize, first: u32, second: u32) {
        self.bytes.set_word_pair(offset, first, second);
    }

    /// Writes the word at `address`; returns false outside the heap.
    pub fn set_word(&mut self, address: u32, value: u32) -> bool {
        self.bytes.set_word(address.wrapping_sub(HEAP_BASE) as usize, value)
    }

    /// The heap bytes from `address`, `len` long (empty if out of range).
    pub fn bytes(&self, address: u32, len: usize) -> &[u8] {
        let offset = address.wrapping_sub(HEAP_BASE) as usize;
        self.bytes.get(offset..offset.wrapping_add(len)).unwrap_or(&[])
    }

    /// The whole heap slice, for the dispatch loop's inner loop, which reads
    /// and writes frame slots and list items in it by byte offset, as
    /// [`Heap::word_at_offset`] does.
    pub fn all_bytes_mut(&mut self) -> &mut HeapBytes<'a> {
        &mut self.bytes
    }

    /// The heap bytes from `address`, `len` long, to write (empty if out of range).
    pub fn bytes_mut(&mut self, address: u32, len: usize) -> &mut [u8] {
        let offset = address.wrapping_sub(HEAP_BASE) as usize;
        self.bytes.get_mut(offset..offset.wrapping_add(len)).unwrap_or(&mut [])
    }

    /// The heap bytes from `address`, `len` long, for the heap's life: the
    /// code of a function compiled on the board, which the dispatch loop
    /// reads like the image's. See [`HeapBytes::sealed`] for what the
    /// caller promises (the bytes are never written again, and no copy of
    /// the slice is used once their block could be freed).
    pub fn sealed_bytes(&self, address: u32, len: usize) -> &'a [u8] {
        let offset = address.wrapping_sub(HEAP_BASE) as usize;
        self.bytes.sealed(offset..offset.wrapping_add(len))
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

    /// Marks the allocation at `address` (a block head) without tracing its
    /// words: the compile arena, whose bytes are the compiler's, not objects.
    pub fn mark_leaf(&mut self, address: u32) {
        if address & 3 != 0 || address < HEAP_BASE {
            return;
        }
        if let Some(block) = self.block_of(address) {
            if self.state(block) == HEAD {
                self.set_state(block, MARK);
            }
        }
    }

    /// The bytes of the allocation at `address` (0 when no allocation starts there).
    pub fn allocation_bytes(&self, address: u32) -> usize {
        match self.block_of(address) {
            Some(block) if matches!(self.state(block), HEAD | MARK) => self.run_length(block) * BYTES_PER_BLOCK,
            _ => 0,
        }
    }

    /// Gives the blocks of the allocation at `address` past its first
    /// `byte_count` bytes back to the pool (the allocation keeps at least
    /// one block).
    pub fn shrink(&mut self, address: u32, byte_count: usize) {
        let Some(block) = self.block_of(address) else { return };
        if !matches!(self.state(block), HEAD | MARK) {
            return;
        }
        let keep = byte_count.div_ceil(BYTES_PER_BLOCK).max(1);
        if keep < self.run_length(block) {
            // The tail becomes an allocation of its own, which `free` returns
            // to the pool with the hints kept right.
            self.set_state(block + keep, HEAD);
            self.free(self.block_address(block + keep));
        }
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
            let word = self.bytes.word(offset).unwrap_or(0);
            self.mark_one(word);
            offset += 4;
        }
    }

    /// Finishes marking after every root was given to [`Heap::mark`]: traces
    /// again from every marked block while the mark stack overflowed.
    ///
    /// The frames on the frame stack are roots: every word of the part in
    /// use is marked first.
    pub fn finish_marking(&mut self) {
        let mut offset = self.frame_stack_start;
        while offset + 4 <= self.frame_stack_top {
            let word = self.bytes.word(offset).unwrap_or(0);
            self.mark_one(word);
            self.drain();
            offset += 4;
        }
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
        // The hints become exact: the start of the first free run of each length.
        self.first_fit = [self.block_count; SIZE_CLASSES];
        self.span_count = [0; SIZE_CLASSES];
        self.long_run = LongRunHint::default();
        let mut hinted = 0;
        let mut run_start = 0;
        let mut run = 0;
        let mut block = 0;
        // Whole table bytes, four blocks at a time, through `SWEEP_BYTE`.
        let whole = self.block_count - self.block_count % 4;
        while block < whole {
            let byte = self.bytes[block / 4];
            let [swept, info] = SWEEP_BYTE[usize::from(byte) | (usize::from(freeing) << 8)];
            if swept != byte {
                self.bytes[block / 4] = swept;
            }
            freeing = info & 1 != 0;
            freed += usize::from((info >> 1) & 7);
            let now_free = info >> 4;
            if now_free == 0 {
                run = 0;
            } else if now_free == 0xf && hinted == SIZE_CLASSES {
                run += 4;
            } else {
                for index in 0..4 {
                    if now_free & (1 << index) == 0 {
                        run = 0;
                        continue;
                    }
                    if run == 0 {
                        run_start = block + index;
                    }
                    run += 1;
                    while hinted < run.min(SIZE_CLASSES) {
                        self.first_fit[hinted] = run_start;
                        hinted += 1;
                    }
                }
            }
            block += 4;
        }
        // The blocks of a last, partial table byte, one at a time.
        while block < self.block_count {
            let (state, now_free) = match self.state(block) {
                HEAD => {
                    freed += 1;
                    freeing = true;
                    (FREE, true)
                }
                TAIL if freeing => (FREE, true),
                MARK => {
                    freeing = false;
                    (HEAD, false)
                }
                FREE => {
                    freeing = false;
                    (FREE, true)
                }
                other => (other, false),
            };
            self.set_state(block, state);
            if now_free {
                if run == 0 {
                    run_start = block;
                }
                run += 1;
                while hinted < run.min(SIZE_CLASSES) {
                    self.first_fit[hinted] = run_start;
                    hinted += 1;
                }
            } else {
                run = 0;
            }
            block += 1;
        }
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
