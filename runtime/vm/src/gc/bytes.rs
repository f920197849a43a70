//! The heap's bytes, reached one range at a time.
//!
//! [`HeapBytes`] owns the slice the port lends the VM for its whole life, but
//! keeps it as a pointer and a length rather than as one `&mut [u8]`, and
//! every access makes a slice of only the bytes it touches. That is what lets
//! the heap hand out *sealed* ranges ([`HeapBytes::sealed`]): the bytecode of
//! code compiled on the board, written once into a heap block and never
//! again, which the dispatch loop then reads as a plain `&'a [u8]` like the
//! image's code while the rest of the heap keeps changing around it. Two
//! overlapping slices never exist at once, except for a sealed range, which
//! nothing writes while it is reachable (see [`HeapBytes::sealed`]).

use core::marker::PhantomData;
use core::ops::{Index, IndexMut, Range};
use core::ptr::NonNull;

/// The heap's byte slice, accessed by ranges.
pub struct HeapBytes<'a> {
    start: NonNull<u8>,
    len: usize,
    /// The number of byte offsets at which a whole word lies inside the
    /// heap (`len - 3`, or 0): a word access checks one comparison.
    word_limit: usize,
    /// The heap holds the port's slice exclusively for `'a`.
    borrowed: PhantomData<&'a mut [u8]>,
}

impl<'a> HeapBytes<'a> {
    pub fn new(bytes: &'a mut [u8]) -> HeapBytes<'a> {
        let len = bytes.len();
        HeapBytes {
            start: NonNull::from(bytes).cast::<u8>(),
            len,
            word_limit: len.saturating_sub(3),
            borrowed: PhantomData,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn in_bounds(&self, range: &Range<usize>) -> bool {
        range.start <= range.end && range.end <= self.len
    }

    /// The bytes of `range`, or `None` when it is not inside the heap.
    #[inline(always)]
    pub fn get(&self, range: Range<usize>) -> Option<&[u8]> {
        if !self.in_bounds(&range) {
            return None;
        }
        // SAFETY: the range is inside the slice this struct borrows
        // exclusively for 'a; the shared borrow of `self` keeps every
        // mutable range of it from being made while the result lives.
        Some(unsafe { core::slice::from_raw_parts(self.start.as_ptr().add(range.start), range.end - range.start) })
    }

    /// The bytes of `range` to write, or `None` when it is not inside the heap.
    #[inline(always)]
    pub fn get_mut(&mut self, range: Range<usize>) -> Option<&mut [u8]> {
        if !self.in_bounds(&range) {
            return None;
        }
        // SAFETY: the range is inside the slice borrowed exclusively for 'a,
        // and the mutable borrow of `self` makes this the only live range
        // made through it; sealed ranges are never written (see `sealed`).
        Some(unsafe { core::slice::from_raw_parts_mut(self.start.as_ptr().add(range.start), range.end - range.start) })
    }

    /// The little-endian word at byte `offset`, or `None` when its four
    /// bytes are not all inside the heap. Every object access comes here,
    /// so it reads the word at once rather than through a slice.
    #[inline(always)]
    pub fn word(&self, offset: usize) -> Option<u32> {
        if offset >= self.word_limit {
            return None;
        }
        // SAFETY: the four bytes at `offset` are inside the exclusively
        // borrowed slice (checked above); an unaligned read of plain bytes.
        let word = unsafe { self.start.as_ptr().add(offset).cast::<u32>().read_unaligned() };
        Some(u32::from_le(word))
    }

    /// Writes the little-endian word at byte `offset`; false (and nothing
    /// written) when its four bytes are not all inside the heap.
    #[inline(always)]
    pub fn set_word(&mut self, offset: usize, value: u32) -> bool {
        if offset >= self.word_limit {
            return false;
        }
        // SAFETY: the four bytes at `offset` are inside the exclusively
        // borrowed slice (checked above), and `&mut self` makes this the only
        // access through it; sealed ranges are never written.
        unsafe { self.start.as_ptr().add(offset).cast::<u32>().write_unaligned(value.to_le()) };
        true
    }

    /// Writes two little-endian words at byte `offset` and `offset + 4`
    /// with one bounds check; nothing written when the eight bytes are not
    /// all inside the heap.
    #[inline(always)]
    pub fn set_word_pair(&mut self, offset: usize, first: u32, second: u32) -> bool {
        if offset >= self.word_limit.saturating_sub(4) {
            return false;
        }
        let pair = u64::from(first) | (u64::from(second) << 32);
        // SAFETY: the eight bytes at `offset` are inside the exclusively
        // borrowed slice (checked above), `&mut self` makes this the only
        // access through it; sealed ranges are never written.
        unsafe { self.start.as_ptr().add(offset).cast::<u64>().write_unaligned(pair.to_le()) };
        true
    }

    /// Copies `range` to `to`; the ranges may overlap. Out-of-range copies
    /// do nothing.
    pub fn copy_within(&mut self, range: Range<usize>, to: usize) {
        let len = range.end.wrapping_sub(range.start);
        if !self.in_bounds(&range) || to.checked_add(len).is_none_or(|end| end > self.len) {
            return;
        }
        // SAFETY: both ranges were checked to lie inside the exclusively
        // borrowed slice; `copy` allows them to overlap.
        unsafe {
            core::ptr::copy(self.start.as_ptr().add(range.start), self.start.as_ptr().add(to), len);
        }
    }

    /// The bytes of `range` for the rest of the heap's life, or an empty
    /// slice when the range is not inside the heap.
    ///
    /// The caller promises what makes this sound: the range is the payload
    /// of an allocated block run that nothing writes after this call, and
    /// no result is used after that run is freed (the VM drops every copy
    /// it keeps, the code info cache's, before each collection, and a frame
    /// running the code keeps its function, and so the run, alive).
    pub fn sealed(&self, range: Range<usize>) -> &'a [u8] {
        if !self.in_bounds(&range) {
            return &[];
        }
        // SAFETY: the range is inside the slice borrowed for 'a, and by the
        // caller's promise above those bytes are not written while the
        // returned slice is in use.
        unsafe { core::slice::from_raw_parts(self.start.as_ptr().add(range.start), range.end - range.start) }
    }
}

/// The heap's words for one loop that reads and writes nothing else: a copy
/// of the heap's pointer and length, made from `&mut HeapBytes`, so that the
/// loop keeps them in registers instead of reading them again after every
/// write (a write through the heap's pointer could, as far as the compiler
/// knows, change the fields of the `HeapBytes` it was reached through).
pub struct HeapWords<'s> {
    start: NonNull<u8>,
    len: usize,
    /// As [`HeapBytes`]'s: the offsets of whole words are below it.
    word_limit: usize,
    /// The heap is borrowed exclusively while this view lives.
    borrowed: PhantomData<&'s mut [u8]>,
}

impl HeapBytes<'_> {
    /// The heap's words, for as long as `self` is borrowed.
    #[inline(always)]
    pub fn words(&mut self) -> HeapWords<'_> {
        HeapWords { start: self.start, len: self.len, word_limit: self.word_limit, borrowed: PhantomData }
    }
}

impl HeapWords<'_> {
    /// Whether the `len` bytes at `offset` all lie inside the heap.
    #[inline(always)]
    pub fn contains(&self, offset: usize, len: usize) -> bool {
        offset.checked_add(len).is_some_and(|end| end <= self.len)
    }

    /// The little-endian word at byte `offset`, or `None` when its four
    /// bytes are not all inside the heap.
    #[inline(always)]
    pub fn word(&self, offset: usize) -> Option<u32> {
        if offset >= self.word_limit {
            return None;
        }
        // SAFETY: the four bytes at `offset` are inside the heap's slice
        // (checked above), which this view borrows exclusively through the
        // `HeapBytes` it was made from; an unaligned read of plain bytes.
        let word = unsafe { self.start.as_ptr().add(offset).cast::<u32>().read_unaligned() };
        Some(u32::from_le(word))
    }

    /// Writes the little-endian word at byte `offset`; false (and nothing
    /// written) when its four bytes are not all inside the heap.
    #[inline(always)]
    pub fn set_word(&mut self, offset: usize, value: u32) -> bool {
        if offset >= self.word_limit {
            return false;
        }
        // The callers write value slots and list items, never a sealed range.
        // SAFETY: the four bytes at `offset` are inside the heap's slice
        // (checked above), borrowed exclusively by this view, and `&mut self`
        // makes this the only access through it; sealed ranges are not written.
        unsafe { self.start.as_ptr().add(offset).cast::<u32>().write_unaligned(value.to_le()) };
        true
    }
}

impl Index<usize> for HeapBytes<'_> {
    type Output = u8;

    #[inline(always)]
    fn index(&self, index: usize) -> &u8 {
        match self.get(index..index.wrapping_add(1)) {
            Some([byte]) => byte,
            _ => panic!("heap byte {index} out of range"),
        }
    }
}

impl IndexMut<usize> for HeapBytes<'_> {
    #[inline(always)]
    fn index_mut(&mut self, index: usize) -> &mut u8 {
        match self.get_mut(index..index.wrapping_add(1)) {
            Some([byte]) => byte,
            _ => panic!("heap byte {index} out of range"),
        }
    }
}

impl Index<Range<usize>> for HeapBytes<'_> {
    type Output = [u8];

    #[inline(always)]
    fn index(&self, range: Range<usize>) -> &[u8] {
        match self.get(range.clone()) {
            Some(bytes) => bytes,
            None => panic!("heap range {range:?} out of range"),
        }
    }
}

impl IndexMut<Range<usize>> for HeapBytes<'_> {
    #[inline(always)]
    fn index_mut(&mut self, range: Range<usize>) -> &mut [u8] {
        let checked = range.clone();
        match self.get_mut(range) {
            Some(bytes) => bytes,
            None => panic!("heap range {checked:?} out of range"),
        }
    }
}
