//! The compiler runs out of memory without panicking: this test binary's
//! global allocator models a board's compile arena (a budget of bytes with
//! part of it in reserve; an allocation past the budget fails, as the
//! arena's does), and every source is compiled at budgets from far too
//! small to ample. Each compilation must either succeed, with the same
//! module as without a budget, or stop with one out-of-memory diagnostic.
//! A failed infallible allocation would abort this process, so finishing
//! is the test.
//!
//! The model keeps a reserve as the ports' arena does (see
//! `ports/compile-arena`): memory is "low" once the bytes in use reach past
//! the budget minus the reserve.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use rime_compiler::{compile, CompileOptions, DiagnosticKind};

/// Counts the bytes the compiling thread has in use and, while armed,
/// refuses what passes its budget (other threads, such as the test
/// harness's, allocate freely).
struct BudgetAllocator;

/// The compiling thread's arena model.
struct Arena {
    armed: Cell<bool>,
    in_use: Cell<usize>,
    budget: Cell<usize>,
    reserve: Cell<usize>,
}

thread_local! {
    static ARENA: Arena = const {
        Arena { armed: Cell::new(false), in_use: Cell::new(0), budget: Cell::new(0), reserve: Cell::new(0) }
    };
}

// SAFETY: every block comes from and goes back to the system allocator with
// its layout; the counters only decide whether to ask it.
unsafe impl GlobalAlloc for BudgetAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let refused = ARENA.with(|arena| arena.armed.get() && arena.in_use.get() + layout.size() > arena.budget.get());
        if refused {
            return std::ptr::null_mut();
        }
        // SAFETY: the layout is the caller's, passed on unchanged.
        let block = unsafe { System.alloc(layout) };
        if !block.is_null() {
            ARENA.with(|arena| arena.in_use.set(arena.in_use.get() + layout.size()));
        }
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        ARENA.with(|arena| arena.in_use.set(arena.in_use.get().saturating_sub(layout.size())));
        // SAFETY: the block came from `alloc` above with this layout.
        unsafe { System.dealloc(block, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: BudgetAllocator = BudgetAllocator;

/// The probe the compiler asks: low once the bytes in use reach into the reserve.
fn memory_low() -> bool {
    ARENA.with(|arena| arena.armed.get() && arena.in_use.get() > arena.budget.get().saturating_sub(arena.reserve.get()))
}

/// Sources that stress each part of the compiler: long token runs, long
/// statement bodies, long displays and call argument lists, long string
/// literals, nested f-strings (the source is tokenized twice), functions
/// and classes (scopes and code objects).
fn sources() -> Vec<(String, String)> {
    let mut sources = vec![
        ("assignments".to_string(), "y=1\n".repeat(400)),
        ("lists".to_string(), "x=[1,2,3,4,5,6,7,8]\n".repeat(60) + &"y=1\n".repeat(100)),
        ("display".to_string(), format!("x=[{}]\n", "7,".repeat(1500))),
        ("call".to_string(), format!("print({})\n", "a,".repeat(800))),
        ("string".to_string(), format!("s='{}'\nprint(len(s))\n", "abc".repeat(1500))),
        ("fstrings".to_string(), "x=1\nprint(f\"a{f'b{x}c'}d\")\n".repeat(40)),
    ];
    let mut functions = String::new();
    for index in 0..40 {
        functions += &format!(
            "def f{index}(a, b=2, *c, **d):\n    for i in range(a):\n        b += i * {index}\n    return [b, c, d]\n\
             class C{index}:\n    def m(self):\n        return f{index}(3)\n"
        );
    }
    sources.push(("functions".to_string(), functions));
    sources
}

#[test]
fn a_compilation_that_runs_out_of_memory_stops_with_one_out_of_memory_error() {
    let mut stopped_in_all = 0;
    for (name, source) in sources() {
        let unbudgeted = compile(source.as_bytes(), "<test>", &CompileOptions::default())
            .unwrap_or_else(|errors| panic!("{name} does not compile: {errors:?}"))
            .to_bytes();
        let options = CompileOptions { memory_low: Some(memory_low), ..CompileOptions::default() };
        let mut stopped = 0;
        // The smallest arena the VM lends for this source (`runtime/vm/src/compile.rs`).
        let mut budget = 4096 + 8 * source.len();
        loop {
            // The same reserve the ports give their arena for this source.
            let result = ARENA.with(|arena| {
                arena.reserve.set((2048 + 4 * source.len()).clamp(budget / 8, budget / 4));
                arena.budget.set(arena.in_use.get() + budget);
                arena.armed.set(true);
                let result = compile(source.as_bytes(), "<test>", &options);
                arena.armed.set(false);
                result
            });
            match result {
                Ok(module) => {
                    assert_eq!(module.to_bytes(), unbudgeted, "{name} at a budget of {budget} bytes");
                    break;
                }
                Err(errors) => {
                    assert_eq!(errors.len(), 1, "{name} at {budget} bytes: {errors:?}");
                    assert_eq!(errors[0].kind, DiagnosticKind::OutOfMemory, "{name} at {budget} bytes");
                    stopped += 1;
                }
            }
            budget += budget / 16 + 64;
        }
        eprintln!("{name}: {} source bytes, out of memory {stopped} times, compiled at {budget} bytes", source.len());
        stopped_in_all += stopped;
    }
    assert!(stopped_in_all > 20, "the budgets hardly ever ran out ({stopped_in_all} times)");
}
