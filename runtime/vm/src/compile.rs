//! The compiler on the board: Python source to a code object in the heap,
//! and running a code object in a globals dict. The REPL and the builtins
//! `exec`, `eval` and `compile` are built on [`Vm::compile_source`] and
//! [`Vm::run_code`].
//!
//! `rime_compiler` (no IO, `alloc` only) turns the source into a module of
//! raw codes, a qstr table and an object table, in the allocator's memory
//! (on the boards the port's compile arena). That module becomes heap
//! objects the function machinery already runs (`interp::ram_code`): one
//! RAM raw code per code object, the qstr table as a tuple of qstrs (new
//! names become RAM qstrs) and the object table as a tuple of objects.
//!
//! A code object (`type(compile(...))`, MicroPython's `code`) is four words:
//! `type, root RAM raw code, unit (qstr table, object table), mode`. Running
//! it makes a module object whose globals are the given dict and whose word
//! 2 names the unit, then calls the root raw code as that module's body.
//!
//! A compile error is a `SyntaxError` (an `IndentationError` for the
//! lexer's indentation errors) with MicroPython's message and a traceback
//! entry `File "NAME", line N` without a function name, as MicroPython
//! prints it.

use crate::gc::BYTES_PER_BLOCK;
use crate::interp::call::Args;
use crate::interp::frame::F_LOCALS;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};
use rime_bytecode::mpy::{MpyModule, RawCode};
use rime_bytecode::Constant;

/// What a source is: the modes of Python's `compile`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    /// A file of statements (`exec`): running it gives None.
    Exec,
    /// One expression (`eval`): running it gives its value.
    Eval,
    /// One REPL entry (`single`): module-level expression statements print
    /// their value's repr (when it is not None), as MicroPython's REPL.
    Single,
}

impl CompileMode {
    fn compiler_mode(self) -> rime_compiler::CompileMode {
        match self {
            CompileMode::Exec => rime_compiler::CompileMode::Exec,
            CompileMode::Eval => rime_compiler::CompileMode::Eval,
            CompileMode::Single => rime_compiler::CompileMode::Single,
        }
    }
}

/// Deepest nesting of raw codes turned into heap objects (the compiler
/// bounds nesting well below it).
const MAX_CODE_DEPTH: u32 = 200;

/// Messages of the lexer that MicroPython raises as `IndentationError`.
const INDENTATION_MESSAGES: &[&str] = &["unexpected indent", "unindent doesn't match any outer indent level"];

/// The compiler's messages that MicroPython 1.27 gives too (its compiler's
/// and lexer's); any other error reads "invalid syntax", as MicroPython's
/// parser reports every error it finds.
const MICROPYTHON_MESSAGES: &[&str] = &[
    "'await' outside function",
    "'break'/'continue' outside loop",
    "'return' outside function",
    "'yield' outside function",
    "* arg after **",
    "*x must be assignment target",
    "LHS of keyword arg must be an id",
    "argument name reused",
    "async for/with outside async function",
    "bytecode overflow",
    "can't assign to expression",
    "can't declare nonlocal in outer code",
    "can't delete expression",
    "default 'except' must be last",
    "identifier redefined as global",
    "identifier redefined as nonlocal",
    "import * not at module level",
    "invalid micropython decorator",
    "invalid syntax for number",
    "multiple *x in assignment",
    "no binding for nonlocal found",
    "non-default argument follows default argument",
    "not a constant",
    "positional arg after **",
    "positional arg after keyword arg",
    "super() can't find self",
    "too many args",
    "unexpected indent",
    "unindent doesn't match any outer indent level",
];

/// The prefix of the lexer's message for a name longer than a qstr can be,
/// which MicroPython raises as `RuntimeError: name too long`.
const NAME_TOO_LONG: &str = "name too long";

/// Where the source text is: Rust bytes (the REPL's line), or a str or
/// bytes object (`exec`, `eval`, `compile`).
#[derive(Clone, Copy)]
enum Source<'s> {
    Bytes(&'s [u8]),
    Object(Obj),
}

/// Compile arena sizes: the compiler needs about `ARENA_BASE` +
/// `ARENA_PER_SOURCE_BYTE` × the source length (its syntax tree and tokens
/// are about 23 bytes per source byte at the peak on the 32-bit boards for
/// usual code, measured by the stage "qemu: a 200-line module compiles on
/// the Pico's heap"), so a collection runs first when the largest free run
/// is smaller. The arena is that largest run; a compilation that outgrows
/// it stops with `MemoryError` (the port's arena keeps a reserve for
/// that: `rime_compile_arena::reserve`). One smaller than
/// `ARENA_BASE` + `ARENA_MIN_PER_SOURCE_BYTE` × the length is not tried.
const ARENA_BASE: usize = 4 * 1024;
const ARENA_PER_SOURCE_BYTE: usize = 24;
const ARENA_MIN_PER_SOURCE_BYTE: usize = 8;

/// The first error of a failed compilation, as MicroPython reports it.
enum CompileError {
    Syntax {
        message: alloc::string::String,
        line: u32,
    },
    /// The compiler ran out of memory: `MemoryError`.
    OutOfMemory,
}

/// Runs the compiler (no heap object is made yet, so `source` may be a
/// heap object's text); `memory_low` is the port's compile-arena probe.
fn compile_unit(
    source: &[u8],
    filename: &str,
    mode: CompileMode,
    opt_level: u8,
    memory_low: Option<fn() -> bool>,
) -> Result<MpyModule, CompileError> {
    let options = rime_compiler::CompileOptions { opt_level, memory_low, ..rime_compiler::CompileOptions::default() };
    rime_compiler::compile_mode(source, filename, &options, mode.compiler_mode()).map_err(|errors| {
        let Some(first) = errors.into_iter().next() else {
            return CompileError::Syntax { message: "invalid syntax".into(), line: 1 };
        };
        if first.kind == rime_compiler::DiagnosticKind::OutOfMemory {
            return CompileError::OutOfMemory;
        }
        let line = rime_compiler::LineIndex::new(source).line(first.span.start);
        let known = first.kind == rime_compiler::DiagnosticKind::Syntax
            && (MICROPYTHON_MESSAGES.contains(&first.message.as_str()) || first.message.starts_with(NAME_TOO_LONG));
        let message = if known { first.message } else { "invalid syntax".into() };
        CompileError::Syntax { message, line }
    })
}

impl<'a> Vm<'a> {
    /// Compiles `source` into a code object (`filename` is the file of its
    /// tracebacks, `"<stdin>"` for the REPL, `"<string>"` for `exec`).
    /// A compile error raises `SyntaxError` or `IndentationError`; a heap
    /// too full for the compiler's temporaries raises `MemoryError`.
    pub fn compile_source(&mut self, source: &[u8], filename: &str, mode: CompileMode) -> R<Obj> {
        self.compile_any(Source::Bytes(source), filename, mode)
    }

    /// [`Vm::compile_source`] for the text of a str or bytes object.
    pub fn compile_text(&mut self, source: Obj, filename: &str, mode: CompileMode) -> R<Obj> {
        self.compile_any(Source::Object(source), filename, mode)
    }

    fn compile_any(&mut self, source: Source<'_>, filename: &str, mode: CompileMode) -> R<Obj> {
        let opt_level = self.opt_level;
        if !self.port.wants_compile_arena() {
            let compiled = match source {
                Source::Bytes(bytes) => compile_unit(bytes, filename, mode, opt_level, None),
                Source::Object(text) => compile_unit(self.str_bytes(text), filename, mode, opt_level, None),
            };
            return self.finish_compile(compiled, filename, mode);
        }
        let source_len = match source {
            Source::Bytes(bytes) => bytes.len(),
            Source::Object(text) => self.str_bytes(text).len(),
        };
        // A str's text is copied to the arena's start, so that no heap
        // object is borrowed while the compiler runs.
        let copy_len = match source {
            Source::Bytes(_) => 0,
            Source::Object(_) => source_len.next_multiple_of(4),
        };
        let arena = self.new_compile_arena(copy_len, source_len)?;
        if let Source::Object(text) = source {
            self.copy_text(text, arena.0, source_len);
        }
        let arena_len = self.heap.allocation_bytes(arena.0);
        let lent = self.heap.bytes_mut(arena.0 + copy_len as u32, arena_len - copy_len);
        self.port.lend_compile_arena(lent, source_len);
        let memory_low = self.port.compile_memory_low();
        let compiled = match source {
            Source::Bytes(bytes) => compile_unit(bytes, filename, mode, opt_level, memory_low),
            Source::Object(_) => {
                compile_unit(self.heap.sealed_bytes(arena.0, source_len), filename, mode, opt_level, memory_low)
            }
        };
        let used = copy_len + self.port.seal_compile_arena();
        // The rest of the arena takes the code objects.
        self.heap.shrink(arena.0, used);
        self.gc.compile_arena_lent = arena_len;
        self.gc.compile_arena_peak = used;
        let result = self.finish_compile(compiled, filename, mode);
        self.gc.compile_allocated_peak = self.port.end_compile_arena();
        self.compile_arena = Obj::NULL;
        self.free(arena);
        result
    }

    /// Allocates the compile arena: the largest run of free blocks (after a
    /// collection when it looks small for `source_len` bytes of source),
    /// which the compiler uses as much of as it needs.
    fn new_compile_arena(&mut self, copy_len: usize, source_len: usize) -> R<Obj> {
        let hoped = ARENA_BASE + ARENA_PER_SOURCE_BYTE * source_len;
        let mut largest = self.heap.stats().largest_free * BYTES_PER_BLOCK;
        if largest < hoped {
            self.collect();
            largest = self.heap.stats().largest_free * BYTES_PER_BLOCK;
        }
        if largest < copy_len + ARENA_BASE + ARENA_MIN_PER_SOURCE_BYTE * source_len {
            return Err(self.raise_memory_error());
        }
        let arena = self.alloc(largest / 4)?;
        self.compile_arena = arena;
        Ok(arena)
    }

    /// Copies the `len` bytes of a str or bytes object's text to `to`.
    fn copy_text(&mut self, text: Obj, to: u32, len: usize) {
        let mut chunk = [0u8; 64];
        let mut offset = 0;
        while offset < len {
            let count = (len - offset).min(chunk.len());
            chunk[..count].copy_from_slice(&self.str_bytes(text)[offset..offset + count]);
            self.heap.bytes_mut(to + offset as u32, count).copy_from_slice(&chunk[..count]);
            offset += count;
        }
    }

    fn finish_compile(
        &mut self,
        compiled: Result<MpyModule, CompileError>,
        filename: &str,
        mode: CompileMode,
    ) -> R<Obj> {
        match compiled {
            Ok(module) => self.new_code(&module, mode),
            Err(CompileError::Syntax { message, line }) => Err(self.raise_syntax_error(&message, filename, line)),
            Err(CompileError::OutOfMemory) => Err(self.raise_memory_error()),
        }
    }

    /// Raises the `SyntaxError` (or `IndentationError`) of a compile error
    /// at `line` of `filename`.
    fn raise_syntax_error(&mut self, message: &str, filename: &str, line: u32) -> crate::vm::Raised {
        if message.starts_with(NAME_TOO_LONG) {
            return self.raise_msg(TypeId::RuntimeError, NAME_TOO_LONG);
        }
        let type_id =
            if INDENTATION_MESSAGES.contains(&message) { TypeId::IndentationError } else { TypeId::SyntaxError };
        let built = self.root_scope(|vm| {
            let text = vm.new_str(message.as_bytes())?;
            vm.push_root(text)?;
            let exc = vm.new_exception(type_id.obj(), &[text])?;
            vm.push_root(exc)?;
            let file = vm.intern_bytes(filename.as_bytes())?;
            let traceback = vm.new_list(3)?;
            vm.set(exc, 2, traceback);
            vm.list_append(traceback, file)?;
            vm.list_append(traceback, Obj::small(line.min(i32::MAX as u32) as i32))?;
            vm.list_append(traceback, Obj::NONE)?;
            Ok(exc)
        });
        match built {
            Ok(exc) => self.raise(exc),
            Err(raised) => raised,
        }
    }

    /// The code object for a compiled module.
    pub(crate) fn new_code(&mut self, module: &MpyModule, mode: CompileMode) -> R<Obj> {
        self.root_scope(|vm| {
            let qstrs = vm.new_tuple(&[])?;
            let qstrs =
                if module.qstrs.is_empty() { qstrs } else { vm.alloc_typed(TypeId::Tuple, 2 + module.qstrs.len())? };
            vm.push_root(qstrs)?;
            vm.set_u(qstrs, 1, module.qstrs.len() as u32);
            for (index, text) in module.qstrs.iter().enumerate() {
                let qstr = vm.intern_bytes(text.as_bytes())?;
                vm.set(qstrs, 2 + index as u32, qstr);
            }
            let objects = vm.new_constants(&module.objects)?;
            vm.push_root(objects)?;
            let unit = vm.new_tuple(&[qstrs, objects])?;
            vm.push_root(unit)?;
            let root = vm.new_raw_code(&module.root, 0)?;
            vm.push_root(root)?;
            let code = vm.alloc_typed(TypeId::Code, 4)?;
            vm.set(code, 1, root);
            vm.set(code, 2, unit);
            vm.set(code, 3, Obj::small(mode as i32));
            Ok(code)
        })
    }

    /// A tuple of the objects of an object table.
    fn new_constants(&mut self, constants: &[Constant]) -> R<Obj> {
        if constants.is_empty() {
            return self.new_tuple(&[]);
        }
        let tuple = self.alloc_typed(TypeId::Tuple, 2 + constants.len())?;
        self.with_roots(&[tuple], |vm| {
            vm.set_u(tuple, 1, constants.len() as u32);
            for (index, constant) in constants.iter().enumerate() {
                let object = vm.new_constant(constant, 0)?;
                vm.set(tuple, 2 + index as u32, object);
            }
            Ok(tuple)
        })
    }

    fn new_constant(&mut self, constant: &Constant, depth: u32) -> R<Obj> {
        if depth > MAX_CODE_DEPTH {
            return Err(self.raise_msg(TypeId::RuntimeError, "maximum recursion depth exceeded"));
        }
        match constant {
            Constant::Str(text) => self.new_str(text.as_bytes()),
            Constant::Bytes(bytes) => self.new_bytes(bytes),
            Constant::Int(decimal) => match decimal.parse::<i64>() {
                Ok(value) => self.new_int(value),
                Err(_) => {
                    let text = self.new_str(decimal.as_bytes())?;
                    self.with_roots(&[text], |vm| crate::builtins::parse_int(vm, text, 10))
                }
            },
            Constant::Float(value) => self.new_float(*value),
            Constant::Complex { real, imag } => self.new_complex(*real, *imag),
            Constant::Tuple(items) => {
                let tuple = self.alloc_typed(TypeId::Tuple, 2 + items.len())?;
                self.with_roots(&[tuple], |vm| {
                    vm.set_u(tuple, 1, items.len() as u32);
                    for (index, item) in items.iter().enumerate() {
                        let object = vm.new_constant(item, depth + 1)?;
                        vm.set(tuple, 2 + index as u32, object);
                    }
                    Ok(tuple)
                })
            }
            Constant::None => Ok(Obj::NONE),
            Constant::True => Ok(Obj::TRUE),
            Constant::False => Ok(Obj::FALSE),
            Constant::Ellipsis => Ok(Obj::ELLIPSIS),
        }
    }

    /// A RAM raw code (layout in `interp::ram_code`) for `raw` and its children.
    fn new_raw_code(&mut self, raw: &RawCode, depth: u32) -> R<Obj> {
        if depth > MAX_CODE_DEPTH {
            return Err(self.raise_msg(TypeId::RuntimeError, "maximum recursion depth exceeded"));
        }
        let children = raw.children.len();
        let words = 2 + children + raw.fun_data.len().div_ceil(4);
        let code = self.alloc(words)?;
        self.with_roots(&[code], |vm| {
            vm.set(code, 0, Obj::small(raw.fun_data.len() as i32));
            vm.set(code, 1, Obj::small(children as i32));
            for (index, child) in raw.children.iter().enumerate() {
                let child = vm.new_raw_code(child, depth + 1)?;
                vm.set(code, 2 + index as u32, child);
            }
            let data = code.0 + 4 * (2 + children as u32);
            vm.heap.bytes_mut(data, raw.fun_data.len()).copy_from_slice(&raw.fun_data);
            Ok(code)
        })
    }

    /// Runs a code object with `globals` (a dict) as its module's globals
    /// and `locals` (a dict, usually `globals`) for its module-level names.
    /// Returns the expression's value for `eval` code, else None.
    pub fn run_code(&mut self, code: Obj, globals: Obj, locals: Obj) -> R<Obj> {
        if self.type_of(code) != TypeId::Code.obj() {
            return Err(self.raise_msg(TypeId::TypeError, "expected a code object"));
        }
        self.root_scope(|vm| {
            vm.push_root(code)?;
            vm.push_root(globals)?;
            vm.push_root(locals)?;
            let module = vm.code_module(code, globals)?;
            vm.push_root(module)?;
            vm.run_code_module(code, module, locals)
        })
    }

    /// A module object for running `code` with `globals`: word 2 names the
    /// code's unit, where a frozen module's names its image entry.
    pub(crate) fn code_module(&mut self, code: Obj, globals: Obj) -> R<Obj> {
        let module = self.with_roots(&[code, globals], |vm| vm.alloc_typed(TypeId::Module, 4))?;
        self.set(module, 1, globals);
        self.set(module, 2, self.get(code, 2));
        self.set(module, 3, Obj::NULL);
        Ok(module)
    }

    /// Runs `code`'s body as `module`'s, with `locals` for its module-level
    /// names (all three rooted by the caller).
    pub(crate) fn run_code_module(&mut self, code: Obj, module: Obj, locals: Obj) -> R<Obj> {
        let root = self.get_u(code, 1);
        let function = self.new_function(module, root, None, &[])?;
        self.with_roots(&[function], |vm| {
            let frame = vm.setup_frame(function, None, Args::Slice(&[]), Args::Slice(&[]))?;
            vm.set(frame, F_LOCALS, locals);
            vm.run_frame(frame)
        })
    }
}
