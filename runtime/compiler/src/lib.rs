//! rime's Python compiler: source text to MicroPython v6 bytecode.
//!
//! The crate is `#![no_std]` with `alloc` and never does IO, so the same code
//! runs in `cargo xtask` on the host and, later, on the boards (REPL, `exec`,
//! modules frozen as source). The pipeline is lexer → parser → syntax tree
//! ([`ast`]) → scope analysis → code generation into `rime_bytecode` raw codes.
//!
//! Design principles:
//! 1. Parsing never fails: [`parse`] returns the tree it could build together
//!    with every error it found ([`Parsed`]).
//! 2. Errors are values with a position ([`Diagnostic`]); there are no panics
//!    on any input, and recursion depth is bounded.
//! 3. Constructs that are valid Python but that MicroPython does not support
//!    are a separate kind ([`DiagnosticKind::Unsupported`]).
//! 4. Memory is used frugally: one pass over the tokens, no copies of the source.

#![no_std]
#![forbid(unsafe_code)]

extern crate alloc;

pub mod ast;
pub mod ast_dump;
mod bigint;
mod codegen;
mod compile;
mod diagnostic;
mod emit;
mod fold;
mod lexer;
mod memory;
mod nested_fstrings;
mod parser;
mod render;
mod scope;
mod tables;

pub use compile::{compile, compile_mode, compile_to_mpy, CompileMode, CompileOptions};
pub use diagnostic::{Diagnostic, DiagnosticKind, LineIndex, Parsed};
pub use parser::{parse, parse_with_memory_probe};
pub use render::{render, render_all};
