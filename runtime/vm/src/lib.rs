//! rime's bytecode virtual machine (runtime core).
//!
//! It runs MicroPython v6 bytecode in place from a frozen image, with a GC
//! heap the port hands it: there is no global allocator, and everything the
//! VM allocates (objects, tables, frames, RAM qstrs) lives in that heap.
//! Values are one 32-bit word (MicroPython's REPR_A), heap and image objects
//! share their layouts (`rime_bytecode::image`), and the address space is the
//! same on the host and on the boards, so the host reports the boards' heap
//! figures. Python exceptions are values (`Result<Obj, Raised>`); no Python
//! program makes the VM panic.
//!
//! * [`gc`]: the block allocator and mark-sweep collector.
//! * [`obj`]: the object word, the builtin types and their operations.
//! * [`interp`]: functions, frames, the dispatch loop, imports, classes.
//! * [`builtins`], [`modules`]: the builtin functions and modules.
//! * [`port`]: what a port provides.
//! * [`repl`]: the friendly and raw REPLs, and booting as MicroPython does.
//! * `compile` (feature `compiler`, on by default): the compiler on the
//!   board, Python source to code objects in the heap.

#![no_std]
#![deny(unsafe_code)]

/// The qstr object of a name in the runtime's qstr list, computed at compile
/// time (a plain call of `qstr_id` outside a constant would search the list
/// on every use).
macro_rules! q {
    ($text:literal) => {
        const { $crate::obj::Obj::qstr(rime_bytecode::qstr_runtime::qstr_id($text) as u32) }
    };
}

#[cfg(feature = "compiler")]
extern crate alloc;

pub mod builtins;
#[cfg(feature = "compiler")]
pub mod compile;
#[cfg(all(test, feature = "compiler"))]
mod compile_tests;
pub mod gc;
pub mod image;
mod import_fs;
pub mod interp;
pub mod modules;
pub mod native;
pub mod obj;
pub mod port;
pub mod repl;
mod traceback;
pub mod vm;

pub use image::{ImageProblem, ImageView};
pub use native::NativeModule;
pub use obj::{Obj, TypeId};
pub use port::{Config, Port, Pull};
pub use vm::{Raised, Vm, R};

use rime_bytecode::image::{Abi, BuiltinTypes};
use rime_bytecode::qstr_runtime::RUNTIME_QSTRS;

/// The version of the runtime, reported by `sys.implementation`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The addresses of the builtin types an image's constants use.
pub const BUILTIN_TYPES: BuiltinTypes = BuiltinTypes {
    str: TypeId::Str.addr(),
    bytes: TypeId::Bytes.addr(),
    int: TypeId::Int.addr(),
    float: TypeId::Float.addr(),
    complex: TypeId::Complex.addr(),
    tuple: TypeId::Tuple.addr(),
    function: TypeId::Function.addr(),
    static_method: TypeId::StaticMethod.addr(),
    class_method: TypeId::ClassMethod.addr(),
    property: TypeId::Property.addr(),
    empty_tuple: obj::Singleton::EmptyTuple.obj().0,
};

/// The ABI this runtime build runs: the freezer embeds its id in images.
pub fn abi() -> Abi<'static> {
    let id = Abi::fingerprint(RUNTIME_QSTRS, &BUILTIN_TYPES);
    Abi { abi_id: id, runtime_qstrs: RUNTIME_QSTRS, types: BUILTIN_TYPES }
}

/// How running an image ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The main module ran to the end (or called `sys.exit(0)`).
    Finished,
    /// `sys.exit(code)` with a non-zero code.
    Exit(i32),
    /// An uncaught exception; its traceback was printed to stderr.
    Uncaught,
}

impl Vm<'_> {
    /// Runs the image's main module, printing the traceback of an uncaught exception.
    pub fn run_main_module(&mut self) -> Outcome {
        let ran = self.run_main();
        self.outcome_of(ran)
    }

    /// How a run of a main program ended, printing the traceback of an
    /// uncaught exception (or a non-int `sys.exit` argument).
    pub(crate) fn outcome_of(&mut self, ran: R<Obj>) -> Outcome {
        match ran {
            Ok(_) => Outcome::Finished,
            Err(Raised) => {
                let exc = self.exc;
                self.exc = Obj::NULL;
                if self.is_a(exc, TypeId::SystemExit) {
                    let args = self.exception_args(exc);
                    let code = if self.tuple_len(args) == 0 { Obj::NONE } else { self.tuple_item(args, 0) };
                    if code.is_none() {
                        return Outcome::Finished;
                    }
                    if code.is_small() {
                        return if code.small_value() == 0 {
                            Outcome::Finished
                        } else {
                            Outcome::Exit(code.small_value())
                        };
                    }
                    let _ = self.print_obj(obj::repr::Sink::Stderr, code, obj::repr::Style::Str);
                    let _ = self.emit(obj::repr::Sink::Stderr, b"\n");
                    return Outcome::Exit(1);
                }
                if self.print_traceback(obj::repr::Sink::Stderr, exc).is_err() {
                    self.port.write_stderr(b"(error while printing the traceback)\n");
                }
                Outcome::Uncaught
            }
        }
    }
}
