//! Probe for `cargo xtask bench` (suite `compile`): whole-compiler throughput.
//!
//! `bench-compile-speed FILE...` compiles the given Python files to `.mpy`
//! bytes (`rime_compiler::compile_to_mpy`: parse, scopes, code generation,
//! the `.mpy` writer) on one thread, over and over until at least 10 MB went
//! through, five times, and prints one line `bytes cpu_seconds wall_seconds
//! files` for the fastest round. A file that does not compile fails the probe.
//! It runs in its own release-built process, like the `parse` suite's probe,
//! so that the debug profile of `cargo xtask` does not slow it.
//!
//! Time is the CPU time of this thread where Linux reports it
//! (`/proc/thread-self/schedstat`), so that other jobs on a shared machine
//! do not count against the compiler; elsewhere it is wall-clock time.

#![forbid(unsafe_code)]

use std::time::Instant;

/// The same allocator as `cargo xtask` itself, so the figure is what users get.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How much source each round compiles at least.
const ROUND_BYTES: usize = 10_000_000;
const ROUNDS: usize = 5;

fn main() -> std::process::ExitCode {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for path in std::env::args().skip(1) {
        match std::fs::read(&path) {
            Ok(source) => {
                // The source name mpy-cross would store when run in the file's directory.
                let name = std::path::Path::new(&path)
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default();
                files.push((name, source));
            }
            Err(error) => {
                eprintln!("cannot read {path}: {error}");
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    let corpus_bytes: usize = files.iter().map(|(_, source)| source.len()).sum();
    if corpus_bytes == 0 {
        eprintln!("usage: bench-compile-speed FILE...");
        return std::process::ExitCode::FAILURE;
    }
    let options = rime_compiler::CompileOptions::default();
    let repeats = ROUND_BYTES.div_ceil(corpus_bytes);
    let mut best: Option<(f64, f64)> = None;
    for _ in 0..ROUNDS {
        let (cpu_start, wall_start) = (thread_cpu_seconds(), Instant::now());
        for _ in 0..repeats {
            for (name, source) in &files {
                if let Err(errors) = rime_compiler::compile_to_mpy(std::hint::black_box(source), name, &options) {
                    let first = errors.first().map(|error| error.message.as_str()).unwrap_or("");
                    eprintln!("{name} does not compile: {first}");
                    return std::process::ExitCode::FAILURE;
                }
            }
        }
        let wall = wall_start.elapsed().as_secs_f64();
        let cpu = match (cpu_start, thread_cpu_seconds()) {
            (Some(start), Some(end)) => end - start,
            _ => wall,
        };
        if best.is_none_or(|(best_cpu, _)| cpu < best_cpu) {
            best = Some((cpu, wall));
        }
    }
    let (cpu, wall) = best.unwrap_or_default();
    println!("{} {cpu} {wall} {}", corpus_bytes * repeats, files.len() * repeats);
    std::process::ExitCode::SUCCESS
}

/// The CPU time this thread has used, in seconds, when the OS tells.
fn thread_cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds / 1e9)
}
