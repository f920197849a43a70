//! The builtin types: one static type object each, with its name, its base
//! and, for a type a native module implements, its slots table.
//!
//! A static type object's words are `type, name qstr, base type (or NULL)`.
//! A `super` object's words are `type, class, self`.
//! Classes made by `class` statements live on the heap with the layout
//! `type, name qstr, bases tuple, locals dict, native base`, see `interp::class`.

use super::{static_address, Obj};
use rime_bytecode::qstr_runtime::qstr_id;

macro_rules! builtin_types {
    ($( $variant:ident = $name:literal, $base:ident $(=> $native:path)?; )*) => {
        /// A builtin type; its discriminant is its static-object index.
        #[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum TypeId { $($variant,)* }

        impl TypeId {
            pub const ALL: &'static [TypeId] = &[$(TypeId::$variant,)*];

            /// The qstr id of the type's `__name__`.
            pub const fn name(self) -> u16 {
                // Looked up once, at compile time: `qstr_id` is a linear search.
                const NAMES: &[u16] = &[$(qstr_id($name),)*];
                NAMES[self as usize]
            }

            /// The base type (None for `object` and for types directly derived from it).
            pub const fn base(self) -> Option<TypeId> {
                match self { $(TypeId::$variant => builtin_types!(@base $base),)* }
            }

            /// The slots of a type implemented by a native module (see `crate::native`).
            pub fn native(self) -> Option<&'static crate::native::NativeType> {
                match self { $(TypeId::$variant => builtin_types!(@native $($native)?),)* }
            }

            /// One slot of the type's native table, when it has the table and the slot.
            #[inline]
            pub fn slot<T>(self, pick: impl FnOnce(&'static crate::native::NativeType) -> Option<T>) -> Option<T> {
                self.native().and_then(pick)
            }
        }
    };
    (@native) => { None };
    (@native $native:path) => { Some(&$native) };
    (@base None) => { None };
    (@base $base:ident) => { Some(TypeId::$base) };
}

builtin_types! {
    Type = "type", Object;
    Object = "object", None;
    NoneType = "NoneType", Object;
    Bool = "bool", Int;
    Int = "int", Object;
    Float = "float", Object;
    Complex = "complex", Object;
    Str = "str", Object;
    Bytes = "bytes", Object;
    ByteArray = "bytearray", Object;
    Tuple = "tuple", Object;
    List = "list", Object;
    Dict = "dict", Object;
    Set = "set", Object;
    FrozenSet = "frozenset", Object;
    Range = "range", Object;
    Slice = "slice", Object;
    Function = "function", Object;
    BuiltinFunction = "function", Object;
    BoundMethod = "bound_method", Object;
    Module = "module", Object;
    Cell = "cell", Object;
    Ellipsis = "ellipsis", Object;
    NotImplementedType = "NotImplementedType", Object;
    Property = "property", Object;
    StaticMethod = "staticmethod", Object;
    ClassMethod = "classmethod", Object;
    Generator = "generator", Object;
    SeqIterator = "iterator", Object;
    RangeIterator = "iterator", Object;
    DictIterator = "iterator", Object;
    DictView = "dict_keys", Object;
    Enumerate = "enumerate", Object;
    Zip = "zip", Object;
    Map = "map", Object;
    Filter = "filter", Object;
    Reversed = "reversed", Object;
    TextIo = "TextIOWrapper", Object => crate::modules::sys::STDIO_TYPE;
    Frame = "<module>", Object;
    QstrPool = "qstr_info", Object;
    Buffer = "bytecode", Object;
    BaseException = "BaseException", Object;
    SystemExit = "SystemExit", BaseException;
    KeyboardInterrupt = "KeyboardInterrupt", BaseException;
    GeneratorExit = "GeneratorExit", BaseException;
    Exception = "Exception", BaseException;
    StopIteration = "StopIteration", Exception;
    StopAsyncIteration = "StopAsyncIteration", Exception;
    ArithmeticError = "ArithmeticError", Exception;
    OverflowError = "OverflowError", ArithmeticError;
    ZeroDivisionError = "ZeroDivisionError", ArithmeticError;
    AssertionError = "AssertionError", Exception;
    AttributeError = "AttributeError", Exception;
    EOFError = "EOFError", Exception;
    ImportError = "ImportError", Exception;
    LookupError = "LookupError", Exception;
    IndexError = "IndexError", LookupError;
    KeyError = "KeyError", LookupError;
    MemoryError = "MemoryError", Exception;
    NameError = "NameError", Exception;
    OSError = "OSError", Exception;
    RuntimeError = "RuntimeError", Exception;
    NotImplementedError = "NotImplementedError", RuntimeError;
    SyntaxError = "SyntaxError", Exception;
    TypeError = "TypeError", Exception;
    ValueError = "ValueError", Exception;
    UnicodeError = "UnicodeError", ValueError;
    Pin = "Pin", Object => crate::modules::machine::PIN_TYPE;
    StringIO = "StringIO", Object => crate::modules::io::STREAM_TYPE;
    BytesIO = "BytesIO", Object => crate::modules::io::STREAM_TYPE;
    MemoryView = "memoryview", Object => crate::builtins::strings::MEMORYVIEW_TYPE;
    Deque = "deque", Object => crate::modules::io::DEQUE_TYPE;
    Array = "array", Object => crate::modules::array::ARRAY_TYPE;
    Super = "super", Object;
    Regex = "re", Object => crate::modules::re::REGEX_TYPE;
    Match = "match", Object => crate::modules::re::MATCH_TYPE;
    UctypesStruct = "struct", Object => crate::modules::uctypes::STRUCT_TYPE;
    SysImplementation = "tuple", Object => crate::modules::sys::IMPLEMENTATION_TYPE;
    IndentationError = "IndentationError", SyntaxError;
    Code = "code", Object;
    FileIO = "FileIO", Object => crate::modules::file::FILE_TYPE;
    TextIOWrapper = "TextIOWrapper", Object => crate::modules::file::FILE_TYPE;
    VfsLfs2 = "VfsLfs2", Object => crate::modules::vfs::VFS_LFS2_TYPE;
    I2c = "I2C", Object => crate::modules::machine_i2c::I2C_TYPE;
    Spi = "SPI", Object => crate::modules::machine_spi::SPI_TYPE;
    Uart = "UART", Object => crate::modules::machine_uart::UART_TYPE;
    Adc = "ADC", Object => crate::modules::machine_uart::ADC_TYPE;
    Signal = "Signal", Object => crate::modules::machine_signal::SIGNAL_TYPE;
    Pwm = "PWM", Object => crate::modules::machine_pwm::PWM_TYPE;
    Timer = "Timer", Object => crate::modules::machine_timer::TIMER_TYPE;
    Rtc = "RTC", Object => crate::modules::machine_rtc::RTC_TYPE;
    Wdt = "WDT", Object => crate::modules::machine_rtc::WDT_TYPE;
    SoftSpi = "SoftSPI", Object => crate::modules::machine_soft_spi::SOFT_SPI_TYPE;
    SoftI2c = "SoftI2C", Object => crate::modules::machine_i2c::SOFT_I2C_TYPE;
    RomFileIO = "FileIO", Object => crate::modules::vfs_rom::ROM_FILE_TYPE;
    RomTextIOWrapper = "TextIOWrapper", Object => crate::modules::vfs_rom::ROM_TEXT_TYPE;
    DeflateIO = "DeflateIO", Object => crate::modules::deflate::DEFLATE_IO_TYPE;
    Poll = "poll", Object => crate::modules::select::POLL_TYPE;
    RingIO = "RingIO", Object => crate::modules::ringio::RINGIO_TYPE;
    RangeWide = "range", Object => crate::builtins::range_wide::RANGE_WIDE_TYPE;
    RangeWideIterator = "iterator", Object => crate::builtins::range_wide::RANGE_WIDE_ITERATOR_TYPE;
    // `sys.stdout.buffer` and the other binary streams under the console's.
    StdioBuffer = "FileIO", Object => crate::modules::sys::STDIO_TYPE;
}

// Each type's method table is `TYPE_TABLE_BASE + index`, below the modules' tables.
const _: () = assert!(TypeId::ALL.len() <= 128);

impl TypeId {
    /// The static type object.
    pub const fn addr(self) -> u32 {
        static_address(self as u32)
    }

    pub const fn obj(self) -> Obj {
        Obj(self.addr())
    }

    pub fn from_index(index: u32) -> Option<TypeId> {
        TypeId::ALL.get(index as usize).copied()
    }

    /// The builtin type whose type object is `obj`.
    pub fn from_obj(obj: Obj) -> Option<TypeId> {
        let index = super::static_index(obj)?;
        if index >= super::FN_BASE {
            return None;
        }
        TypeId::from_index(index)
    }

    /// Whether this type is `other` or derives from it.
    pub fn is_subtype_of(self, other: TypeId) -> bool {
        let mut current = Some(self);
        while let Some(each) = current {
            if each == other {
                return true;
            }
            current = each.base();
        }
        false
    }

    pub fn is_exception(self) -> bool {
        self.is_subtype_of(TypeId::BaseException)
    }
}
