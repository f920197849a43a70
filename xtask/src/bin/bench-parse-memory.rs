//! Probe for `cargo xtask bench` (suite `parse`): peak heap while parsing.
//!
//! `bench-parse-memory FILE` parses the file once and prints one line
//! `peak_bytes errors`: the most heap the parse had allocated at any moment
//! (tokens, tree, diagnostics and scratch space, counted from just before the
//! call; the source itself is not counted). It
//! counts with the `peakmem-alloc` wrapper of the system allocator, which is
//! why it is a binary of its own: the wrapper would slow the throughput probe.
//!
//! This bounds what the future on-device compiler needs for the front end;
//! the device's allocator adds its own per-block overhead on top.

#![forbid(unsafe_code)]

use std::alloc::System;

use peakmem_alloc::{PeakMemAlloc, PeakMemAllocTrait, INSTRUMENTED_SYSTEM};

#[global_allocator]
static ALLOCATOR: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bench-parse-memory FILE");
        return std::process::ExitCode::FAILURE;
    };
    let source = std::fs::read(&path).unwrap_or_else(|error| panic!("cannot read {path}: {error}"));
    ALLOCATOR.reset_peak_memory();
    let parsed = rime_compiler::parse(&source);
    let peak = ALLOCATOR.get_peak_memory();
    println!("{peak} {}", std::hint::black_box(&parsed).errors.len());
    std::process::ExitCode::SUCCESS
}
