//! Running one REPL input, as MicroPython's `pyexec` does: the source is
//! compiled (mode `single` for a friendly-REPL statement, `exec` for paste
//! mode and the raw REPL) and run in the REPL's globals with Ctrl-C as the
//! interrupt character; an uncaught exception's traceback goes to the
//! console; `SystemExit` asks for a soft reset. In the raw REPL the output
//! is framed: `\x04` after the normal output and `\x04` after the error
//! output.
//!
//! The REPL's globals are those of `__main__`: the frozen main module's when
//! it ran, so its names are there to inspect, otherwise a dict of their own
//! with `__name__ = '__main__'`, kept in `Vm::repl_globals`.

use crate::obj::repr::Sink;
use crate::obj::{Obj, TypeId};
use crate::vm::{Raised, Vm, R};

/// How the source is compiled, as `compile()`'s modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InputKind {
    /// One statement typed at `>>> `: an expression's value is printed and kept in `_`.
    Single,
    /// A whole program: paste mode and the raw REPL.
    File,
}

/// How running an input ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Executed {
    /// It ran to the end, or its exception was printed.
    Done,
    /// `SystemExit`: the REPL ends with a soft reset.
    ForcedExit,
}

impl Vm<'_> {
    /// The REPL's globals: `__main__`'s when the main module ran, else the REPL's own dict.
    pub(crate) fn repl_globals(&mut self) -> R<Obj> {
        if !self.repl_globals.is_null() {
            return Ok(self.repl_globals);
        }
        let modules = self.modules;
        let globals = match self.map_get_qstr(modules, q!("__main__")) {
            Some(module) if self.is_heap(module) && self.native_type(module) == TypeId::Module => self.get(module, 1),
            _ => {
                let globals = self.new_dict(8)?;
                self.repl_globals = globals;
                self.map_set(globals, q!("__name__"), q!("__main__"))?;
                globals
            }
        };
        self.repl_globals = globals;
        Ok(globals)
    }

    /// Runs the image's main module before the REPL, printing an uncaught
    /// exception's traceback; true when it ended with `SystemExit` (the
    /// board then soft-resets, as MicroPython after `main.py`).
    pub(crate) fn run_main_for_repl(&mut self) -> bool {
        self.port.set_interrupt_char(Some(super::CTRL_C));
        let result = self.run_main();
        self.port.set_interrupt_char(None);
        match result {
            Ok(_) => false,
            Err(Raised) => self.report_uncaught() == Executed::ForcedExit,
        }
    }

    /// Runs `boot.py` and, with `with_main`, `main.py` from the filesystem
    /// before the REPL, in the REPL's globals as MicroPython runs them
    /// (their tracebacks are printed); true when one ended with
    /// `SystemExit` and a status (the board then soft-resets).
    pub fn run_boot_scripts_for_repl(&mut self, with_main: bool) -> bool {
        let globals = match self.repl_globals() {
            Ok(globals) => globals,
            Err(Raised) => return self.report_uncaught() == Executed::ForcedExit,
        };
        self.port.set_interrupt_char(Some(super::CTRL_C));
        let outcome = self.run_boot_scripts_in(globals, with_main);
        self.port.set_interrupt_char(None);
        self.port.take_interrupt();
        matches!(outcome, crate::Outcome::Exit(_))
    }

    /// Compiles and runs `source` (a str or bytes) in the REPL's globals.
    /// With `framed`, `\x04` follows the normal output and the error output.
    pub(crate) fn repl_execute(&mut self, source: Obj, kind: InputKind, framed: bool) -> Executed {
        let result = self.with_roots(&[source], |vm| {
            let globals = vm.repl_globals()?;
            vm.port.set_interrupt_char(Some(super::CTRL_C));
            let ran = vm.compile_and_run(source, kind, globals);
            vm.port.set_interrupt_char(None);
            // An interrupt that arrived as the code finished is dropped, as MicroPython clears it.
            vm.port.take_interrupt();
            ran
        });
        if framed {
            self.console_write(b"\x04");
        }
        let executed = match result {
            Ok(_) => Executed::Done,
            Err(Raised) => self.report_uncaught(),
        };
        if framed {
            self.console_write(b"\x04");
        }
        executed
    }

    /// Prints the uncaught exception in `exc` (unless it is `SystemExit`) and clears it.
    fn report_uncaught(&mut self) -> Executed {
        let exc = self.exc;
        self.exc = Obj::NULL;
        if self.is_a(exc, TypeId::SystemExit) {
            return Executed::ForcedExit;
        }
        if self.print_traceback(Sink::Stdout, exc).is_err() {
            self.exc = Obj::NULL;
            self.console_write(b"(error while printing the traceback)\r\n");
        }
        Executed::Done
    }

    /// Compiles `source` as `<stdin>` and runs it in `globals`.
    #[cfg(feature = "compiler")]
    fn compile_and_run(&mut self, source: Obj, kind: InputKind, globals: Obj) -> R<Obj> {
        let mode = match kind {
            InputKind::Single => crate::compile::CompileMode::Single,
            InputKind::File => crate::compile::CompileMode::Exec,
        };
        let code = self.compile_text(source, "<stdin>", mode)?;
        self.with_roots(&[code], |vm| vm.run_code(code, globals, globals))
    }

    /// Compiles `source` and runs it: this build has no compiler, so the
    /// error is MicroPython's for a firmware built without one.
    #[cfg(not(feature = "compiler"))]
    fn compile_and_run(&mut self, source: Obj, kind: InputKind, globals: Obj) -> R<Obj> {
        let _ = (source, kind, globals);
        Err(self.raise_msg(TypeId::RuntimeError, "script compilation not supported"))
    }
}
