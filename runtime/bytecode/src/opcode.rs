//! The one opcode list, and the encoder and decoder generated from it.
//!
//! [`for_each_opcode!`](crate::for_each_opcode) holds every MicroPython v6 opcode once: its Rust name,
//! first byte, how many consecutive bytes it covers, its MicroPython name, its
//! [`OperandKind`] and one doc line. Everything else in this module (the
//! [`Opcode`] enum, [`Opcode::from_byte`], [`encode_instruction`], [`decode`],
//! the `u8` constants of [`op`]) and the disassembler's names are generated
//! from that list, so adding or fixing an opcode is a one-line change. The
//! operator numbers are generated the same way: [`BinaryOp`] and [`UnaryOp`]
//! with their `u8` constants in [`binary`] and [`unary`].
//!
//! The compiler emits the constants of [`op`] and [`binary`]; the VM's
//! dispatch loop matches on them (a `match` on `u8` constants compiles
//! exactly like one on literals, without converting each byte to an enum)
//! and reads operands with [`read_jump`] and [`varint::read_uint`]. No other
//! crate writes an opcode or operator number.
//!
//! Five entries cover a range of bytes with the operand folded into the
//! opcode: `LOAD_CONST_SMALL_INT_MULTI` (0x70..=0xAF, value `byte - 0x80`),
//! `LOAD_FAST_MULTI` (0xB0..=0xBF), `STORE_FAST_MULTI` (0xC0..=0xCF),
//! `UNARY_OP_MULTI` (0xD0..=0xD3, a [`UnaryOp`]) and `BINARY_OP_MULTI`
//! (0xD7..=0xF9, a [`BinaryOp`]).
//!
//! Jump offsets are relative to the end of the offset field (for
//! `UNWIND_JUMP`, that is the position of its trailing byte). A 1-byte offset
//! has bit 7 clear; a 2-byte offset stores bits 0..7 in the first byte (with
//! bit 7 set) and bits 7..15 in the second. Signed jumps subtract `0x40` or
//! `0x4000` from the stored number.

use crate::varint;
use crate::{DecodeError, DecodeErrorKind, EncodeError};

/// Calls macro `$m` with the full opcode list.
///
/// Each entry reads `/// doc` `Name = first_byte, byte_count, MP_NAME, OperandKind;`, where
/// `MP_NAME` is MicroPython's name of the opcode and the name of its constant in [`op`](crate::op).
#[macro_export]
macro_rules! for_each_opcode {
    ($m:ident) => {
        $m! {
            /// Push the str constant whose qstr-table index is the operand.
            LoadConstString = 0x10, 1, LOAD_CONST_STRING, Qstr;
            /// Push the value of a name looked up in locals, globals, then builtins.
            LoadName = 0x11, 1, LOAD_NAME, Qstr;
            /// Push the value of a global (or builtin) name.
            LoadGlobal = 0x12, 1, LOAD_GLOBAL, Qstr;
            /// Replace TOS with one of its attributes.
            LoadAttr = 0x13, 1, LOAD_ATTR, Qstr;
            /// Replace TOS with a method and its self (or the attribute and NULL).
            LoadMethod = 0x14, 1, LOAD_METHOD, Qstr;
            /// Load a method through `super()`; pops the class and self.
            LoadSuperMethod = 0x15, 1, LOAD_SUPER_METHOD, Qstr;
            /// Pop TOS into a name in the current locals (module or class scope).
            StoreName = 0x16, 1, STORE_NAME, Qstr;
            /// Pop TOS into a global name.
            StoreGlobal = 0x17, 1, STORE_GLOBAL, Qstr;
            /// Set an attribute: pops the object, then the value.
            StoreAttr = 0x18, 1, STORE_ATTR, Qstr;
            /// Delete a name from the current locals.
            DeleteName = 0x19, 1, DELETE_NAME, Qstr;
            /// Delete a global name.
            DeleteGlobal = 0x1a, 1, DELETE_GLOBAL, Qstr;
            /// Import a module: pops the fromlist and level, pushes the module.
            ImportName = 0x1b, 1, IMPORT_NAME, Qstr;
            /// Push one name imported from the module on TOS (which stays).
            ImportFrom = 0x1c, 1, IMPORT_FROM, Qstr;
            /// Make a closure from a child raw code; the extra byte is the number of cells popped.
            MakeClosure = 0x20, 1, MAKE_CLOSURE, ChildAndByte;
            /// As `MAKE_CLOSURE`, also popping the default positional and keyword arguments.
            MakeClosureDefargs = 0x21, 1, MAKE_CLOSURE_DEFARGS, ChildAndByte;
            /// Push a small int given as a signed variable-length operand.
            LoadConstSmallInt = 0x22, 1, LOAD_CONST_SMALL_INT, SmallInt;
            /// Push an entry of the module's object table.
            LoadConstObj = 0x23, 1, LOAD_CONST_OBJ, Obj;
            /// Push a local variable given by number (for locals 16 and up).
            LoadFastN = 0x24, 1, LOAD_FAST_N, Uint;
            /// Push the content of a cell variable.
            LoadDeref = 0x25, 1, LOAD_DEREF, Uint;
            /// Pop TOS into a local variable given by number.
            StoreFastN = 0x26, 1, STORE_FAST_N, Uint;
            /// Pop TOS into a cell variable.
            StoreDeref = 0x27, 1, STORE_DEREF, Uint;
            /// Delete a local variable.
            DeleteFast = 0x28, 1, DELETE_FAST, Uint;
            /// Delete the content of a cell variable.
            DeleteDeref = 0x29, 1, DELETE_DEREF, Uint;
            /// Pop n items and push them as a tuple.
            BuildTuple = 0x2a, 1, BUILD_TUPLE, Uint;
            /// Pop n items and push them as a list.
            BuildList = 0x2b, 1, BUILD_LIST, Uint;
            /// Push a new dict sized for n entries (filled by `STORE_MAP`).
            BuildMap = 0x2c, 1, BUILD_MAP, Uint;
            /// Pop n items and push them as a set.
            BuildSet = 0x2d, 1, BUILD_SET, Uint;
            /// Pop 2 or 3 items and push a slice.
            BuildSlice = 0x2e, 1, BUILD_SLICE, Uint;
            /// Add TOS to the comprehension collection below it; operand `(stack_index << 2) | kind`.
            StoreComp = 0x2f, 1, STORE_COMP, Uint;
            /// Pop a sequence and push its n items.
            UnpackSequence = 0x30, 1, UNPACK_SEQUENCE, Uint;
            /// Starred unpacking; operand `n_left | (n_right << 8)`.
            UnpackEx = 0x31, 1, UNPACK_EX, Uint;
            /// Push a function made from a child raw code.
            MakeFunction = 0x32, 1, MAKE_FUNCTION, Child;
            /// As `MAKE_FUNCTION`, popping the default positional and keyword arguments.
            MakeFunctionDefargs = 0x33, 1, MAKE_FUNCTION_DEFARGS, Child;
            /// Call a function; operand `n_positional | (n_keyword << 8)`.
            CallFunction = 0x34, 1, CALL_FUNCTION, Uint;
            /// Call a function with `*args`/`**kwargs`; operand as `CALL_FUNCTION`.
            CallFunctionVarKw = 0x35, 1, CALL_FUNCTION_VAR_KW, Uint;
            /// Call a method loaded by `LOAD_METHOD`; operand as `CALL_FUNCTION`.
            CallMethod = 0x36, 1, CALL_METHOD, Uint;
            /// Call a method with `*args`/`**kwargs`; operand as `CALL_FUNCTION`.
            CallMethodVarKw = 0x37, 1, CALL_METHOD_VAR_KW, Uint;
            /// Leave try/with blocks for `break`/`continue`; the extra byte is the unwind count (bit 7: pop a for-iterator).
            UnwindJump = 0x40, 1, UNWIND_JUMP, SignedJumpAndByte;
            /// Jump unconditionally.
            Jump = 0x42, 1, JUMP, SignedJump;
            /// Pop TOS and jump if it is true.
            PopJumpIfTrue = 0x43, 1, POP_JUMP_IF_TRUE, SignedJump;
            /// Pop TOS and jump if it is false.
            PopJumpIfFalse = 0x44, 1, POP_JUMP_IF_FALSE, SignedJump;
            /// Jump if TOS is true, else pop it.
            JumpIfTrueOrPop = 0x45, 1, JUMP_IF_TRUE_OR_POP, UnsignedJump;
            /// Jump if TOS is false, else pop it.
            JumpIfFalseOrPop = 0x46, 1, JUMP_IF_FALSE_OR_POP, UnsignedJump;
            /// Enter a context manager and push a handler for the with block.
            SetupWith = 0x47, 1, SETUP_WITH, UnsignedJump;
            /// Push an exception handler for a try/except block.
            SetupExcept = 0x48, 1, SETUP_EXCEPT, UnsignedJump;
            /// Push a handler for a try/finally block.
            SetupFinally = 0x49, 1, SETUP_FINALLY, UnsignedJump;
            /// Pop one exception handler and jump.
            PopExceptJump = 0x4a, 1, POP_EXCEPT_JUMP, UnsignedJump;
            /// Push the next item of the iterator on the stack, or pop the iterator and jump when exhausted.
            ForIter = 0x4b, 1, FOR_ITER, UnsignedJump;
            /// Push `False`.
            LoadConstFalse = 0x50, 1, LOAD_CONST_FALSE, None;
            /// Push `None`.
            LoadConstNone = 0x51, 1, LOAD_CONST_NONE, None;
            /// Push `True`.
            LoadConstTrue = 0x52, 1, LOAD_CONST_TRUE, None;
            /// Push the NULL marker (no keyword defaults, no self).
            LoadNull = 0x53, 1, LOAD_NULL, None;
            /// Push the `__build_class__` builtin.
            LoadBuildClass = 0x54, 1, LOAD_BUILD_CLASS, None;
            /// Pop an index and an object, push `object[index]`.
            LoadSubscr = 0x55, 1, LOAD_SUBSCR, None;
            /// Pop an index, an object and a value; do `object[index] = value`.
            StoreSubscr = 0x56, 1, STORE_SUBSCR, None;
            /// Duplicate TOS.
            DupTop = 0x57, 1, DUP_TOP, None;
            /// Duplicate the top two items.
            DupTopTwo = 0x58, 1, DUP_TOP_TWO, None;
            /// Discard TOS.
            PopTop = 0x59, 1, POP_TOP, None;
            /// Swap the top two items.
            RotTwo = 0x5a, 1, ROT_TWO, None;
            /// Move TOS below the next two items.
            RotThree = 0x5b, 1, ROT_THREE, None;
            /// Call the context manager's `__exit__` at the end of a with block.
            WithCleanup = 0x5c, 1, WITH_CLEANUP, None;
            /// End a finally block: continue, resume a pending unwind, or re-raise.
            EndFinally = 0x5d, 1, END_FINALLY, None;
            /// Replace TOS with an iterator over it.
            GetIter = 0x5e, 1, GET_ITER, None;
            /// Replace TOS with an iterator kept in stack slots.
            GetIterStack = 0x5f, 1, GET_ITER_STACK, None;
            /// Pop a key and a value into the dict below them.
            StoreMap = 0x62, 1, STORE_MAP, None;
            /// Return TOS from the function.
            ReturnValue = 0x63, 1, RETURN_VALUE, None;
            /// Re-raise the exception being handled (`raise`).
            RaiseLast = 0x64, 1, RAISE_LAST, None;
            /// Raise TOS.
            RaiseObj = 0x65, 1, RAISE_OBJ, None;
            /// Raise the second item with TOS as its cause (`raise x from y`).
            RaiseFrom = 0x66, 1, RAISE_FROM, None;
            /// Yield TOS from a generator.
            YieldValue = 0x67, 1, YIELD_VALUE, None;
            /// Delegate to a sub-iterator (`yield from`, `await`).
            YieldFrom = 0x68, 1, YIELD_FROM, None;
            /// Import all public names of the module on TOS.
            ImportStar = 0x69, 1, IMPORT_STAR, None;
            /// Push a small int from -16 to 47, folded into the opcode as `byte - 0x80`.
            LoadConstSmallIntMulti = 0x70, 64, LOAD_CONST_SMALL_INT_MULTI, InlineSmallInt;
            /// Push local 0..=15, folded into the opcode.
            LoadFastMulti = 0xb0, 16, LOAD_FAST_MULTI, InlineLocal;
            /// Pop TOS into local 0..=15, folded into the opcode.
            StoreFastMulti = 0xc0, 16, STORE_FAST_MULTI, InlineLocal;
            /// Apply a unary operator, folded into the opcode.
            UnaryOpMulti = 0xd0, 4, UNARY_OP_MULTI, InlineUnaryOp;
            /// Apply a binary operator to the top two items, folded into the opcode.
            BinaryOpMulti = 0xd7, 35, BINARY_OP_MULTI, InlineBinaryOp;
        }
    };
}

/// What follows an opcode byte, and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OperandKind {
    /// No operand.
    None,
    /// A vuint index into the module's qstr table.
    Qstr,
    /// A vuint: a local number, a count, or a packed argument count.
    Uint,
    /// A signed variable-length small int.
    SmallInt,
    /// A vuint index into the module's object table.
    Obj,
    /// A vuint index into the raw code's children.
    Child,
    /// A vuint child index, then one byte (the number of closed-over cells).
    ChildAndByte,
    /// A signed 1- or 2-byte jump offset.
    SignedJump,
    /// An unsigned 1- or 2-byte jump offset.
    UnsignedJump,
    /// A signed jump offset, then one byte (`UNWIND_JUMP`).
    SignedJumpAndByte,
    /// A small int folded into the opcode byte.
    InlineSmallInt,
    /// A local number folded into the opcode byte.
    InlineLocal,
    /// A [`UnaryOp`] folded into the opcode byte.
    InlineUnaryOp,
    /// A [`BinaryOp`] folded into the opcode byte.
    InlineBinaryOp,
}

macro_rules! define_opcodes {
    ($( $(#[doc = $doc:literal])* $name:ident = $byte:literal, $count:literal, $text:ident, $kind:ident; )*) => {
        /// A MicroPython v6 opcode; the discriminant is its first byte.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name = $byte, )*
        }

        impl Opcode {
            /// Every opcode, in byte order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];

            /// MicroPython's name (`LOAD_CONST_STRING`, `BINARY_OP_MULTI`, ...).
            pub const fn name(self) -> &'static str {
                match self { $(Opcode::$name => stringify!($text),)* }
            }

            /// The operand that follows (or is folded into) the opcode byte.
            pub const fn operand_kind(self) -> OperandKind {
                match self { $(Opcode::$name => OperandKind::$kind,)* }
            }

            /// How many consecutive bytes this opcode covers (1 except for the ranges).
            pub const fn byte_count(self) -> u8 {
                match self { $(Opcode::$name => $count,)* }
            }
        }
    };
}

for_each_opcode!(define_opcodes);

const fn build_byte_table() -> [Option<Opcode>; 256] {
    let mut table = [None; 256];
    let mut index = 0;
    while index < Opcode::ALL.len() {
        let opcode = Opcode::ALL[index];
        let mut byte = opcode as usize;
        while byte < opcode as usize + opcode.byte_count() as usize {
            table[byte] = Some(opcode);
            byte += 1;
        }
        index += 1;
    }
    table
}

static BYTE_TABLE: [Option<Opcode>; 256] = build_byte_table();

impl Opcode {
    /// The first byte of the opcode (for the ranges, the byte of operand 0).
    pub const fn first_byte(self) -> u8 {
        self as u8
    }

    /// The last byte of the opcode: the first one except for the ranges.
    pub const fn last_byte(self) -> u8 {
        self as u8 + (self.byte_count() - 1)
    }

    /// The opcode a byte belongs to, or `None` for an unused byte.
    pub fn from_byte(byte: u8) -> Option<Opcode> {
        BYTE_TABLE[usize::from(byte)]
    }

    /// True for the jumps whose offset is signed (`UNWIND_JUMP` to `POP_JUMP_IF_FALSE`).
    pub const fn has_signed_jump(self) -> bool {
        matches!(self.operand_kind(), OperandKind::SignedJump | OperandKind::SignedJumpAndByte)
    }
}

/// Every opcode's first byte as a `u8` constant with MicroPython's name
/// (`op::LOAD_FAST_MULTI`), generated from [`for_each_opcode!`](crate::for_each_opcode), and the bounds of
/// the ranges (`op::LOAD_FAST_MULTI_LAST`).
///
/// Code that matches on a raw byte uses these: `op::JUMP => ...`,
/// `op::LOAD_FAST_MULTI..=op::LOAD_FAST_MULTI_LAST => ...`.
pub mod op {
    use super::{Opcode, INLINE_SMALL_INT_RANGE};

    macro_rules! define_opcode_bytes {
        ($( $(#[doc = $doc:literal])* $name:ident = $byte:literal, $count:literal, $text:ident, $kind:ident; )*) => {
            $( $(#[doc = $doc])* pub const $text: u8 = Opcode::$name.first_byte(); )*
        };
    }

    crate::for_each_opcode!(define_opcode_bytes);

    /// The last byte of `LOAD_CONST_SMALL_INT_MULTI` (it pushes 47).
    pub const LOAD_CONST_SMALL_INT_MULTI_LAST: u8 = Opcode::LoadConstSmallIntMulti.last_byte();
    /// The byte of `LOAD_CONST_SMALL_INT_MULTI` that pushes 0: byte `b` pushes `b - LOAD_CONST_SMALL_INT_MULTI_ZERO`.
    pub const LOAD_CONST_SMALL_INT_MULTI_ZERO: u8 =
        LOAD_CONST_SMALL_INT_MULTI + (-*INLINE_SMALL_INT_RANGE.start()) as u8;
    /// The last byte of `LOAD_FAST_MULTI` (local 15).
    pub const LOAD_FAST_MULTI_LAST: u8 = Opcode::LoadFastMulti.last_byte();
    /// The last byte of `STORE_FAST_MULTI` (local 15).
    pub const STORE_FAST_MULTI_LAST: u8 = Opcode::StoreFastMulti.last_byte();
    /// The last byte of `UNARY_OP_MULTI` (`not`).
    pub const UNARY_OP_MULTI_LAST: u8 = Opcode::UnaryOpMulti.last_byte();
    /// The last byte of `BINARY_OP_MULTI` (`**`).
    pub const BINARY_OP_MULTI_LAST: u8 = Opcode::BinaryOpMulti.last_byte();
}

macro_rules! define_operator_enum {
    (
        $(#[doc = $enum_doc:literal])* $enum_name:ident, $(#[doc = $module_doc:literal])* mod $module:ident {
            $( $(#[doc = $doc:literal])* $name:ident = $value:literal, $constant:ident, $symbol:literal; )*
        }
        $($extra:item)*
    ) => {
        $(#[doc = $enum_doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum $enum_name {
            $( $(#[doc = $doc])* $name = $value, )*
        }

        $(#[doc = $module_doc])*
        pub mod $module {
            use super::$enum_name;

            $( $(#[doc = $doc])* pub const $constant: u8 = $enum_name::$name.number(); )*

            $($extra)*
        }

        impl $enum_name {
            /// Every operator, in numbering order.
            pub const ALL: &'static [$enum_name] = &[$($enum_name::$name,)*];

            /// The operator with this number, if the bytecode can contain it.
            pub fn from_number(number: u8) -> Option<Self> {
                Self::ALL.get(usize::from(number)).copied()
            }

            /// The operator's number in bytecode (its offset from the multi-opcode base).
            pub const fn number(self) -> u8 {
                self as u8
            }

            /// Python's spelling of the operator, for disassembly.
            pub const fn symbol(self) -> &'static str {
                match self { $($enum_name::$name => $symbol,)* }
            }
        }
    };
}

define_operator_enum! {
    /// MicroPython's unary operators that can appear in bytecode (`UNARY_OP_MULTI + n`).
    UnaryOp,
    /// Every [`UnaryOp`]'s number as a `u8` constant with MicroPython's name (`unary::NOT`).
    mod unary {
        /// `+x`
        Positive = 0, POSITIVE, "+";
        /// `-x`
        Negative = 1, NEGATIVE, "-";
        /// `~x`
        Invert = 2, INVERT, "~";
        /// `not x`
        Not = 3, NOT, "not";
    }
}

define_operator_enum! {
    /// MicroPython's binary operators that can appear in bytecode (`BINARY_OP_MULTI + n`).
    ///
    /// `not in` and `is not` are compiled as `in`/`is` followed by `not`.
    BinaryOp,
    /// Every [`BinaryOp`]'s number as a `u8` constant with MicroPython's name (`binary::ADD`).
    mod binary {
        /// `<`
        Less = 0, LESS, "<";
        /// `>`
        More = 1, MORE, ">";
        /// `==`
        Equal = 2, EQUAL, "==";
        /// `<=`
        LessEqual = 3, LESS_EQUAL, "<=";
        /// `>=`
        MoreEqual = 4, MORE_EQUAL, ">=";
        /// `!=`
        NotEqual = 5, NOT_EQUAL, "!=";
        /// `in`
        In = 6, IN, "in";
        /// `is`
        Is = 7, IS, "is";
        /// Does the exception match the type (the test of an `except` clause)?
        ExceptionMatch = 8, EXCEPTION_MATCH, "exception-match";
        /// `|=`
        InplaceOr = 9, INPLACE_OR, "|=";
        /// `^=`
        InplaceXor = 10, INPLACE_XOR, "^=";
        /// `&=`
        InplaceAnd = 11, INPLACE_AND, "&=";
        /// `<<=`
        InplaceLshift = 12, INPLACE_LSHIFT, "<<=";
        /// `>>=`
        InplaceRshift = 13, INPLACE_RSHIFT, ">>=";
        /// `+=`
        InplaceAdd = 14, INPLACE_ADD, "+=";
        /// `-=`
        InplaceSubtract = 15, INPLACE_SUBTRACT, "-=";
        /// `*=`
        InplaceMultiply = 16, INPLACE_MULTIPLY, "*=";
        /// `@=`
        InplaceMatMultiply = 17, INPLACE_MAT_MULTIPLY, "@=";
        /// `//=`
        InplaceFloorDivide = 18, INPLACE_FLOOR_DIVIDE, "//=";
        /// `/=`
        InplaceTrueDivide = 19, INPLACE_TRUE_DIVIDE, "/=";
        /// `%=`
        InplaceModulo = 20, INPLACE_MODULO, "%=";
        /// `**=`
        InplacePower = 21, INPLACE_POWER, "**=";
        /// `|`
        Or = 22, OR, "|";
        /// `^`
        Xor = 23, XOR, "^";
        /// `&`
        And = 24, AND, "&";
        /// `<<`
        Lshift = 25, LSHIFT, "<<";
        /// `>>`
        Rshift = 26, RSHIFT, ">>";
        /// `+`
        Add = 27, ADD, "+";
        /// `-`
        Subtract = 28, SUBTRACT, "-";
        /// `*`
        Multiply = 29, MULTIPLY, "*";
        /// `@`
        MatMultiply = 30, MAT_MULTIPLY, "@";
        /// `//`
        FloorDivide = 31, FLOOR_DIVIDE, "//";
        /// `/`
        TrueDivide = 32, TRUE_DIVIDE, "/";
        /// `%`
        Modulo = 33, MODULO, "%";
        /// `**`
        Power = 34, POWER, "**";
    }

    /// How far each in-place operator's number is below its plain form's:
    /// `INPLACE_OR + INPLACE_OFFSET == OR`, through `INPLACE_POWER` and `POWER`.
    pub const INPLACE_OFFSET: u8 = OR - INPLACE_OR;
}

/// The smallest and largest small int `LOAD_CONST_SMALL_INT_MULTI` can hold.
pub const INLINE_SMALL_INT_RANGE: core::ops::RangeInclusive<i32> = -16..=47;

/// An operand value, typed by the opcode's [`OperandKind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operand {
    /// For [`OperandKind::None`].
    None,
    /// A qstr-table index, for [`OperandKind::Qstr`].
    Qstr(u32),
    /// For [`OperandKind::Uint`], [`OperandKind::Obj`], [`OperandKind::Child`] and [`OperandKind::InlineLocal`].
    Uint(u32),
    /// For [`OperandKind::SmallInt`] and [`OperandKind::InlineSmallInt`].
    Int(i32),
    /// A child index and the cell count, for [`OperandKind::ChildAndByte`].
    UintAndByte(u32, u8),
    /// A jump relative to the end of the offset field; `wide` selects the 2-byte form.
    Jump { offset: i32, wide: bool },
    /// `UNWIND_JUMP`'s offset (relative to its trailing byte) and trailing byte.
    JumpAndByte { offset: i32, wide: bool, byte: u8 },
    /// For [`OperandKind::InlineUnaryOp`].
    Unary(UnaryOp),
    /// For [`OperandKind::InlineBinaryOp`].
    Binary(BinaryOp),
}

/// One decoded instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// Offset of the opcode byte in the slice given to [`decode`].
    pub offset: usize,
    /// The opcode.
    pub opcode: Opcode,
    /// The operand, typed by [`Opcode::operand_kind`].
    pub operand: Operand,
    /// Length in bytes, opcode byte and operands included.
    pub len: usize,
}

impl Instruction {
    /// Offset of the byte after this instruction.
    pub fn end(&self) -> usize {
        self.offset + self.len
    }

    /// For jumps, the offset (in the same slice) the jump goes to; `None` for
    /// other instructions and for a jump before the start of the slice.
    pub fn jump_target(&self) -> Option<usize> {
        let (base, relative) = match self.operand {
            Operand::Jump { offset, .. } => (self.end(), offset),
            Operand::JumpAndByte { offset, .. } => (self.end() - 1, offset),
            _ => return None,
        };
        let target = i64::try_from(base).ok()? + i64::from(relative);
        usize::try_from(target).ok()
    }
}

/// The number of bytes a jump offset takes: 1, or 2 for the wide form.
pub fn jump_offset_len(wide: bool) -> usize {
    if wide {
        2
    } else {
        1
    }
}

/// Whether `offset` fits the 1-byte form of a signed or unsigned jump.
pub fn jump_fits_narrow(signed: bool, offset: i32) -> bool {
    if signed {
        (-0x40..=0x3f).contains(&offset)
    } else {
        (0..=0x7f).contains(&offset)
    }
}

/// What a signed 1-byte jump adds to its offset before storing it.
pub const SIGNED_NARROW_BIAS: i32 = 0x40;
/// What a signed 2-byte jump adds to its offset before storing it.
pub const SIGNED_WIDE_BIAS: i32 = 0x4000;

fn encode_jump(signed: bool, offset: i32, wide: bool, push: &mut impl FnMut(u8)) -> Result<usize, EncodeError> {
    let bias = match (signed, wide) {
        (true, false) => SIGNED_NARROW_BIAS,
        (true, true) => SIGNED_WIDE_BIAS,
        (false, _) => 0,
    };
    let stored = offset.checked_add(bias).ok_or(EncodeError::OutOfRange)?;
    let limit = if wide { 0x7fff } else { 0x7f };
    if !(0..=limit).contains(&stored) {
        return Err(EncodeError::OutOfRange);
    }
    if wide {
        push((stored & 0x7f) as u8 | 0x80);
        push((stored >> 7) as u8);
        Ok(2)
    } else {
        push(stored as u8);
        Ok(1)
    }
}

/// The offset of a 1-byte jump whose byte is `first` (bit 7 clear).
#[inline]
const fn narrow_jump(first: u8, signed: bool) -> i32 {
    first as i32 - if signed { SIGNED_NARROW_BIAS } else { 0 }
}

/// The offset of a 2-byte jump whose bytes are `first` (bit 7 set) and `second`.
#[inline]
const fn wide_jump(first: u8, second: u8, signed: bool) -> i32 {
    ((first & 0x7f) as i32 | ((second as i32) << 7)) - if signed { SIGNED_WIDE_BIAS } else { 0 }
}

fn decode_jump(code: &[u8], at: usize, signed: bool) -> Result<(i32, bool, usize), DecodeError> {
    let first = *code.get(at).ok_or(DecodeError::truncated(at))?;
    if first & 0x80 == 0 {
        Ok((narrow_jump(first, signed), false, 1))
    } else {
        let second = *code.get(at + 1).ok_or(DecodeError::truncated(at))?;
        Ok((wide_jump(first, second, signed), true, 2))
    }
}

/// Reads the jump offset at `code[*position]` and moves `*position` past it.
///
/// This is the reader of the VM's dispatch loop, next to [`decode`]'s: it
/// never fails and never allocates. A byte past the end of `code` reads as
/// 0, so a truncated offset gives a wrong value, never a panic; use
/// [`decode`] to detect it. `signed` is [`Opcode::has_signed_jump`].
#[inline]
pub fn read_jump(code: &[u8], position: &mut usize, signed: bool) -> i32 {
    let first = code.get(*position).copied().unwrap_or(0);
    if first & 0x80 == 0 {
        *position += 1;
        narrow_jump(first, signed)
    } else {
        let second = code.get(*position + 1).copied().unwrap_or(0);
        *position += 2;
        wide_jump(first, second, signed)
    }
}

/// Pushes one instruction. Returns its length in bytes.
///
/// The operand must match the opcode's [`OperandKind`]; folded operands must
/// be in range (small ints -16..=47, locals 0..=15).
pub fn encode_instruction(opcode: Opcode, operand: Operand, push: &mut impl FnMut(u8)) -> Result<usize, EncodeError> {
    let base = opcode.first_byte();
    let folded = |number: i64, push: &mut dyn FnMut(u8)| -> Result<usize, EncodeError> {
        if number < 0 || number >= i64::from(opcode.byte_count()) {
            return Err(EncodeError::OutOfRange);
        }
        push(base + number as u8);
        Ok(1)
    };
    match (opcode.operand_kind(), operand) {
        (OperandKind::None, Operand::None) => {
            push(base);
            Ok(1)
        }
        (OperandKind::Qstr, Operand::Qstr(value))
        | (OperandKind::Uint | OperandKind::Obj | OperandKind::Child, Operand::Uint(value)) => {
            push(base);
            Ok(1 + varint::encode_uint(value, push))
        }
        (OperandKind::SmallInt, Operand::Int(value)) => {
            push(base);
            Ok(1 + varint::encode_sint(value, push))
        }
        (OperandKind::ChildAndByte, Operand::UintAndByte(value, byte)) => {
            push(base);
            let len = varint::encode_uint(value, push);
            push(byte);
            Ok(2 + len)
        }
        (OperandKind::SignedJump | OperandKind::UnsignedJump, Operand::Jump { offset, wide }) => {
            // Check the range before pushing anything.
            encode_jump(opcode.has_signed_jump(), offset, wide, &mut |_| {})?;
            push(base);
            Ok(1 + encode_jump(opcode.has_signed_jump(), offset, wide, push)?)
        }
        (OperandKind::SignedJumpAndByte, Operand::JumpAndByte { offset, wide, byte }) => {
            encode_jump(true, offset, wide, &mut |_| {})?;
            push(base);
            let len = encode_jump(true, offset, wide, push)?;
            push(byte);
            Ok(2 + len)
        }
        (OperandKind::InlineSmallInt, Operand::Int(value)) => {
            folded(i64::from(value) - i64::from(*INLINE_SMALL_INT_RANGE.start()), push)
        }
        (OperandKind::InlineLocal, Operand::Uint(value)) => folded(i64::from(value), push),
        (OperandKind::InlineUnaryOp, Operand::Unary(op)) => folded(i64::from(op.number()), push),
        (OperandKind::InlineBinaryOp, Operand::Binary(op)) => folded(i64::from(op.number()), push),
        _ => Err(EncodeError::WrongOperand),
    }
}

/// Decodes the instruction starting at `code[offset]`.
pub fn decode(code: &[u8], offset: usize) -> Result<Instruction, DecodeError> {
    let byte = *code.get(offset).ok_or(DecodeError::truncated(offset))?;
    let opcode = Opcode::from_byte(byte).ok_or(DecodeError { offset, kind: DecodeErrorKind::UnknownOpcode(byte) })?;
    let folded = byte - opcode.first_byte();
    let at = offset + 1;
    let (operand, operand_len) = match opcode.operand_kind() {
        OperandKind::None => (Operand::None, 0),
        OperandKind::Qstr => {
            let (value, len) = varint::decode_uint(code, at)?;
            (Operand::Qstr(value), len)
        }
        OperandKind::Uint | OperandKind::Obj | OperandKind::Child => {
            let (value, len) = varint::decode_uint(code, at)?;
            (Operand::Uint(value), len)
        }
        OperandKind::SmallInt => {
            let (value, len) = varint::decode_sint(code, at)?;
            (Operand::Int(value), len)
        }
        OperandKind::ChildAndByte => {
            let (value, len) = varint::decode_uint(code, at)?;
            let extra = *code.get(at + len).ok_or(DecodeError::truncated(at + len))?;
            (Operand::UintAndByte(value, extra), len + 1)
        }
        OperandKind::SignedJump | OperandKind::UnsignedJump => {
            let (jump, wide, len) = decode_jump(code, at, opcode.has_signed_jump())?;
            (Operand::Jump { offset: jump, wide }, len)
        }
        OperandKind::SignedJumpAndByte => {
            let (jump, wide, len) = decode_jump(code, at, true)?;
            let extra = *code.get(at + len).ok_or(DecodeError::truncated(at + len))?;
            (Operand::JumpAndByte { offset: jump, wide, byte: extra }, len + 1)
        }
        OperandKind::InlineSmallInt => (Operand::Int(i32::from(folded) + *INLINE_SMALL_INT_RANGE.start()), 0),
        OperandKind::InlineLocal => (Operand::Uint(u32::from(folded)), 0),
        OperandKind::InlineUnaryOp => {
            let op = UnaryOp::from_number(folded)
                .ok_or(DecodeError { offset, kind: DecodeErrorKind::UnknownOpcode(byte) })?;
            (Operand::Unary(op), 0)
        }
        OperandKind::InlineBinaryOp => {
            let op = BinaryOp::from_number(folded)
                .ok_or(DecodeError { offset, kind: DecodeErrorKind::UnknownOpcode(byte) })?;
            (Operand::Binary(op), 0)
        }
    };
    Ok(Instruction { offset, opcode, operand, len: 1 + operand_len })
}

/// Iterates over the instructions of `code[start..]`, stopping after the first error.
pub fn instructions(code: &[u8], start: usize) -> Instructions<'_> {
    Instructions { code, offset: start, failed: false }
}

/// Iterator returned by [`instructions`].
#[derive(Clone, Debug)]
pub struct Instructions<'a> {
    code: &'a [u8],
    offset: usize,
    failed: bool,
}

impl Iterator for Instructions<'_> {
    type Item = Result<Instruction, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.offset >= self.code.len() {
            return None;
        }
        let result = decode(self.code, self.offset);
        match &result {
            Ok(instruction) => self.offset = instruction.end(),
            Err(_) => self.failed = true,
        }
        Some(result)
    }
}

#[cfg(test)]
#[path = "opcode_tests.rs"]
mod tests;
