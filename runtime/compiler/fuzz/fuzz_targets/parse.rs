//! Fuzz target: the parser on arbitrary bytes.
//!
//! The checks live in [`rime_compiler_fuzz::check_parse`], which the crate's
//! seed test also runs, so they hold without libFuzzer too.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    rime_compiler_fuzz::check_parse(data);
});
