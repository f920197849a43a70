//! The runtime's ABI id as a symbol in the firmware ELF, `RIME_ABI_ID`, so that
//! `cargo xtask freeze --board B` can tell a runtime ELF built from older
//! runtime sources from a current one before it links an image into it.
//!
//! The id is the one `rime_vm::abi()` computes and every frozen image's header
//! records: `Abi::fingerprint` over the runtime's qstrs and the builtin type
//! addresses, a `const fn` evaluated here at build time; at boot
//! [`matches_the_vm`] compares the symbol with the VM's own id, and the freezer
//! compares the symbol with its own `rime_vm::abi()` (a runtime built from the
//! same sources as xtask must agree, which the RP2 test stage checks on every
//! run). The symbol is read through a volatile load at boot, so the linker
//! keeps it.

use rime_bytecode::image::Abi;
use rime_bytecode::qstr_runtime::RUNTIME_QSTRS;

/// The ABI id of this runtime build (see the module docs).
#[no_mangle]
#[used]
pub static RIME_ABI_ID: u32 = Abi::fingerprint(RUNTIME_QSTRS, &rime_vm::BUILTIN_TYPES);

/// Whether the exported id equals the VM's own `abi().abi_id`.
pub fn matches_the_vm() -> bool {
    // SAFETY: RIME_ABI_ID is an immutable, initialised static; a volatile
    // read of it only keeps the symbol from being optimised away.
    let exported = unsafe { core::ptr::read_volatile(core::ptr::addr_of!(RIME_ABI_ID)) };
    exported == rime_vm::abi().abi_id
}
