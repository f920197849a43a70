//! The `xtask` binary: `cargo xtask COMMAND`. Everything lives in the
//! library (`lib.rs`); this file only picks the allocator and calls it.

#![forbid(unsafe_code)]

/// The compiler allocates one node per syntax-tree element; mimalloc makes
/// compiling and freezing markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    xtask::main()
}
