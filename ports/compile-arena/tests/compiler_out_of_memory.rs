//! The compiler runs out of its arena without panicking: this test binary's
//! global allocator hands the compiling thread's allocations to a real
//! [`CompileArena`] (the boards' allocator) while a compilation runs, and
//! every source is compiled in arenas from the smallest the VM lends for it
//! to one large enough, the compiler asking the arena's own probe
//! ([`CompileArena::is_low`]) as the boards' VM makes it do. Each
//! compilation must either succeed, with the same module as without an
//! arena, or stop with one out-of-memory diagnostic. An allocation the
//! arena refuses outside the compiler's fallible paths would abort this
//! process, so finishing is the test.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use rime_bytecode::mpy::MpyModule;
use rime_compile_arena::CompileArena;
use rime_compiler::{compile, CompileOptions, DiagnosticKind};

static ARENA: CompileArena = CompileArena::new();

thread_local! {
    /// The range lent to the arena while this thread compiles in it.
    static LENT: Cell<Option<(usize, usize)>> = const { Cell::new(None) };
}

/// Sends the compiling thread's allocations to [`ARENA`] while it has one
/// lent, everything else (the test harness, other threads) to the system.
struct Router;

// SAFETY: a block is freed by the allocator it came from: blocks inside the
// lent range are the arena's, all others the system's (the lent range is a
// system allocation made before lending, freed after the arena ends).
unsafe impl GlobalAlloc for Router {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if LENT.with(Cell::get).is_some() {
            // SAFETY: the arena serves only its lent range.
            return unsafe { ARENA.alloc(layout) };
        }
        // SAFETY: the layout is the caller's, passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let address = block as usize;
        if LENT.with(Cell::get).is_some_and(|(start, end)| (start..end).contains(&address)) {
            // SAFETY: the block lies in the lent range, so the arena made it.
            return unsafe { ARENA.dealloc(block, layout) };
        }
        // SAFETY: every other block came from the system allocator.
        unsafe { System.dealloc(block, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Router = Router;

fn memory_low() -> bool {
    ARENA.is_low()
}

/// Compiles `source` in an arena of `len` bytes: whether the module equals
/// `expected` (compared in place, without allocating), or the kinds of the
/// errors when it did not compile.
fn compile_in_arena(source: &str, len: usize, expected: &MpyModule) -> Result<bool, Vec<DiagnosticKind>> {
    let mut memory = vec![0u8; len];
    let start = memory.as_mut_ptr();
    // SAFETY: `memory` outlives the arena's use and is not touched until `end`.
    unsafe { ARENA.lend(start, len, source.len()) };
    LENT.with(|lent| lent.set(Some((start as usize, start as usize + len))));
    let options = CompileOptions { memory_low: Some(memory_low), ..CompileOptions::default() };
    let compiled = compile(source.as_bytes(), "<test>", &options);
    // The result lives in the arena: judge it there, drop it, and only then
    // give the arena back. The error kinds are copied out in a fixed array.
    let outcome = match &compiled {
        Ok(module) => Ok(module == expected),
        Err(errors) => {
            let mut kinds = [None; 4];
            for (slot, error) in kinds.iter_mut().zip(errors.iter()) {
                *slot = Some(error.kind);
            }
            Err((kinds, errors.len()))
        }
    };
    ARENA.seal();
    drop(compiled);
    LENT.with(|lent| lent.set(None));
    ARENA.end();
    drop(memory);
    outcome.map_err(|(kinds, count)| {
        let mut listed: Vec<DiagnosticKind> = kinds.iter().flatten().copied().collect();
        listed.truncate(count);
        listed.extend((listed.len()..count).map(|_| DiagnosticKind::Syntax));
        listed
    })
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
fn a_compilation_that_outgrows_its_arena_stops_with_one_out_of_memory_error() {
    let mut stopped_in_all = 0;
    for (name, source) in sources() {
        let expected = compile(source.as_bytes(), "<test>", &CompileOptions::default())
            .unwrap_or_else(|errors| panic!("{name} does not compile: {errors:?}"));
        let mut stopped = 0;
        // The smallest arena the VM lends for this source (`runtime/vm/src/compile.rs`).
        let mut len = 4096 + 8 * source.len();
        loop {
            match compile_in_arena(&source, len, &expected) {
                Ok(same) => {
                    assert!(same, "{name} compiled to another module in an arena of {len} bytes");
                    break;
                }
                Err(kinds) => {
                    assert_eq!(kinds, [DiagnosticKind::OutOfMemory], "{name} in an arena of {len} bytes");
                    stopped += 1;
                }
            }
            len += len / 16 + 64;
        }
        eprintln!("{name}: {} source bytes, out of memory {stopped} times, compiled in {len} bytes", source.len());
        stopped_in_all += stopped;
    }
    assert!(stopped_in_all > 20, "the arenas hardly ever ran out ({stopped_in_all} times)");
}
