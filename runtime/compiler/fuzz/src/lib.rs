//! The bodies of the compiler's fuzz targets, shared with the seed test.
//!
//! `cargo fuzz` (nightly) drives [`check_parse`] and [`check_compile`] from
//! the targets in `fuzz_targets/`; `cargo test` in this directory (stable)
//! runs them over the seed corpus, the project's Python programs, so the
//! checks themselves are exercised on every toolchain. A failed check panics,
//! which libFuzzer records as a crash with the input that caused it.

use rime_compiler::{ast_dump, compile, parse, CompileOptions, Diagnostic, LineIndex};

/// Parses `data` and checks what every parse must guarantee: it returns (no
/// panic, no hang, no stack overflow), every error has a non-empty message
/// and a span inside the source, and the tree can be walked.
pub fn check_parse(data: &[u8]) {
    let parsed = parse(data);
    check_diagnostics(data, &parsed.errors);
    let _dump = ast_dump::dump(&parsed.module);
}

/// Compiles `data` at every optimisation level and checks that it either
/// produces a module or reports located errors, and that it agrees with the
/// parser: a program the parser rejects must not compile.
pub fn check_compile(data: &[u8]) {
    let parse_failed = !parse(data).errors.is_empty();
    for opt_level in [0, 3] {
        let options = CompileOptions { opt_level, ..CompileOptions::default() };
        match compile(data, "fuzz.py", &options) {
            Ok(_) => assert!(!parse_failed, "a program with syntax errors compiled"),
            Err(errors) => {
                assert!(!errors.is_empty(), "compilation failed without an error");
                check_diagnostics(data, &errors);
            }
        }
    }
}

/// Panics unless every diagnostic has a message and a span inside `source`
/// that maps to a line and column.
pub fn check_diagnostics(source: &[u8], errors: &[Diagnostic]) {
    let index = LineIndex::new(source);
    for error in errors {
        assert!(!error.message.is_empty(), "error at {:?} without a message", error.span);
        assert!(
            error.span.start <= error.span.end && error.span.end as usize <= source.len(),
            "span {:?} of {:?} outside a source of {} bytes",
            error.span,
            error.message,
            source.len()
        );
        let (line, column) = index.line_col(source, error.span.start);
        assert!(line >= 1 && column >= 1, "{:?} at {line}:{column}", error.message);
    }
}
