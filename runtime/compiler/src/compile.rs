//! The public entry points: source text to an [`MpyModule`] or `.mpy` bytes.
//!
//! Parsing errors are returned as they are; otherwise the code generator
//! runs and its tables and code objects are assembled into the module tree
//! that `rime_bytecode` writes byte for byte like mpy-cross.

use alloc::string::String;
use alloc::vec::Vec;

use rime_bytecode::mpy::{CodeKind, MpyModule, RawCode};
use rime_bytecode::Constant;

use crate::codegen::{CodegenOptions, CompiledModule, Compiler};
use crate::diagnostic::Diagnostic;
use crate::fold::ConstObj;

/// How to compile: the optimisation level (0–3, like `mpy-cross -O`) and the
/// target's small-int width (`-msmall-int-bits`, 31 by default).
#[derive(Clone, Debug)]
pub struct CompileOptions {
    pub opt_level: u8,
    pub small_int_bits: u8,
}

impl Default for CompileOptions {
    fn default() -> CompileOptions {
        CompileOptions { opt_level: 0, small_int_bits: 31 }
    }
}

/// Strings longer than 10 bytes that mpy-cross 1.27 has interned before it
/// reads a file; string literals equal to one of them become qstrs.
pub(crate) const BUILTIN_LONG_QSTRS: &[&str] = &[
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "GeneratorExit",
    "ImportError",
    "IndentationError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "NotImplementedError",
    "OverflowError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "UnicodeError",
    "ViperTypeError",
    "ZeroDivisionError",
    "__build_class__",
    "__complex__",
    "__contains__",
    "__delitem__",
    "__getattr__",
    "__getitem__",
    "__qualname__",
    "__repl_print__",
    "__reversed__",
    "__setitem__",
    "__traceback__",
    "bound_method",
    "classmethod",
    "difference_update",
    "heap_unlock",
    "intersection",
    "intersection_update",
    "maximum recursion depth exceeded",
    "micropython",
    "staticmethod",
    "symmetric_difference",
    "symmetric_difference_update",
    "unpack_from",
    "vcvt_f32_s32",
    "vcvt_s32_f32",
];

fn to_constant(obj: &ConstObj) -> Constant {
    match obj {
        ConstObj::Int(value) => Constant::Int(value.to_decimal()),
        ConstObj::Float(value) => Constant::Float(*value),
        ConstObj::Complex(real, imag) => Constant::Complex { real: *real, imag: *imag },
        ConstObj::Str(text) => Constant::Str(text.clone()),
        ConstObj::Bytes(bytes) => Constant::Bytes(bytes.clone()),
        ConstObj::None => Constant::None,
        ConstObj::False => Constant::False,
        ConstObj::True => Constant::True,
        ConstObj::Ellipsis => Constant::Ellipsis,
        ConstObj::Tuple(items) => Constant::Tuple(items.iter().map(to_constant).collect()),
    }
}

fn build_raw_code(compiled: &mut CompiledModule, scope: usize, depth: usize) -> RawCode {
    let Some(code) = compiled.codes.get_mut(scope) else {
        return RawCode { kind: CodeKind::Bytecode, fun_data: Vec::new(), children: Vec::new() };
    };
    // Every scope is the child of exactly one other, so its code can be moved out.
    let fun_data = core::mem::take(&mut code.fun_data);
    let child_ids = core::mem::take(&mut code.children);
    let children = if depth > 1000 {
        Vec::new()
    } else {
        child_ids.iter().map(|child| build_raw_code(compiled, *child, depth + 1)).collect()
    };
    RawCode { kind: CodeKind::Bytecode, fun_data, children }
}

/// Compiles Python source to a module. `source_name` becomes qstr 0 (the
/// module's `__file__` and the file name in tracebacks).
pub fn compile(source: &[u8], source_name: &str, options: &CompileOptions) -> Result<MpyModule, Vec<Diagnostic>> {
    // MicroPython 1.27 reads an f-string nested in another as its own
    // rewritten text; it keeps every line where it is.
    let rewritten = crate::nested_fstrings::rewrite(source);
    let source = rewritten.as_deref().unwrap_or(source);
    let module = crate::parse(source).into_result()?;
    let codegen_options = CodegenOptions {
        opt_level: options.opt_level.min(3),
        small_int_bits: (options.small_int_bits as u32).clamp(8, 63),
    };
    let mut compiler = Compiler::new(source, codegen_options, BUILTIN_LONG_QSTRS);
    compiler.tables.use_qstr(source_name);
    let mut compiled = compiler.compile_module(&module).map_err(|error| alloc::vec![error])?;
    let qstrs: Vec<String> = core::mem::take(&mut compiled.tables.qstrs);
    let objects = compiled.tables.objects.iter().map(to_constant).collect();
    let root = build_raw_code(&mut compiled, 0, 0);
    Ok(MpyModule { small_int_bits: options.small_int_bits, qstrs, objects, root })
}

/// Compiles Python source straight to the bytes of a `.mpy` file.
pub fn compile_to_mpy(source: &[u8], source_name: &str, options: &CompileOptions) -> Result<Vec<u8>, Vec<Diagnostic>> {
    compile(source, source_name, options).map(|module| module.to_bytes())
}
