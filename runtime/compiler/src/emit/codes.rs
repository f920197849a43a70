//! The opcode bytes and `BINARY_OP` operator numbers the emitter writes.
//!
//! These are MicroPython v6's numbers, kept as plain constants next to the
//! emitter (the full opcode list with operand kinds, used by the decoder and
//! the disassembler, lives in `rime_bytecode::opcode`). The `*_MULTI`
//! opcodes are the first of a range: the operand is added to the opcode.

/// Opcode bytes.
pub mod op {
    pub const LOAD_CONST_STRING: u8 = 0x10;
    pub const LOAD_NAME: u8 = 0x11;
    pub const LOAD_ATTR: u8 = 0x13;
    pub const LOAD_METHOD: u8 = 0x14;
    pub const LOAD_SUPER_METHOD: u8 = 0x15;
    pub const STORE_NAME: u8 = 0x16;
    pub const STORE_ATTR: u8 = 0x18;
    pub const DELETE_NAME: u8 = 0x19;
    pub const IMPORT_NAME: u8 = 0x1b;
    pub const IMPORT_FROM: u8 = 0x1c;
    pub const MAKE_CLOSURE: u8 = 0x20;
    pub const MAKE_CLOSURE_DEFARGS: u8 = 0x21;
    pub const LOAD_CONST_SMALL_INT: u8 = 0x22;
    pub const LOAD_CONST_OBJ: u8 = 0x23;
    pub const LOAD_FAST_N: u8 = 0x24;
    pub const LOAD_DEREF: u8 = 0x25;
    pub const STORE_FAST_N: u8 = 0x26;
    pub const STORE_DEREF: u8 = 0x27;
    pub const DELETE_FAST: u8 = 0x28;
    pub const DELETE_DEREF: u8 = 0x29;
    pub const BUILD_TUPLE: u8 = 0x2a;
    pub const BUILD_LIST: u8 = 0x2b;
    pub const BUILD_MAP: u8 = 0x2c;
    pub const BUILD_SET: u8 = 0x2d;
    pub const BUILD_SLICE: u8 = 0x2e;
    pub const STORE_COMP: u8 = 0x2f;
    pub const UNPACK_SEQUENCE: u8 = 0x30;
    pub const UNPACK_EX: u8 = 0x31;
    pub const MAKE_FUNCTION: u8 = 0x32;
    pub const MAKE_FUNCTION_DEFARGS: u8 = 0x33;
    pub const CALL_FUNCTION: u8 = 0x34;
    pub const CALL_METHOD: u8 = 0x36;
    pub const UNWIND_JUMP: u8 = 0x40;
    pub const JUMP: u8 = 0x42;
    pub const POP_JUMP_IF_TRUE: u8 = 0x43;
    pub const POP_JUMP_IF_FALSE: u8 = 0x44;
    pub const JUMP_IF_TRUE_OR_POP: u8 = 0x45;
    pub const JUMP_IF_FALSE_OR_POP: u8 = 0x46;
    pub const SETUP_WITH: u8 = 0x47;
    pub const SETUP_EXCEPT: u8 = 0x48;
    pub const SETUP_FINALLY: u8 = 0x49;
    pub const POP_EXCEPT_JUMP: u8 = 0x4a;
    pub const FOR_ITER: u8 = 0x4b;
    pub const LOAD_CONST_FALSE: u8 = 0x50;
    pub const LOAD_CONST_NONE: u8 = 0x51;
    pub const LOAD_CONST_TRUE: u8 = 0x52;
    pub const LOAD_NULL: u8 = 0x53;
    pub const LOAD_BUILD_CLASS: u8 = 0x54;
    pub const LOAD_SUBSCR: u8 = 0x55;
    pub const STORE_SUBSCR: u8 = 0x56;
    pub const DUP_TOP: u8 = 0x57;
    pub const DUP_TOP_TWO: u8 = 0x58;
    pub const POP_TOP: u8 = 0x59;
    pub const ROT_TWO: u8 = 0x5a;
    pub const ROT_THREE: u8 = 0x5b;
    pub const WITH_CLEANUP: u8 = 0x5c;
    pub const END_FINALLY: u8 = 0x5d;
    pub const GET_ITER: u8 = 0x5e;
    pub const GET_ITER_STACK: u8 = 0x5f;
    pub const STORE_MAP: u8 = 0x62;
    pub const RETURN_VALUE: u8 = 0x63;
    pub const RAISE_LAST: u8 = 0x64;
    pub const YIELD_VALUE: u8 = 0x67;
    pub const IMPORT_STAR: u8 = 0x69;
    pub const LOAD_CONST_SMALL_INT_MULTI: u8 = 0x70;
    pub const LOAD_FAST_MULTI: u8 = 0xb0;
    pub const STORE_FAST_MULTI: u8 = 0xc0;
    pub const UNARY_OP_MULTI: u8 = 0xd0;
    pub const BINARY_OP_MULTI: u8 = 0xd7;
}

/// Binary operator numbers of the VM (`BINARY_OP` operand).
pub mod binary {
    pub const LESS: u8 = 0;
    pub const MORE: u8 = 1;
    pub const EQUAL: u8 = 2;
    pub const LESS_EQUAL: u8 = 3;
    pub const MORE_EQUAL: u8 = 4;
    pub const NOT_EQUAL: u8 = 5;
    pub const IN: u8 = 6;
    pub const IS: u8 = 7;
    pub const EXCEPTION_MATCH: u8 = 8;
    pub const INPLACE_ADD: u8 = 14;
    pub const OR: u8 = 22;
    /// Pseudo operators expanded into two opcodes.
    pub const NOT_IN: u8 = 0xf0;
    pub const IS_NOT: u8 = 0xf1;
}
