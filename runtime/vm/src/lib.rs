//! rime's bytecode virtual machine (runtime core).
//!
//! It will run MicroPython v6 bytecode in place from a frozen image, with a
//! GC heap owned by the VM. Until the runtime-core issue lands, this crate only
//! fixes its place in the workspace and its `no_std` contract: it must build
//! for `thumbv6m-none-eabi` and `thumbv8m.main-none-eabihf`.

#![no_std]
#![deny(unsafe_code)]

/// The version of the runtime, reported by `sys.implementation` later on.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
