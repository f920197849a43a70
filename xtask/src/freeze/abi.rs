//! The ABI the host runner links frozen images against.
//!
//! An image refers to the runtime's static objects by address and to its
//! static qstrs by id; both come from the VM. The runtime's extra qstrs are
//! shared already (`rime_bytecode::qstr_runtime::RUNTIME_QSTRS`). The builtin
//! types are the VM's static objects `STATIC_BASE + 16 × index`, with the
//! indices of `rime_vm::obj::TypeId`; the VM does not export them from its
//! crate root yet, so [`TYPE_INDEX`] mirrors them here and must be replaced
//! by the VM's own table (or a `rime_vm::abi()`) as soon as it exists. The ABI
//! id is [`Abi::fingerprint`] over both, so any change to either refuses old
//! images.

use rime_bytecode::image::{Abi, BuiltinTypes, STATIC_BASE};
use rime_bytecode::qstr_runtime::RUNTIME_QSTRS;

/// Static object indices of the builtin types an image refers to, in
/// `rime_vm::obj::TypeId` order: `(str, bytes, int, float, complex, tuple)`.
pub const TYPE_INDEX: (u32, u32, u32, u32, u32, u32) = (7, 8, 4, 5, 6, 10);

/// The builtin type addresses of the host runtime.
pub fn host_types() -> BuiltinTypes {
    let address = |index: u32| STATIC_BASE + 16 * index;
    let (str, bytes, int, float, complex, tuple) = TYPE_INDEX;
    BuiltinTypes {
        str: address(str),
        bytes: address(bytes),
        int: address(int),
        float: address(float),
        complex: address(complex),
        tuple: address(tuple),
    }
}

/// The ABI of the host runtime.
pub fn host_abi() -> Abi<'static> {
    let types = host_types();
    Abi { abi_id: Abi::fingerprint(RUNTIME_QSTRS, &types), runtime_qstrs: RUNTIME_QSTRS, types }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_abi_is_stable_and_distinct_per_type_table() {
        assert_eq!(host_abi(), host_abi());
        let mut types = host_types();
        types.tuple += 16;
        assert_ne!(Abi::fingerprint(RUNTIME_QSTRS, &types), host_abi().abi_id);
        assert_eq!(host_abi().first_qstr(), u32::from(rime_bytecode::qstr_runtime::END_STATIC_QSTRS));
    }
}
