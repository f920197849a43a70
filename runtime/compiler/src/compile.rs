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
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::fold::ConstObj;
use crate::memory::MemoryProbe;

/// How to compile: the optimisation level (0–3, like `mpy-cross -O`) and the
/// target's small-int width (`-msmall-int-bits`, 31 by default).
#[derive(Clone, Debug)]
pub struct CompileOptions {
    pub opt_level: u8,
    pub small_int_bits: u8,
    /// Asked as the compiler goes whether memory is running low; when it
    /// is, the compilation stops with one
    /// [`DiagnosticKind::OutOfMemory`](crate::DiagnosticKind::OutOfMemory)
    /// error (see [`crate::memory`]). `None` on the host.
    pub memory_low: Option<fn() -> bool>,
}

impl Default for CompileOptions {
    fn default() -> CompileOptions {
        CompileOptions { opt_level: 0, small_int_bits: 31, memory_low: None }
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

/// What the source is, as the modes of Python's `compile`: a file of
/// statements (`exec`), one expression whose value the code returns
/// (`eval`), or one REPL entry whose module-level expression statements
/// print their values through the builtin `__repl_print__` (`single`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompileMode {
    #[default]
    Exec,
    Eval,
    Single,
}

/// Compiles Python source to a module. `source_name` becomes qstr 0 (the
/// module's `__file__` and the file name in tracebacks).
pub fn compile(source: &[u8], source_name: &str, options: &CompileOptions) -> Result<MpyModule, Vec<Diagnostic>> {
    compile_mode(source, source_name, options, CompileMode::Exec)
}

/// [`compile`] in a given mode. In `Eval` mode anything but one expression
/// (and blank lines or comments around it) is a syntax error, as in
/// MicroPython.
pub fn compile_mode(
    source: &[u8],
    source_name: &str,
    options: &CompileOptions,
    mode: CompileMode,
) -> Result<MpyModule, Vec<Diagnostic>> {
    // MicroPython 1.27 reads an f-string nested in another as its own
    // rewritten text; it keeps every line where it is.
    let probe = MemoryProbe(options.memory_low);
    let out_of_memory = || alloc::vec![Diagnostic::out_of_memory(crate::ast::Span::new(0, 0))];
    let rewritten = crate::nested_fstrings::rewrite(source, probe).map_err(|_| out_of_memory())?;
    let source = rewritten.as_deref().unwrap_or(source);
    let parsed = crate::parse_with_memory_probe(source, options.memory_low);
    if parsed.errors.first().is_some_and(|error| error.kind == DiagnosticKind::OutOfMemory) {
        return Err(parsed.errors);
    }
    // MicroPython parses `eval` and `single` input with their own grammar,
    // so a statement that breaks it is reported before any later error.
    if let Some(at) = mode_error(source, &parsed.module.body, mode) {
        if parsed.errors.first().is_none_or(|error| at <= error.span.start) {
            return Err(alloc::vec![Diagnostic::syntax("invalid syntax", crate::ast::Span::new(at, at))]);
        }
    }
    let module = parsed.into_result()?;
    let codegen_options = CodegenOptions {
        opt_level: options.opt_level.min(3),
        small_int_bits: (options.small_int_bits as u32).clamp(8, 63),
        mode,
        probe,
    };
    let mut compiler = Compiler::new(source, codegen_options, BUILTIN_LONG_QSTRS);
    compiler.tables.use_qstr(source_name);
    let mut compiled = compiler.compile_module(&module).map_err(|error| alloc::vec![error])?;
    let qstrs: Vec<String> = core::mem::take(&mut compiled.tables.qstrs);
    let objects = compiled.tables.objects.iter().map(to_constant).collect();
    let root = build_raw_code(&mut compiled, 0, 0);
    if probe.is_low() {
        return Err(out_of_memory());
    }
    Ok(MpyModule { small_int_bits: options.small_int_bits, qstrs, objects, root })
}

/// Where a module body that parsed as a file breaks the grammar of `mode`,
/// as MicroPython's parser reads it: `eval` input is one expression that
/// starts on the first line (a blank or comment line before it is an
/// error) and is not followed by `;`; a `single` entry is one statement
/// line (simple statements joined by `;`) or one compound statement.
fn mode_error(source: &[u8], body: &[crate::ast::Stmt], mode: CompileMode) -> Option<u32> {
    use crate::ast::StmtKind;
    if mode != CompileMode::Eval {
        // A logical line continued into the end of the input gets no
        // NEWLINE token in MicroPython's lexer, so its statement is
        // unfinished (and `single` input without one is too).
        match trailing_continuation(source) {
            Some(true) => return Some(source.len() as u32),
            Some(false) if mode == CompileMode::Single && body.is_empty() => return Some(source.len() as u32),
            _ => {}
        }
    }
    match mode {
        CompileMode::Exec => None,
        CompileMode::Eval => {
            let Some(statement) = body.first() else { return Some(0) };
            let is_expression = match &statement.kind {
                StmtKind::Expr(value) => {
                    !matches!(value.kind, crate::ast::ExprKind::Yield(_) | crate::ast::ExprKind::YieldFrom(_))
                }
                _ => false,
            };
            if !is_expression {
                return Some(statement.span.start);
            }
            if let Some(second) = body.get(1) {
                return Some(second.span.start);
            }
            let start = statement.span.start as usize;
            let before = source.get(..start).unwrap_or_default();
            let mut joined = before.split(|&byte| byte == b'\n');
            let first_line = joined.next().unwrap_or_default();
            let continued = before.len() == first_line.len()
                || before.windows(2).filter(|pair| pair == b"\\\n").count()
                    == before.iter().filter(|&&byte| byte == b'\n').count();
            if before.contains(&b'#') || !continued {
                return Some(statement.span.start);
            }
            let after = source.get(statement.span.end as usize..).unwrap_or_default();
            match after.iter().find(|byte| !byte.is_ascii_whitespace()) {
                Some(b';') => Some(statement.span.end),
                _ => None,
            }
        }
        CompileMode::Single => {
            let index = crate::diagnostic::LineIndex::new(source);
            body.windows(2).find_map(|pair| {
                let same_line = index.line(pair[0].span.end) == index.line(pair[1].span.start);
                (!same_line).then_some(pair[1].span.start)
            })
        }
    }
}

/// Whether `source` ends with a backslash line continuation (`None`: it
/// does not), and if so whether the logical line it continues holds
/// anything but blanks. A backslash in a comment continues nothing; one in
/// a string at the end of the input is an error of its own.
fn trailing_continuation(source: &[u8]) -> Option<bool> {
    let mut rest = strip_line_end(source).strip_suffix(b"\\")?;
    let mut last_line = true;
    loop {
        let start = rest.iter().rposition(|&byte| byte == b'\n' || byte == b'\r').map_or(0, |at| at + 1);
        let line = &rest[start..];
        if opens_comment(line) {
            // This line ends in a comment: it is not part of the continued line.
            return if last_line { None } else { Some(false) };
        }
        last_line = false;
        if line.iter().any(|byte| !byte.is_ascii_whitespace()) {
            return Some(true);
        }
        match strip_line_end(&rest[..start]).strip_suffix(b"\\") {
            Some(previous) if start > 0 => rest = previous,
            _ => return Some(false),
        }
    }
}

/// `text` without one line end (`\n`, `\r\n` or `\r`) at its end.
fn strip_line_end(text: &[u8]) -> &[u8] {
    let text = text.strip_suffix(b"\n").unwrap_or(text);
    text.strip_suffix(b"\r").unwrap_or(text)
}

/// Whether a physical line has a `#` outside its one-line strings.
fn opens_comment(line: &[u8]) -> bool {
    let mut quote = None;
    let mut index = 0;
    while index < line.len() {
        let byte = line[index];
        match quote {
            Some(_) if byte == b'\\' => index += 1,
            Some(open) if byte == open => quote = None,
            Some(_) => {}
            None if byte == b'#' => return true,
            None if byte == b'"' || byte == b'\'' => quote = Some(byte),
            None => {}
        }
        index += 1;
    }
    false
}

/// Compiles Python source straight to the bytes of a `.mpy` file.
pub fn compile_to_mpy(source: &[u8], source_name: &str, options: &CompileOptions) -> Result<Vec<u8>, Vec<Diagnostic>> {
    compile(source, source_name, options).map(|module| module.to_bytes())
}
