//! The runtime's ABI id as a symbol in the QEMU runtime's ELF, `RIME_ABI_ID`,
//! so that xtask can tell a runtime ELF built from older runtime sources from
//! a current one before it boots an image with it (as `cargo xtask freeze
//! --board B` does for the RP2 boards' `runtime.elf`).
//!
//! The id is the one `rime_vm::abi()` computes and every frozen image's header
//! records: `Abi::fingerprint` over the runtime's qstrs and the builtin type
//! addresses. That function is not `const`, so [`fingerprint`] repeats its
//! FNV-1a steps in a `const fn`; at boot [`matches_the_vm`] compares the two,
//! and the freezer compares the symbol with its own `rime_vm::abi()` (a
//! runtime built from the same sources as xtask must agree, which the QEMU
//! test stages check on every run). The symbol is read through a volatile
//! load at boot, so the linker keeps it.

use rime_bytecode::image::{BuiltinTypes, FORMAT_VERSION};
use rime_bytecode::qstr_runtime::RUNTIME_QSTRS;

/// The ABI id of this runtime build (see the module docs).
#[no_mangle]
#[used]
pub static RIME_ABI_ID: u32 = fingerprint(RUNTIME_QSTRS, &rime_vm::BUILTIN_TYPES);

/// FNV-1a over the format version, each runtime qstr followed by a NUL, and
/// the six builtin type addresses, all little-endian: `Abi::fingerprint`.
const fn fingerprint(runtime_qstrs: &[&str], types: &BuiltinTypes) -> u32 {
    let mut hash = feed(0x811c_9dc5, &FORMAT_VERSION.to_le_bytes());
    let mut index = 0;
    while index < runtime_qstrs.len() {
        hash = feed(hash, runtime_qstrs[index].as_bytes());
        hash = feed(hash, &[0]);
        index += 1;
    }
    let addresses = [types.str, types.bytes, types.int, types.float, types.complex, types.tuple];
    let mut index = 0;
    while index < addresses.len() {
        hash = feed(hash, &addresses[index].to_le_bytes());
        index += 1;
    }
    hash
}

/// One FNV-1a step per byte.
const fn feed(mut hash: u32, bytes: &[u8]) -> u32 {
    let mut index = 0;
    while index < bytes.len() {
        hash = (hash ^ bytes[index] as u32).wrapping_mul(0x0100_0193);
        index += 1;
    }
    hash
}

/// Whether the exported id equals the VM's own `abi().abi_id`.
pub fn matches_the_vm() -> bool {
    // SAFETY: RIME_ABI_ID is an immutable, initialised static; a volatile
    // read of it only keeps the symbol from being optimised away.
    let exported = unsafe { core::ptr::read_volatile(core::ptr::addr_of!(RIME_ABI_ID)) };
    exported == rime_vm::abi().abi_id
}
