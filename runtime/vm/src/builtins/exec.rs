//! `exec`, `eval`, `compile` and `__repl_print__`, MicroPython's builtins
//! around the compiler on the board (`crate::compile`).
//!
//! Without the `compiler` feature (firmware that runs only frozen code) the
//! first three raise `NotImplementedError: compiler not included` rather
//! than vanishing, so a program that needs them says why it cannot run.

use super::check_args;
use crate::obj::repr::{Sink, Style};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

/// `__repl_print__(value)`: what code compiled in `single` mode calls for
/// each expression statement of the module body: the repr and a newline,
/// unless the value is None.
pub(crate) fn repl_print(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 1, 1)?;
    if !args[0].is_none() {
        vm.print_obj(Sink::Stdout, args[0], Style::Repr)?;
        vm.emit(Sink::Stdout, b"\n")?;
    }
    Ok(Obj::NONE)
}

#[cfg(feature = "compiler")]
mod with_compiler {
    use super::*;
    use crate::compile::CompileMode;

    /// The longest file name `compile` keeps (longer ones are cut).
    const MAX_FILENAME: usize = 128;

    /// `exec(source or code, globals=None, locals=None)`.
    pub(crate) fn exec(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
        eval_exec(vm, args, CompileMode::Exec)
    }

    /// `eval(source or code, globals=None, locals=None)`.
    pub(crate) fn eval(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
        eval_exec(vm, args, CompileMode::Eval)
    }

    /// `compile(source, filename, mode)`: a code object.
    pub(crate) fn compile(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
        check_args(vm, args, 3, 6)?;
        let mode = match vm.str_bytes(args[2]) {
            b"exec" if vm.is_str(args[2]) => CompileMode::Exec,
            b"eval" if vm.is_str(args[2]) => CompileMode::Eval,
            b"single" if vm.is_str(args[2]) => CompileMode::Single,
            _ => return Err(vm.raise_msg(TypeId::ValueError, "bad compile mode")),
        };
        source_text(vm, args[0])?;
        vm.expect_str(args[1], "can't convert to str implicitly:")?;
        // A copy on the stack: on the boards nothing may allocate outside
        // a compilation's arena, and the name is a heap object's text.
        let mut buffer = [0u8; MAX_FILENAME];
        let name = vm.str_bytes(args[1]);
        let mut len = name.len().min(MAX_FILENAME);
        while core::str::from_utf8(&name[..len]).is_err() {
            len -= 1;
        }
        buffer[..len].copy_from_slice(&name[..len]);
        let filename = core::str::from_utf8(&buffer[..len]).unwrap_or("?");
        vm.compile_text(args[0], filename, mode)
    }

    /// Raises TypeError unless `source` is a str, bytes or bytearray.
    fn source_text(vm: &mut Vm<'_>, source: Obj) -> R<()> {
        if vm.is_str(source) || vm.is_bytes_like(source) {
            Ok(())
        } else {
            Err(vm.type_error_for("object with buffer protocol required, not", source))
        }
    }

    fn eval_exec(vm: &mut Vm<'_>, args: &[Obj], mode: CompileMode) -> R<Obj> {
        check_args(vm, args, 1, 3)?;
        // The caller's globals and module-level names, unless given; a
        // dict given as globals is the locals too unless those are given.
        let mut globals = super::super::funcs::globals_dict(vm)?;
        let mut locals = caller_locals(vm, globals);
        for (index, &arg) in args.iter().enumerate().skip(1) {
            if arg.is_none() {
                continue;
            }
            if !arg.is_ptr() || vm.native_type(arg) != TypeId::Dict {
                return Err(vm.raise_msg(TypeId::TypeError, "dict required"));
            }
            locals = arg;
            if index == 1 {
                globals = arg;
            }
        }
        let code = if vm.is_heap(args[0]) && vm.native_type(args[0]) == TypeId::Code {
            args[0]
        } else {
            source_text(vm, args[0])?;
            vm.with_roots(&[globals, locals], |vm| vm.compile_text(args[0], "<string>", mode))?
        };
        vm.with_roots(&[code, globals, locals], |vm| vm.run_code(code, globals, locals))
    }

    /// The names dict of the code calling `exec`/`eval`: the module's (or
    /// class body's) locals at module level; the globals inside a function,
    /// as MicroPython.
    fn caller_locals(vm: &Vm<'_>, globals: Obj) -> Obj {
        let frame = vm.frame;
        if frame.is_null() {
            return globals;
        }
        let locals = vm.get(frame, crate::interp::frame::F_LOCALS);
        if locals.is_ptr() && vm.is_heap(locals) && vm.native_type(locals) == TypeId::Dict {
            locals
        } else {
            globals
        }
    }
}

#[cfg(feature = "compiler")]
pub(crate) use with_compiler::{compile, eval, exec};

#[cfg(not(feature = "compiler"))]
mod without_compiler {
    use super::*;

    fn not_included(vm: &mut Vm<'_>) -> crate::vm::Raised {
        vm.raise_msg(TypeId::NotImplementedError, "compiler not included")
    }

    pub(crate) fn exec(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
        Err(not_included(vm))
    }

    pub(crate) fn eval(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
        Err(not_included(vm))
    }

    pub(crate) fn compile(vm: &mut Vm<'_>, _args: &[Obj], _kw: &[Obj]) -> R<Obj> {
        Err(not_included(vm))
    }
}

#[cfg(not(feature = "compiler"))]
pub(crate) use without_compiler::{compile, eval, exec};
