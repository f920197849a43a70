//! Unit tests of the allocator and the collector on their own: first fit,
//! fragmentation, freeing, marking through chains of words, the per-length
//! hints against a plain scan from block 0, and the cost of a call pattern
//! (counted in blocks inspected, not timed) at two heap sizes.

extern crate std;

use std::vec;
use std::vec::Vec;

use super::*;

fn heap_bytes() -> [u8; 4096] {
    [0u8; 4096]
}

#[test]
fn layout_fits_the_slice() {
    let mut bytes = heap_bytes();
    let heap = Heap::new(&mut bytes);
    assert_eq!(heap.block_count(), (4096 - 17) * 4 / 65);
    assert_eq!((heap.pool_address() - HEAP_BASE) % 16, 0);
    let end = heap.block_address(heap.block_count()) - HEAP_BASE;
    assert!(end as usize <= 4096);
}

#[test]
fn first_fit_reuses_the_lowest_hole() {
    let mut bytes = heap_bytes();
    let mut heap = Heap::new(&mut bytes);
    let a = heap.alloc(16).unwrap();
    let b = heap.alloc(48).unwrap();
    let c = heap.alloc(16).unwrap();
    assert_eq!(b, a + 16);
    assert_eq!(c, b + 48);
    heap.free(b);
    // Too big for the hole: goes after c.
    let d = heap.alloc(64).unwrap();
    assert_eq!(d, c + 16);
    // Fits the hole: first fit takes it.
    let e = heap.alloc(32).unwrap();
    assert_eq!(e, b);
    let f = heap.alloc(16).unwrap();
    assert_eq!(f, b + 32);
    assert_eq!(heap.allocation_size(d), 64);
}

#[test]
fn allocation_fails_when_fragmented() {
    let mut bytes = [0u8; 1024];
    let mut heap = Heap::new(&mut bytes);
    let mut addresses = [0u32; 64];
    let mut count = 0;
    while let Some(address) = heap.alloc(16) {
        addresses[count] = address;
        count += 1;
    }
    assert_eq!(count, heap.block_count());
    for (index, address) in addresses[..count].iter().enumerate() {
        if index % 2 == 0 {
            heap.free(*address);
        }
    }
    let stats = heap.stats();
    assert_eq!(stats.largest_free, 1);
    assert!(heap.alloc(32).is_none());
    assert!(heap.alloc(16).is_some());
}

#[test]
fn collect_keeps_what_roots_reach() {
    let mut bytes = heap_bytes();
    let mut heap = Heap::new(&mut bytes);
    // A chain root -> a -> b, and an unreachable c that points at b.
    let root = heap.alloc(16).unwrap();
    let a = heap.alloc(32).unwrap();
    let b = heap.alloc(16).unwrap();
    let c = heap.alloc(16).unwrap();
    heap.set_word(root + 4, a);
    heap.set_word(a + 20, b);
    heap.set_word(c, b);
    // An interior pointer does not keep an allocation alive.
    let d = heap.alloc(32).unwrap();
    heap.set_word(root + 8, d + 16);
    heap.mark(root);
    heap.finish_marking();
    assert_eq!(heap.sweep(), 2);
    assert!(heap.is_head(root) && heap.is_head(a) && heap.is_head(b));
    assert!(!heap.is_head(c) && !heap.is_head(d));
    assert_eq!(heap.alloc(16), Some(c));
}

#[test]
fn deep_chains_survive_mark_stack_overflow() {
    let mut bytes = [0u8; 16384];
    let mut heap = Heap::new(&mut bytes);
    // A wide node pointing at 200 leaves overflows the 64-entry mark stack.
    let wide = heap.alloc(200 * 4).unwrap();
    for index in 0..200u32 {
        let leaf = heap.alloc(16).unwrap();
        heap.set_word(wide + 4 * index, leaf);
        let grandchild = heap.alloc(16).unwrap();
        heap.set_word(leaf, grandchild);
    }
    let garbage = heap.alloc(16).unwrap();
    heap.mark(wide);
    heap.finish_marking();
    assert_eq!(heap.sweep(), 1);
    assert!(!heap.is_head(garbage));
    assert_eq!(heap.stats().objects, 401);
}

#[test]
fn words_outside_the_heap_are_ignored() {
    let mut bytes = heap_bytes();
    let mut heap = Heap::new(&mut bytes);
    let a = heap.alloc(16).unwrap();
    heap.set_word(a, 0x1000_0000);
    heap.set_word(a + 4, 0x0000_1010);
    heap.set_word(a + 8, 0xffff_fff0);
    heap.mark(a);
    heap.finish_marking();
    assert_eq!(heap.sweep(), 0);
    assert_eq!(heap.word(0x1000_0000), 0);
    assert!(!heap.set_word(0x1000_0000, 1));
}

/// The first fit for `needed` blocks found the slow way, from block 0.
fn first_fit_from_zero(heap: &Heap<'_>, needed: usize) -> Option<usize> {
    let mut run = 0;
    for block in 0..heap.block_count() {
        if heap.state(block) == FREE {
            run += 1;
            if run == needed {
                return Some(block + 1 - needed);
            }
        } else {
            run = 0;
        }
    }
    None
}

struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % bound
    }
}

#[test]
fn hints_give_the_same_blocks_as_first_fit_from_zero() {
    for seed in [7, 11, 2026] {
        same_blocks_as_first_fit_from_zero(seed);
    }
}

fn same_blocks_as_first_fit_from_zero(seed: u64) {
    let mut bytes = vec![0u8; 32 * 1024];
    let mut heap = Heap::new(&mut bytes);
    let mut random = Random(seed);
    let mut live: Vec<(u32, usize)> = Vec::new();
    for step in 0..20_000 {
        match random.below(10) {
            0..=5 => {
                // Mostly short runs, sometimes longer than the hinted classes.
                let blocks = if random.below(8) == 0 { 1 + random.below(40) } else { 1 + random.below(6) } as usize;
                let expected = first_fit_from_zero(&heap, blocks).map(|block| heap.block_address(block));
                let got = heap.alloc(blocks * BYTES_PER_BLOCK);
                assert_eq!(got, expected, "seed {seed}, step {step}: allocating {blocks} blocks");
                if let Some(address) = got {
                    // Every allocation starts zeroed, whichever path took it.
                    for offset in (0..blocks * BYTES_PER_BLOCK).step_by(4) {
                        assert_eq!(heap.try_word(address + offset as u32), Some(0), "seed {seed}, step {step}");
                    }
                    // Dirty it, so that a later allocation over it must clear it again.
                    heap.set_word(address + 4, 0xdead_beef);
                    live.push((address, blocks * BYTES_PER_BLOCK));
                }
            }
            6..=8 if !live.is_empty() => {
                let index = random.below(live.len() as u64) as usize;
                heap.free(live.swap_remove(index).0);
            }
            _ => {
                // Collect, keeping every other live allocation through one root block.
                let Some(root) = heap.alloc(live.len().max(1) * 4) else { continue };
                let kept: Vec<(u32, usize)> = live.iter().copied().step_by(2).collect();
                for (index, (address, _)) in kept.iter().enumerate() {
                    heap.set_word(root + 4 * index as u32, *address);
                }
                heap.mark(root);
                heap.finish_marking();
                heap.sweep();
                heap.free(root);
                // Exactly what was kept survives, whole.
                for (address, size) in &kept {
                    assert_eq!(heap.allocation_size(*address), *size, "seed {seed}, step {step}");
                }
                assert_eq!(heap.stats().objects, kept.len(), "seed {seed}, step {step}");
                live = kept;
            }
        }
    }
    assert!(heap.stats().objects > 0);
}

/// Blocks inspected by allocation while running a call pattern: a heap half
/// full of long-lived data with one free block below it, then `calls` times a
/// five-block frame, two one-block objects made during the call, and the
/// frame freed on return.
fn blocks_inspected_by_calls(heap_bytes: usize, calls: usize) -> u64 {
    let mut bytes = vec![0u8; heap_bytes];
    let mut heap = Heap::new(&mut bytes);
    let data_blocks = heap.block_count() / 2;
    let first = heap.alloc(BYTES_PER_BLOCK).unwrap();
    for _ in 1..data_blocks {
        assert!(heap.alloc(BYTES_PER_BLOCK).is_some());
    }
    heap.free(first);
    let before = heap.blocks_inspected();
    for _ in 0..calls {
        let frame = heap.alloc(5 * BYTES_PER_BLOCK).unwrap();
        assert!(heap.alloc(BYTES_PER_BLOCK).is_some());
        assert!(heap.alloc(BYTES_PER_BLOCK).is_some());
        heap.free(frame);
    }
    heap.blocks_inspected() - before
}

#[test]
fn call_cost_does_not_grow_with_the_heap() {
    let calls = 500;
    let small = blocks_inspected_by_calls(64 * 1024, calls);
    let large = blocks_inspected_by_calls(1024 * 1024, calls);
    std::println!("blocks inspected for {calls} calls: {small} in a 64K heap, {large} in a 1M heap");
    // A search that started at the low free block would look at the whole
    // long-lived region on every call: 2,000 blocks per call in the small
    // heap and 32,000 in the large one.
    assert!(small > 0);
    assert!(large <= small + small / 4, "small heap {small} blocks, large heap {large} blocks");
    assert!(large / calls as u64 <= 16, "{} blocks per call", large / calls as u64);
}

#[test]
fn frame_stack_is_lifo_and_scanned_as_roots() {
    let mut bytes = vec![0u8; 64 * 1024];
    let mut heap = Heap::new(&mut bytes);
    let (used, total) = heap.frame_stack_usage();
    assert_eq!((used, total), (0, 2048));
    // The pool ends where the frame stack starts.
    assert!((heap.block_address(heap.block_count()) - HEAP_BASE) as usize <= 64 * 1024 - total);
    let outer = heap.alloc_frame(60).unwrap();
    let inner = heap.alloc_frame(40).unwrap();
    assert_eq!(inner, outer + 60);
    assert!(heap.is_frame_stack(outer) && !heap.is_head(outer));
    // What only a frame in use points at survives a collection; what only a
    // popped frame pointed at does not.
    let kept = heap.alloc(16).unwrap();
    let lost = heap.alloc(16).unwrap();
    heap.set_word(outer + 8, kept);
    heap.set_word(inner + 8, lost);
    heap.free(inner);
    heap.finish_marking();
    assert_eq!(heap.sweep(), 1);
    assert!(heap.is_head(kept) && !heap.is_head(lost));
    // A pushed frame is zeroed.
    let again = heap.alloc_frame(40).unwrap();
    assert_eq!((again, heap.word(again + 8)), (inner, 0));
    // Popping a frame pops everything above it.
    heap.free(outer);
    assert_eq!(heap.frame_stack_usage().0, 0);
    // A full stack refuses frames and leaves the pool alone.
    let mut pushed = 0;
    while heap.alloc_frame(100).is_some() {
        pushed += 1;
    }
    assert_eq!(pushed, total / 100);
    assert_eq!(heap.stats().used_blocks, 1);
}

#[test]
fn heap_words_read_and_write_only_inside_the_heap() {
    let mut bytes = [0u8; 64];
    let mut heap = HeapBytes::new(&mut bytes);
    let mut words = heap.words();
    assert!(words.set_word(60, 0x1234_5678));
    assert_eq!(words.word(60), Some(0x1234_5678));
    // An unaligned word and the last bytes of the heap.
    assert!(words.set_word(1, 0xa1b2_c3d4));
    assert_eq!(words.word(1), Some(0xa1b2_c3d4));
    assert!(!words.set_word(61, 1));
    assert_eq!(words.word(61), None);
    assert_eq!(words.word(usize::MAX - 1), None);
    assert!(words.contains(0, 64));
    assert!(!words.contains(1, 64));
    assert_eq!(heap.word(60), Some(0x1234_5678));
    assert_eq!(heap.word(1), Some(0xa1b2_c3d4));
}

#[test]
fn word_pairs_are_written_only_inside_the_heap() {
    let mut bytes = [0u8; 64];
    let mut heap = HeapBytes::new(&mut bytes);
    assert!(heap.set_word_pair(56, 7, 9));
    assert_eq!((heap.word(56), heap.word(60)), (Some(7), Some(9)));
    assert!(heap.set_word_pair(3, 0x0102_0304, 0x0506_0708));
    assert_eq!((heap.word(3), heap.word(7)), (Some(0x0102_0304), Some(0x0506_0708)));
    // Eight bytes from 57 would end past the heap: nothing is written.
    assert!(!heap.set_word_pair(57, 1, 1));
    assert!(!heap.set_word_pair(usize::MAX - 2, 1, 1));
    assert_eq!((heap.word(56), heap.word(60)), (Some(7), Some(9)));
}

#[test]
fn sweep_counts_and_frees_every_unmarked_allocation_to_the_last_block() {
    let mut bytes = heap_bytes();
    let mut heap = Heap::new(&mut bytes);
    // A partial last table byte: the sweep's block-by-block tail runs too.
    assert_ne!(heap.block_count() % 4, 0);
    let mut heads = Vec::new();
    let mut lengths = [1usize, 3, 2, 5, 1, 4].iter().cycle();
    loop {
        let blocks = *lengths.next().unwrap();
        match heap.alloc(blocks * BYTES_PER_BLOCK).or_else(|| heap.alloc(BYTES_PER_BLOCK)) {
            Some(address) => heads.push(address),
            None => break,
        }
    }
    let kept: Vec<u32> = heads.iter().copied().step_by(3).collect();
    for address in &kept {
        heap.mark(*address);
    }
    heap.finish_marking();
    assert_eq!(heap.sweep(), heads.len() - kept.len());
    assert_eq!(heap.stats().objects, kept.len());
    for address in &kept {
        assert_eq!(heap.state(heap.block_of(*address).unwrap()), HEAD);
    }
    // Everything else is free, and first fit finds the lowest hole again.
    let used: usize = kept.iter().map(|address| heap.allocation_size(*address) / BYTES_PER_BLOCK).sum();
    assert_eq!(heap.stats().free_blocks, heap.block_count() - used);
    let expected = first_fit_from_zero(&heap, 2).map(|block| heap.block_address(block));
    assert_eq!(heap.alloc(2 * BYTES_PER_BLOCK), expected);
}
