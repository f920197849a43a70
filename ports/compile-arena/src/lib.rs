//! The boards' `#[global_allocator]`: it serves only the *compile arena*,
//! a range of the VM's GC heap that the VM lends for one compilation (the
//! compiler on the board is the one user of `alloc` in the firmware).
//!
//! The VM owns all memory; there is no heap for Rust. When the compiler is
//! about to run, the VM allocates the largest free run of its heap and lends
//! it through `Port::lend_compile_arena`, which calls [`CompileArena::lend`].
//! A first-fit allocator (`linked_list_allocator`) serves the compiler's
//! `Vec`s and `String`s inside it. When the compiler returns,
//! [`CompileArena::seal`] stops new allocations and says how far into the
//! arena they ever reached, so the VM can give the rest back to its heap
//! while the compiler's output is turned into heap objects; then
//! [`CompileArena::end`] takes the arena back.
//!
//! Outside a compilation every allocation fails (the firmware's other code
//! never allocates), and so does one that does not fit the arena: Rust then
//! calls the port's panic handler. So the arena's last bytes are a
//! *reserve*: once an allocation reaches into it, [`CompileArena::is_low`]
//! says so; the compiler asks as it goes and stops with an out-of-memory
//! error (MicroPython's `MemoryError`) while the reserve still serves what
//! it allocates until it next asks and while it unwinds. The lists that grow
//! with the source grow fallibly in the compiler, so a growth the arena
//! cannot serve is an out-of-memory stop too (see `rime_compiler`'s
//! `memory` module).

#![no_std]

use core::alloc::{GlobalAlloc, Layout};
use core::cell::RefCell;
use core::ptr::NonNull;

use critical_section::Mutex;
use linked_list_allocator::Heap;

/// The arena and its state.
struct State {
    heap: Heap,
    /// The lent range `start..end` (both 0 when none is lent).
    start: usize,
    end: usize,
    /// Set by `seal`: no new allocations.
    sealed: bool,
    /// The furthest byte offset from `start` any allocation reached.
    high_water: usize,
    /// The offset from `start` past which allocations reach into the reserve.
    low_mark: usize,
    /// Bytes in use now, and the most in use at once.
    in_use: usize,
    peak_in_use: usize,
}

/// How much of an arena of `arena_len` bytes is held in reserve for a
/// source of `source_len` bytes: the compiler stops once its allocations
/// reach into the reserve, which must then serve what it allocates until it
/// next asks (a few syntax tree nodes, or the growth of a list that grows
/// infallibly, such as its bytecode buffer, at most a few bytes per source
/// byte) and its unwinding. The test `compiler_out_of_memory` compiles
/// every kind of source at every arena size from the smallest the VM lends.
pub fn reserve(arena_len: usize, source_len: usize) -> usize {
    (2048 + 4 * source_len).clamp(arena_len / 8, arena_len / 4)
}

/// A global allocator over a lent compile arena.
pub struct CompileArena {
    state: Mutex<RefCell<State>>,
}

impl Default for CompileArena {
    fn default() -> CompileArena {
        CompileArena::new()
    }
}

impl CompileArena {
    pub const fn new() -> CompileArena {
        CompileArena {
            state: Mutex::new(RefCell::new(State {
                heap: Heap::empty(),
                start: 0,
                end: 0,
                sealed: false,
                high_water: 0,
                low_mark: 0,
                in_use: 0,
                peak_in_use: 0,
            })),
        }
    }

    /// Serves allocations from `len` bytes at `start` from now on, for the
    /// compilation of `source_len` bytes of source, the last
    /// [`reserve`]`(len, source_len)` bytes held in reserve (see the crate
    /// docs).
    ///
    /// # Safety
    ///
    /// The range must be valid for reads and writes and used by nothing
    /// else until [`CompileArena::end`] is called. It may have any alignment.
    pub unsafe fn lend(&self, start: *mut u8, len: usize, source_len: usize) {
        let reserve = reserve(len, source_len);
        critical_section::with(|cs| {
            let mut state = self.state.borrow_ref_mut(cs);
            state.heap = Heap::empty();
            let pad = start.align_offset(8).min(len);
            // SAFETY: the caller gives the range to the allocator alone
            // until `end`, which empties the heap before the range goes back;
            // `pad` keeps the aligned start inside it.
            unsafe { state.heap.init(start.add(pad), len - pad) };
            state.start = start as usize;
            state.end = start as usize + len;
            state.sealed = false;
            state.high_water = 0;
            state.low_mark = len - reserve.min(len);
            state.in_use = 0;
            state.peak_in_use = 0;
        });
    }

    /// Whether allocations have reached into the reserve (or the arena was
    /// sealed or taken back): the compiler should stop.
    pub fn is_low(&self) -> bool {
        critical_section::with(|cs| {
            let state = self.state.borrow_ref(cs);
            state.sealed || state.high_water > state.low_mark
        })
    }

    /// Stops new allocations and returns how many bytes from the arena's
    /// start allocations ever reached; the bytes past that are the VM's
    /// again. Frees from now on touch nothing (the allocator's own records
    /// of free space may lie past that reach).
    pub fn seal(&self) -> usize {
        critical_section::with(|cs| {
            let mut state = self.state.borrow_ref_mut(cs);
            state.sealed = true;
            state.high_water
        })
    }

    /// Takes the arena back: every allocation fails from now on. Returns
    /// the most bytes that were in use at once.
    pub fn end(&self) -> usize {
        critical_section::with(|cs| {
            let mut state = self.state.borrow_ref_mut(cs);
            state.heap = Heap::empty();
            state.start = 0;
            state.end = 0;
            state.sealed = true;
            state.peak_in_use
        })
    }
}

// SAFETY: `alloc` hands out blocks of the lent range that the first-fit heap
// keeps disjoint, sized and aligned by `layout`, or null; `dealloc` returns
// only blocks inside the current range to it. The state is reached only
// inside a critical section.
unsafe impl GlobalAlloc for CompileArena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        critical_section::with(|cs| {
            let mut state = self.state.borrow_ref_mut(cs);
            if state.sealed || state.end == 0 {
                return core::ptr::null_mut();
            }
            match state.heap.allocate_first_fit(layout) {
                Ok(block) => {
                    let address = block.as_ptr() as usize;
                    let reach = address + layout.size() - state.start;
                    state.high_water = state.high_water.max(reach);
                    state.in_use += layout.size();
                    state.peak_in_use = state.peak_in_use.max(state.in_use);
                    block.as_ptr()
                }
                Err(()) => core::ptr::null_mut(),
            }
        })
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        critical_section::with(|cs| {
            let mut state = self.state.borrow_ref_mut(cs);
            let address = pointer as usize;
            if address < state.start || address >= state.end {
                return;
            }
            state.in_use -= layout.size().min(state.in_use);
            // Once sealed, the VM may have taken back the arena's bytes past
            // the allocations' reach, where the free list keeps its last
            // hole's header: a freed block is then simply left alone, as the
            // whole arena goes back at `end`.
            if state.sealed {
                return;
            }
            if let Some(block) = NonNull::new(pointer) {
                // SAFETY: the block came from this heap's `allocate_first_fit`
                // with this layout (it lies in the current range, and the
                // range is reset only when nothing allocated in it is left).
                unsafe { state.heap.deallocate(block, layout) };
            }
        })
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;

    #[test]
    fn serves_the_lent_range_only_and_reports_its_reach() {
        let arena = CompileArena::new();
        let layout = Layout::from_size_align(100, 4).unwrap_or_else(|_| panic!("layout"));
        // SAFETY: nothing is lent, so the allocator must refuse.
        assert!(unsafe { arena.alloc(layout) }.is_null());
        let mut memory = std::vec![0u32; 256];
        let start = memory.as_mut_ptr().cast::<u8>();
        // SAFETY: `memory` outlives the arena's use and nothing else touches it.
        unsafe { arena.lend(start, 1024, 0) };
        // SAFETY: the arena is lent; each block is freed with its layout.
        let (first, second) = unsafe { (arena.alloc(layout), arena.alloc(layout)) };
        assert!(!first.is_null() && !second.is_null() && first != second);
        let inside = |pointer: *mut u8| (start as usize..start as usize + 1024).contains(&(pointer as usize));
        assert!(inside(first) && inside(second));
        // SAFETY: `first` came from this arena with `layout`.
        unsafe { arena.dealloc(first, layout) };
        let big = Layout::from_size_align(2000, 4).unwrap_or_else(|_| panic!("layout"));
        // SAFETY: too big for the arena: null, nothing handed out.
        assert!(unsafe { arena.alloc(big) }.is_null());
        let reach = arena.seal();
        assert!(reach >= 200 && reach <= 1024, "{reach}");
        // SAFETY: sealed: new allocations fail.
        assert!(unsafe { arena.alloc(layout) }.is_null());
        // SAFETY: `second` came from this arena with `layout`.
        unsafe { arena.dealloc(second, layout) };
        assert_eq!(arena.end(), 200);
    }

    #[test]
    fn reports_low_once_allocations_reach_into_the_reserve() {
        let arena = CompileArena::new();
        let mut memory = std::vec![0u64; 128];
        // SAFETY: `memory` outlives the arena's use and nothing else touches it.
        unsafe { arena.lend(memory.as_mut_ptr().cast::<u8>(), 1024, 0) };
        assert_eq!(reserve(1024, 0), 256);
        let layout = Layout::from_size_align(96, 8).unwrap_or_else(|_| panic!("layout"));
        let mut reaches = std::vec::Vec::new();
        for _ in 0..10 {
            assert!(!arena.is_low(), "low before any allocation reached past 768 bytes: {reaches:?}");
            // SAFETY: the arena is lent; the blocks go back with `end`.
            let block = unsafe { arena.alloc(layout) };
            assert!(!block.is_null());
            reaches.push(block as usize + 96 - memory.as_ptr() as usize);
            if reaches.last().is_some_and(|&reach| reach > 768) {
                break;
            }
        }
        assert!(arena.is_low(), "not low after reaching {reaches:?}");
        arena.seal();
        arena.end();
        assert!(arena.is_low(), "a taken-back arena must read as low");
    }

    #[test]
    fn frees_after_sealing_leave_the_bytes_past_the_reach_alone() {
        let arena = CompileArena::new();
        let mut memory = std::vec![0u8; 4096];
        let start = memory.as_mut_ptr();
        // SAFETY: `memory` outlives the arena's use; past the reach it is
        // written below only through this same pointer, after sealing.
        unsafe { arena.lend(start, 4096, 0) };
        let layouts: std::vec::Vec<Layout> =
            (1..20).map(|size| Layout::from_size_align(size * 8, 4).unwrap_or_else(|_| panic!("layout"))).collect();
        // SAFETY: the arena is lent; every block is freed below with its layout.
        let blocks: std::vec::Vec<*mut u8> = layouts.iter().map(|layout| unsafe { arena.alloc(*layout) }).collect();
        for index in (0..blocks.len()).step_by(2) {
            // SAFETY: each block came from this arena with its layout;
            // freeing every other one leaves holes inside the reach.
            unsafe { arena.dealloc(blocks[index], layouts[index]) };
        }
        let reach = arena.seal();
        // SAFETY: the bytes past the reach are the caller's again (the VM's heap).
        unsafe { core::ptr::write_bytes(start.add(reach), 0xa5, 4096 - reach) };
        for index in (1..blocks.len()).step_by(2) {
            // SAFETY: each block came from this arena with its layout.
            unsafe { arena.dealloc(blocks[index], layouts[index]) };
        }
        arena.end();
        assert!(memory[reach..].iter().all(|&byte| byte == 0xa5));
    }
}

/// The four compile-arena methods of `rime_vm::Port` for a port whose
/// `#[global_allocator]` is the [`CompileArena`] static `$arena`: every port
/// with the compiler implements them the same way, so they are written once
/// here. Use it inside the port's `impl rime_vm::Port for …` block.
#[macro_export]
macro_rules! port_methods {
    ($arena:path) => {
        fn wants_compile_arena(&self) -> bool {
            true
        }

        fn lend_compile_arena(&mut self, arena: &mut [u8], source_len: usize) {
            // SAFETY: by `Port::lend_compile_arena`'s contract the VM leaves these
            // bytes to the allocator alone until `end_compile_arena`.
            unsafe { $arena.lend(arena.as_mut_ptr(), arena.len(), source_len) }
        }

        fn compile_memory_low(&self) -> Option<fn() -> bool> {
            fn memory_low() -> bool {
                $arena.is_low()
            }
            Some(memory_low)
        }

        fn seal_compile_arena(&mut self) -> usize {
            $arena.seal()
        }

        fn end_compile_arena(&mut self) -> usize {
            $arena.end()
        }
    };
}
