//! Printing an exception with its traceback, in MicroPython's format:
//!
//! ```text
//! Traceback (most recent call last):
//!   File "main.py", line 3, in <module>
//! ValueError: msg
//! ```

use crate::obj::repr::Sink;
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

impl Vm<'_> {
    /// Prints `exc` with its traceback to `sink`.
    pub fn print_traceback(&mut self, sink: Sink, exc: Obj) -> R<()> {
        let mark = self.root_mark();
        self.push_root(exc)?;
        if self.is_heap(exc) && self.is_exception(exc) {
            let traceback = self.get(exc, 2);
            if !traceback.is_null() && self.native_type(traceback) == TypeId::List {
                self.emit(sink, b"Traceback (most recent call last):\n")?;
                let count = self.list_len(traceback) / 3;
                for entry in (0..count).rev() {
                    let file = self.list_item(traceback, 3 * entry);
                    let line = self.list_item(traceback, 3 * entry + 1);
                    let name = self.list_item(traceback, 3 * entry + 2);
                    self.emit(sink, b"  File \"")?;
                    self.emit_str(sink, file)?;
                    self.emit_fmt(sink, format_args!("\", line {}", line.small_value()))?;
                    // A compile error's entry names no function.
                    if !name.is_none() {
                        self.emit(sink, b", in ")?;
                        self.emit_str(sink, name)?;
                    }
                    self.emit(sink, b"\n")?;
                }
            }
        }
        let name = self.type_name(exc);
        self.emit_str(sink, Obj::qstr(name))?;
        if self.is_exception(exc) {
            // MicroPython prints the colon even when there are no arguments,
            // and the arguments themselves, not what a class's `__str__` says.
            self.emit(sink, b": ")?;
            self.print_exception_args(sink, exc, 0)?;
        }
        self.emit(sink, b"\n")?;
        self.pop_roots(mark);
        Ok(())
    }
}
