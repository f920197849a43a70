//! The object word and the static objects.
//!
//! A value is one 32-bit word in MicroPython's REPR_A encoding (see
//! `rime_bytecode::image`): small ints `…1`, qstrs `…010`, immediates
//! `…110`, addresses `…00`. Word 0 of every object is the address of its type.
//! The builtin types, builtin functions and a few singletons are *static
//! objects*: they have addresses (`STATIC_BASE + 16 × index`) but no memory;
//! their words are computed by [`static_word`]. Heap and image objects share
//! their layouts (listed at each type's module).

pub mod bigint;
pub mod bigint_ops;
pub mod binop;
pub mod binop_fast;
pub mod complex;
pub mod core;
pub mod dict;
pub mod errno_names;
pub mod iter;
pub mod memoryview;
pub mod num;
pub mod ops;
pub mod repr;
pub mod seq;
pub mod str;
pub mod types;
pub mod walk;

#[cfg(test)]
mod bigint_tests;
#[cfg(test)]
mod tests;

pub use types::TypeId;

use rime_bytecode::image::{STATIC_BASE, WORD_ELLIPSIS, WORD_FALSE, WORD_NONE, WORD_NULL, WORD_TRUE};

/// One value.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct Obj(pub u32);

/// The smallest small int.
pub const SMALL_INT_MIN: i64 = -(1 << 30);
/// The largest small int.
pub const SMALL_INT_MAX: i64 = (1 << 30) - 1;

impl Obj {
    pub const NONE: Obj = Obj(WORD_NONE);
    pub const FALSE: Obj = Obj(WORD_FALSE);
    pub const TRUE: Obj = Obj(WORD_TRUE);
    pub const ELLIPSIS: Obj = Obj(WORD_ELLIPSIS);
    pub const NULL: Obj = Obj(WORD_NULL);

    /// A small int; `value` must be in range.
    pub const fn small(value: i32) -> Obj {
        Obj(((value as u32) << 1) | 1)
    }

    pub fn fits_small(value: i64) -> bool {
        (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&value)
    }

    pub const fn is_small(self) -> bool {
        self.0 & 1 == 1
    }

    pub const fn small_value(self) -> i32 {
        (self.0 as i32) >> 1
    }

    pub const fn qstr(id: u32) -> Obj {
        Obj((id << 3) | 2)
    }

    pub const fn is_qstr(self) -> bool {
        self.0 & 7 == 2
    }

    pub const fn qstr_id(self) -> u32 {
        self.0 >> 3
    }

    /// Whether the word is an object address.
    pub const fn is_ptr(self) -> bool {
        self.0 & 3 == 0 && self.0 != 0
    }

    pub const fn is_null(self) -> bool {
        self.0 == WORD_NULL
    }

    pub const fn is_none(self) -> bool {
        self.0 == WORD_NONE
    }

    pub const fn from_bool(value: bool) -> Obj {
        if value {
            Obj::TRUE
        } else {
            Obj::FALSE
        }
    }

    pub const fn addr(self) -> u32 {
        self.0
    }

    /// Whether the word is the address of a static object.
    pub const fn is_static(self) -> bool {
        self.is_ptr() && self.0 >= STATIC_BASE && self.0 < rime_bytecode::image::FLASH_BASE
    }
}

/// The address of static object `index`.
pub const fn static_address(index: u32) -> u32 {
    STATIC_BASE + 16 * index
}

/// Static object indices: types first, then builtin functions, then
/// singletons, then native modules.
pub const FN_BASE: u32 = 256;
/// Builtin functions are numbered `table << 7 | entry`.
pub const FN_TABLE_SHIFT: u32 = 7;
/// Function tables: the builtins' and core types' tables below this number,
/// then one per builtin type for the methods of native types (table
/// `TYPE_TABLE_BASE + type index`), then the native modules' function tables
/// (see `crate::native`).
pub const TYPE_TABLE_BASE: u32 = 64;
pub const MODULE_TABLE_BASE: u32 = TYPE_TABLE_BASE + 128;
pub const SINGLETON_BASE: u32 = FN_BASE + ((MODULE_TABLE_BASE + crate::native::MAX_MODULES) << FN_TABLE_SHIFT);
/// The static object of native module `n` is `MODULE_BASE + n`.
pub const MODULE_BASE: u32 = SINGLETON_BASE + 64;

/// The static singletons.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Singleton {
    EmptyTuple = 0,
    EmptyBytes,
    MemoryErrorInstance,
    NotImplemented,
    SysStdout,
    SysStderr,
    /// `sys.implementation`, an object whose attributes the `sys` module computes.
    SysImplementation,
    /// The `RuntimeError` raised when the temporary-root stack or the machine
    /// stack is full: it needs no allocation, so raising it cannot fail or recurse.
    RecursionErrorInstance,
    /// Its args: the one-item tuple `("maximum recursion depth exceeded",)`.
    RecursionErrorArgs,
    /// The one-item tuple `(tuple,)`: the bases of every namedtuple class.
    TupleBases,
    /// `sys.stdin`, and the binary streams under the three (`sys.stdout.buffer`).
    SysStdin,
    SysStdinBuffer,
    SysStdoutBuffer,
    SysStderrBuffer,
}

impl Singleton {
    pub const fn obj(self) -> Obj {
        Obj(static_address(SINGLETON_BASE + self as u32))
    }

    pub fn from_obj(obj: Obj) -> Option<Singleton> {
        let index = static_index(obj)?.checked_sub(SINGLETON_BASE)?;
        const ALL: [Singleton; 14] = [
            Singleton::EmptyTuple,
            Singleton::EmptyBytes,
            Singleton::MemoryErrorInstance,
            Singleton::NotImplemented,
            Singleton::SysStdout,
            Singleton::SysStderr,
            Singleton::SysImplementation,
            Singleton::RecursionErrorInstance,
            Singleton::RecursionErrorArgs,
            Singleton::TupleBases,
            Singleton::SysStdin,
            Singleton::SysStdinBuffer,
            Singleton::SysStdoutBuffer,
            Singleton::SysStderrBuffer,
        ];
        ALL.get(index as usize).copied()
    }
}

/// The static-object index of `obj`, if it is a static object.
pub fn static_index(obj: Obj) -> Option<u32> {
    if !obj.is_static() || (obj.0 - STATIC_BASE) % 16 != 0 {
        return None;
    }
    Some((obj.0 - STATIC_BASE) / 16)
}

/// The builtin function `(table, entry)` as an object.
pub const fn builtin_fn(table: u32, entry: u32) -> Obj {
    Obj(static_address(FN_BASE + (table << FN_TABLE_SHIFT) + entry))
}

/// The `(table, entry)` of a builtin function object.
pub fn builtin_fn_parts(obj: Obj) -> Option<(u32, u32)> {
    let index = static_index(obj)?;
    if !(FN_BASE..SINGLETON_BASE).contains(&index) {
        return None;
    }
    let number = index - FN_BASE;
    Some((number >> FN_TABLE_SHIFT, number & ((1 << FN_TABLE_SHIFT) - 1)))
}

/// Word `word` of the static object at index `index`.
pub fn static_word(index: u32, word: u32) -> u32 {
    if index < FN_BASE {
        let Some(type_id) = TypeId::from_index(index) else { return 0 };
        return match word {
            0 => TypeId::Type.addr(),
            1 => Obj::qstr(u32::from(type_id.name())).0,
            2 => type_id.base().map(|base| base.addr()).unwrap_or(WORD_NULL),
            _ => 0,
        };
    }
    if index < SINGLETON_BASE {
        return if word == 0 { TypeId::BuiltinFunction.addr() } else { 0 };
    }
    if index >= MODULE_BASE {
        // A native module: its attributes come from its table, not from memory.
        return match word {
            0 => TypeId::Module.addr(),
            1 => WORD_NULL,
            _ => 0,
        };
    }
    let Some(singleton) = Singleton::from_obj(Obj(static_address(index))) else { return 0 };
    match (singleton, word) {
        (Singleton::EmptyTuple, 0) => TypeId::Tuple.addr(),
        (Singleton::EmptyBytes, 0) => TypeId::Bytes.addr(),
        (Singleton::EmptyBytes, 1) => u32::from(rime_bytecode::qstr_hash16(b"")),
        (Singleton::MemoryErrorInstance, 0) => TypeId::MemoryError.addr(),
        (Singleton::MemoryErrorInstance, 1) => Singleton::EmptyTuple.obj().0,
        (Singleton::MemoryErrorInstance, 2 | 3) => WORD_NULL,
        (Singleton::RecursionErrorInstance, 0) => TypeId::RuntimeError.addr(),
        (Singleton::RecursionErrorInstance, 1) => Singleton::RecursionErrorArgs.obj().0,
        (Singleton::RecursionErrorInstance, 2 | 3) => WORD_NULL,
        (Singleton::RecursionErrorArgs, 0) => TypeId::Tuple.addr(),
        (Singleton::RecursionErrorArgs, 1) => 1,
        (Singleton::RecursionErrorArgs, 2) => q!("maximum recursion depth exceeded").0,
        (Singleton::TupleBases, 0) => TypeId::Tuple.addr(),
        (Singleton::TupleBases, 1) => 1,
        (Singleton::TupleBases, 2) => TypeId::Tuple.addr(),
        (Singleton::NotImplemented, 0) => TypeId::NotImplementedType.addr(),
        (Singleton::SysImplementation, 0) => TypeId::SysImplementation.addr(),
        (Singleton::SysStdout | Singleton::SysStderr | Singleton::SysStdin, 0) => TypeId::TextIo.addr(),
        // The binary streams are `FileIO`, as MicroPython's.
        (Singleton::SysStdinBuffer | Singleton::SysStdoutBuffer | Singleton::SysStderrBuffer, 0) => {
            TypeId::StdioBuffer.addr()
        }
        _ => 0,
    }
}
