//! The builtin `input(prompt='')`, as MicroPython's: the prompt is printed,
//! then a line is read from the console with the REPL's line editor (cursor
//! keys, history of this line's own edits), and returned without its newline.
//! Ctrl-C raises `KeyboardInterrupt` (while code runs it arrives as the
//! interrupt character, which the port picks out), Ctrl-D on an empty line
//! raises `EOFError`, and another control key on an empty line returns ''.

use super::readline::{Edit, LineEditor};
use super::{CTRL_C, CTRL_D};
use crate::builtins::check_args;
use crate::obj::repr::{Sink, Style};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

/// How long `input` sleeps between two polls of an idle console.
const POLL_US: u64 = 1000;

/// `input(prompt='')`.
pub fn input(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    if let Some(&prompt) = args.first() {
        vm.print_obj(Sink::Stdout, prompt, Style::Str)?;
    }
    let history = vm.new_list(0)?;
    vm.with_roots(&[history], |vm| {
        let mut editor = LineEditor::new(history);
        vm.editor_start(&mut editor, b"", false, 0);
        loop {
            let byte = loop {
                if vm.port.take_interrupt() {
                    return Err(vm.raise_type(TypeId::KeyboardInterrupt));
                }
                match vm.port.read_stdin_byte() {
                    Some(byte) => break byte,
                    None => vm.port.sleep_us(POLL_US),
                }
            };
            match vm.editor_byte(&mut editor, byte)? {
                Edit::Pending => {}
                Edit::Line => break,
                Edit::Control(CTRL_C) => return Err(vm.raise_type(TypeId::KeyboardInterrupt)),
                Edit::Control(CTRL_D) if editor.text().is_empty() => return Err(vm.raise_type(TypeId::EOFError)),
                Edit::Control(_) => break,
            }
        }
        vm.new_str(editor.text())
    })
}
