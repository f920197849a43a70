//! The format shared by rime's compiler, freezer and VM.
//!
//! MicroPython's bytecode is rime's bytecode: the opcode numbering, operand
//! encodings, prelude and line-number table follow MicroPython's `.mpy` v6
//! exactly, so `.mpy` files from `mpy-cross` and from rime are interchangeable.
//! This crate is `#![no_std]`; the parts that allocate are behind the `alloc`
//! feature. It never uses `unsafe`.
//!
//! # Layers
//!
//! * [`varint`]: the MSB-first 7-bit unsigned integers used everywhere in the
//!   format, and the signed variant used by `LOAD_CONST_SMALL_INT`.
//! * [`opcode`]: the one opcode list ([`for_each_opcode!`](crate::for_each_opcode)), from which the
//!   [`Opcode`] enum, the encoder ([`encode_instruction`]), the decoder
//!   ([`decode`]) and the disassembler's names are generated.
//! * [`qstr`]: the qstr hash and the static qstr list (ids 1..=165) that is
//!   part of the `.mpy` ABI.
//! * [`prelude`]: the bit-interleaved function signature, the prelude size and
//!   the line-number table at the start of every bytecode function.
//! * `mpy` (feature `alloc`): [`MpyModule`], its reader ([`MpyModule::read`])
//!   and its byte-exact writer ([`MpyModule::to_bytes`]).
//! * [`image`]: the frozen image shared by the freezer and the VM: its reader
//!   and validator ([`image::Image::parse`], no allocation), and with the
//!   `alloc` feature its writer ([`image::ImageBuilder`]) and hex dump.
//! * `disasm` (feature `alloc`): [`disassemble`], deterministic text for golden
//!   tests and `cargo xtask mpy --dump`.
//!
//! Decoding never panics: truncated or malformed input gives a
//! [`DecodeError`] (or an `MpyError` from the `.mpy` reader) naming the byte
//! offset at fault.
//!
//! # Example
//!
//! ```
//! use rime_bytecode::{decode, encode_instruction, Opcode, Operand};
//!
//! // `print(200)` at module level, as mpy-cross emits it.
//! let mut code = Vec::new();
//! let mut push = |byte| code.push(byte);
//! encode_instruction(Opcode::LoadName, Operand::Qstr(4), &mut push).unwrap();
//! encode_instruction(Opcode::LoadConstSmallInt, Operand::Int(200), &mut push).unwrap();
//! encode_instruction(Opcode::CallFunction, Operand::Uint(1), &mut push).unwrap();
//! assert_eq!(code, [0x11, 0x04, 0x22, 0x81, 0x48, 0x34, 0x01]);
//!
//! let second = decode(&code, 2).unwrap();
//! assert_eq!(second.opcode, Opcode::LoadConstSmallInt);
//! assert_eq!(second.operand, Operand::Int(200));
//! assert_eq!(second.len, 3);
//! ```
//!
//! With the `alloc` feature, a whole `.mpy` file round-trips:
//!
//! ```
//! # #[cfg(feature = "alloc")]
//! # fn main() -> Result<(), rime_bytecode::MpyError> {
//! use rime_bytecode::{disassemble, MpyModule};
//!
//! // `x = 1` / `print("hello", x + 200)` compiled by mpy-cross as `t1.py`.
//! let bytes = [
//!     0x4d, 0x06, 0x00, 0x1f, 0x05, 0x00, 0x0a, b't', b'1', b'.', b'p', b'y', 0x00, 0x0f,
//!     0x0a, b'h', b'e', b'l', b'l', b'o', 0x00, 0x02, b'x', 0x00, 0x81, 0x77, 0x81, 0x30,
//!     0x18, 0x04, 0x01, 0x23, 0x81, 0x16, 0x03, 0x11, 0x04, 0x10, 0x02, 0x11, 0x03, 0x22,
//!     0x81, 0x48, 0xf2, 0x34, 0x02, 0x59, 0x51, 0x63,
//! ];
//! let module = MpyModule::read(&bytes)?;
//! assert_eq!(module.qstrs[4], "print");
//! assert_eq!(module.to_bytes(), bytes);
//! assert!(disassemble(&module).contains("0004  81           LOAD_CONST_SMALL_INT_MULTI 1"));
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "alloc"))]
//! # fn main() {}
//! ```

#![no_std]
#![forbid(unsafe_code)]

#[cfg(feature = "alloc")]
extern crate alloc;

pub mod image;
pub mod opcode;
pub mod prelude;
pub mod qstr;
pub mod qstr_runtime;
pub mod varint;

#[cfg(feature = "alloc")]
pub mod constant;
#[cfg(feature = "alloc")]
pub mod disasm;
#[cfg(feature = "alloc")]
pub mod mpy;

pub use opcode::{
    decode, encode_instruction, op, read_jump, BinaryOp, Instruction, Opcode, Operand, OperandKind, UnaryOp,
};
pub use prelude::{line_entries, line_of_offset, LineEntry, Prelude, PreludeSize, Signature};
pub use qstr::{qstr_hash16, qstr_hash8, static_qstr, static_qstr_id, LAST_STATIC_QSTR};

#[cfg(feature = "alloc")]
pub use constant::Constant;
#[cfg(feature = "alloc")]
pub use disasm::disassemble;
#[cfg(feature = "alloc")]
pub use mpy::{CodeKind, MpyError, MpyModule, RawCode};

/// Why a piece of bytecode, a prelude or a number could not be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeErrorKind {
    /// The input ends in the middle of a value.
    Truncated,
    /// A number does not fit the integer type it is decoded into.
    Overflow,
    /// The byte is not a v6 opcode.
    UnknownOpcode(u8),
}

/// A decoding failure and the byte offset (into the slice given) where it happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Offset of the first byte of the value that could not be decoded.
    pub offset: usize,
    /// What went wrong.
    pub kind: DecodeErrorKind,
}

impl DecodeError {
    pub(crate) fn truncated(offset: usize) -> Self {
        DecodeError { offset, kind: DecodeErrorKind::Truncated }
    }

    pub(crate) fn overflow(offset: usize) -> Self {
        DecodeError { offset, kind: DecodeErrorKind::Overflow }
    }
}

impl core::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.kind {
            DecodeErrorKind::Truncated => write!(f, "input truncated at byte {}", self.offset),
            DecodeErrorKind::Overflow => write!(f, "number too large at byte {}", self.offset),
            DecodeErrorKind::UnknownOpcode(byte) => {
                write!(f, "unknown opcode 0x{:02x} at byte {}", byte, self.offset)
            }
        }
    }
}

/// Why an instruction could not be encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// The operand variant does not fit the opcode's [`OperandKind`].
    WrongOperand,
    /// The operand value is outside the range the encoding can express.
    OutOfRange,
}

impl core::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            EncodeError::WrongOperand => f.write_str("operand does not match the opcode"),
            EncodeError::OutOfRange => f.write_str("operand out of range for its encoding"),
        }
    }
}
