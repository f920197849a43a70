//! Running out of memory without panicking: the compiler on a board gets
//! its memory from a fixed arena, and Rust's infallible allocations end in
//! the panic handler when the arena is full. So the compiler asks, as it
//! goes, whether memory is running low, and stops with an
//! [`DiagnosticKind::OutOfMemory`](crate::DiagnosticKind::OutOfMemory)
//! diagnostic (MicroPython's `MemoryError`) while enough is left to unwind.
//!
//! The allocator answers the question (on the boards the port's compile
//! arena, which keeps part of itself in reserve and reports "low" once
//! allocations reach into that reserve). Between two questions the
//! compiler only makes small allocations, which the reserve covers; the
//! lists that can grow with the source (tokens, statement bodies, call
//! arguments, displays) grow fallibly (`try_reserve`), so a growth the
//! arena cannot serve is an out-of-memory stop rather than a panic. On the
//! host nothing is asked (`memory_low` is `None`).

/// The compiler stopped because memory ran low.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct OutOfMemory;

/// Asks the allocator whether memory is running low.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct MemoryProbe(pub Option<fn() -> bool>);

impl MemoryProbe {
    /// True when the compiler should stop with an out-of-memory error.
    #[inline]
    pub fn is_low(self) -> bool {
        match self.0 {
            Some(memory_low) => memory_low(),
            None => false,
        }
    }
}

/// Makes room for one more element of `list`; false when the allocator
/// cannot (the caller then stops with an out-of-memory error).
#[inline]
pub(crate) fn room_for_one<T>(list: &mut alloc::vec::Vec<T>) -> bool {
    list.len() < list.capacity() || list.try_reserve(1).is_ok()
}

/// `list`'s elements moved into a vector of their exact size (emptying
/// `list`), or `None` when the allocator cannot serve it.
pub(crate) fn exact_copy<T>(list: &mut alloc::vec::Vec<T>) -> Option<alloc::vec::Vec<T>> {
    let mut exact = alloc::vec::Vec::new();
    exact.try_reserve_exact(list.len()).ok()?;
    exact.extend(list.drain(..));
    Some(exact)
}
