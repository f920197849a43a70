//! Loading a `.mpy` file (MicroPython's compiled module, v6 bytecode) into
//! RAM, as MicroPython imports one from its filesystem: the file's bytes are
//! read by `rime_bytecode::mpy` into a module of raw codes, a qstr table and
//! an object table, which becomes a code object in the heap exactly as a
//! module the board compiled does (`compile.rs`), so importing runs it the
//! same way.
//!
//! The reader allocates (its `Vec`s), so on a board, whose allocator serves
//! only the compile arena, the largest free run of the heap is lent to the
//! port for the read, as for a compilation; the read module is dropped
//! before the arena is taken back. A file that is not a bytecode `.mpy` v6
//! (another version, native code) raises `ValueError: incompatible .mpy
//! file`, as MicroPython does.

use crate::compile::CompileMode;
use crate::gc::BYTES_PER_BLOCK;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::mpy::{MpyError, MpyModule};

/// The smallest arena a read is tried in: this much plus this many times the
/// file size (the module's `Vec`s and `String`s, a short qstr costing its
/// `String` and an allocator header, and their growth). The reader cannot
/// stop early when the arena runs low (an allocation it cannot get ends in
/// the panic handler), so the bound is generous; the arena lent is the
/// largest free run anyway.
const ARENA_BASE: usize = 2048;
const ARENA_PER_FILE_BYTE: usize = 8;

impl Vm<'_> {
    /// The code object of the `.mpy` file whose bytes the bytes object
    /// `data` holds (rooted by the caller).
    pub(crate) fn load_mpy(&mut self, data: Obj) -> R<Obj> {
        let len = self.str_len(data);
        if len == 0 {
            return self.finish_mpy(Err(MpyError::Truncated { what: "the header", offset: 0 }));
        }
        if !self.port.wants_compile_arena() {
            let read = MpyModule::read(self.str_bytes(data));
            return self.finish_mpy(read);
        }
        let needed = ARENA_BASE + ARENA_PER_FILE_BYTE * len;
        let mut largest = self.heap.stats().largest_free * BYTES_PER_BLOCK;
        if largest < needed {
            self.collect();
            largest = self.heap.stats().largest_free * BYTES_PER_BLOCK;
        }
        if largest < needed {
            return Err(self.raise_memory_error());
        }
        let arena = self.alloc(largest / 4)?;
        self.compile_arena = arena;
        // The file's bytes stay where they are (a rooted bytes object that
        // nothing writes) while the rest of the heap is lent; the reader
        // copies what it keeps, so no slice of them outlives the read.
        let file = self.heap.sealed_bytes(self.str_data_address(data), len);
        let arena_len = self.heap.allocation_bytes(arena.0);
        let lent = self.heap.bytes_mut(arena.0, arena_len);
        self.port.lend_compile_arena(lent, len);
        let read = MpyModule::read(file);
        let used = self.port.seal_compile_arena();
        self.heap.shrink(arena.0, used);
        let result = self.finish_mpy(read);
        self.port.end_compile_arena();
        self.compile_arena = Obj::NULL;
        self.free(arena);
        result
    }

    /// The code object of a read module (dropped here), or the error.
    fn finish_mpy(&mut self, read: Result<MpyModule, MpyError>) -> R<Obj> {
        match read {
            Ok(module) => self.new_code(&module, CompileMode::Exec),
            Err(_) => Err(self.raise_msg(TypeId::ValueError, "incompatible .mpy file")),
        }
    }

    /// The heap address of a bytes object's data.
    fn str_data_address(&self, data: Obj) -> u32 {
        self.get_u(data, 3)
    }
}
