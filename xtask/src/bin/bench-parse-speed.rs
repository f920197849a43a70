//! Probe for `cargo xtask bench` (suite `parse`): parser throughput.
//!
//! `bench-parse-speed FILE...` parses the given Python files over and over
//! until at least 20 MB went through the parser, five times, and prints one
//! line `bytes cpu_seconds wall_seconds` for the fastest round. Each parse
//! includes dropping its tree, since a compiler always does both. It runs in
//! its own process, built in release, so that neither the debug profile of
//! `cargo xtask` nor the counting allocator of the memory probe slows it.
//!
//! Time is the CPU time of this thread where Linux reports it
//! (`/proc/thread-self/schedstat`), so that other jobs on a shared machine
//! do not count against the parser; elsewhere it is wall-clock time.

#![forbid(unsafe_code)]

use std::time::Instant;

/// The same allocator as `cargo xtask` itself, so the figure is what users get.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How much source each round parses at least.
const ROUND_BYTES: usize = 20_000_000;
const ROUNDS: usize = 5;

fn main() -> std::process::ExitCode {
    let files: Vec<Vec<u8>> = std::env::args()
        .skip(1)
        .map(|path| std::fs::read(&path).unwrap_or_else(|error| panic!("cannot read {path}: {error}")))
        .collect();
    let corpus_bytes: usize = files.iter().map(Vec::len).sum();
    if corpus_bytes == 0 {
        eprintln!("usage: bench-parse-speed FILE...");
        return std::process::ExitCode::FAILURE;
    }
    let repeats = ROUND_BYTES.div_ceil(corpus_bytes);
    let mut best: Option<(f64, f64)> = None;
    for _ in 0..ROUNDS {
        let (cpu_start, wall_start) = (thread_cpu_seconds(), Instant::now());
        let mut errors = 0;
        for _ in 0..repeats {
            for source in &files {
                errors += rime_compiler::parse(std::hint::black_box(source)).errors.len();
            }
        }
        let wall = wall_start.elapsed().as_secs_f64();
        let cpu = match (cpu_start, thread_cpu_seconds()) {
            (Some(start), Some(end)) => end - start,
            _ => wall,
        };
        if errors != 0 {
            eprintln!("the benchmark corpus has {errors} syntax errors");
            return std::process::ExitCode::FAILURE;
        }
        if best.is_none_or(|(best_cpu, _)| cpu < best_cpu) {
            best = Some((cpu, wall));
        }
    }
    let (cpu, wall) = best.unwrap_or_default();
    println!("{} {cpu} {wall}", corpus_bytes * repeats);
    std::process::ExitCode::SUCCESS
}

/// The CPU time this thread has used, in seconds, when the OS tells.
fn thread_cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds / 1e9)
}
