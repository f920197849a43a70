//! Unit tests of the allocator and the collector on their own: first fit,
//! fragmentation, freeing, and marking through chains of words.

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
