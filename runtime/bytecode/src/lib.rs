//! The format shared by rime's compiler, freezer and VM.
//!
//! MicroPython's bytecode is rime's bytecode: the opcode numbering, operand
//! encodings, prelude and line-number table follow MicroPython's `.mpy` v6
//! exactly, so `.mpy` files from `mpy-cross` and from rime are interchangeable.
//! This crate is `#![no_std]`; the parts that allocate are behind the `alloc`
//! feature. It never uses `unsafe`.

#![no_std]
#![forbid(unsafe_code)]

#[cfg(feature = "alloc")]
extern crate alloc;
