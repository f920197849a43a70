//! The builtin `input(prompt)`, as MicroPython's: the prompt is printed,
//! then one line is read from the console with the REPL's line editor
//! (`readline.rs`: echo, cursor keys, backspace as `\b ESC [K`, the history
//! the REPL shares, which gets the line too), and returned without its
//! line end.
//!
//! While `input` waits, code is running, so the console's interrupt
//! character is Ctrl-C and arrives as a pending interrupt: it raises
//! `KeyboardInterrupt`, as does a Ctrl-C byte reaching the editor. Ctrl-D
//! on an empty line raises `EOFError`; Ctrl-A, Ctrl-B or Ctrl-E on an
//! empty line end it with `''`, as MicroPython's readline returns for them.
//! When the console's input ends for good (`Port::stdin_closed`, a closed
//! pipe on the host) an empty line raises `EOFError` and a partial one is
//! returned (MicroPython would wait for ever). A terminal that edits and
//! shows the line itself (`Port::echoes_input`, the host's in its normal
//! mode) gets nothing echoed.

use super::readline::{Edit, LineEditor};
use super::{CTRL_C, CTRL_D};
use crate::builtins::check_args;
use crate::obj::repr::{Sink, Style};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

/// How long `input` sleeps between two polls of an idle console.
const POLL_US: u64 = 1000;

/// `input(prompt)`.
pub(crate) fn input(vm: &mut Vm<'_>, args: &[Obj], _kw: &[Obj]) -> R<Obj> {
    check_args(vm, args, 0, 1)?;
    if let Some(&prompt) = args.first() {
        vm.print_obj(Sink::Stdout, prompt, Style::Str)?;
    }
    let history = vm.line_history()?;
    let mut editor =
        if vm.port.echoes_input() { LineEditor::for_editing_terminal(history) } else { LineEditor::new(history) };
    vm.editor_start(&mut editor, b"", false, 0);
    loop {
        let Some(byte) = next_byte(vm)? else {
            if editor.text().is_empty() {
                return Err(vm.raise_type(TypeId::EOFError));
            }
            break;
        };
        match vm.editor_byte(&mut editor, byte)? {
            Edit::Pending => {}
            Edit::Line => break,
            Edit::Control(CTRL_C) => return Err(vm.raise_type(TypeId::KeyboardInterrupt)),
            Edit::Control(CTRL_D) if editor.text().is_empty() => return Err(vm.raise_type(TypeId::EOFError)),
            Edit::Control(_) => break,
        }
    }
    let text = editor.text();
    if core::str::from_utf8(text).is_err() {
        return Err(vm.raise_msg(TypeId::UnicodeError, "invalid utf-8 on the console"));
    }
    vm.new_str(text)
}

/// The next console byte, waiting for it; `None` when the console's input
/// has ended. The interrupt character raises `KeyboardInterrupt`.
fn next_byte(vm: &mut Vm<'_>) -> R<Option<u8>> {
    loop {
        if vm.port.take_interrupt() {
            return Err(vm.raise_type(TypeId::KeyboardInterrupt));
        }
        if let Some(byte) = vm.read_stdin_byte() {
            return Ok(Some(byte));
        }
        if vm.port.stdin_closed() {
            return Ok(None);
        }
        vm.port.sleep_us(POLL_US);
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use std::collections::VecDeque;
    use std::vec::Vec;

    use crate::image::ImageView;
    use crate::obj::{Obj, TypeId};
    use crate::port::{Config, Port};
    use crate::vm::Vm;

    /// A console with bytes typed in advance; `terminal_edits` says whether
    /// it shows and edits lines itself (the host's terminal) or is a
    /// board's serial line, which shows only what the board sends.
    struct Console {
        typed: VecDeque<u8>,
        shown: Vec<u8>,
        terminal_edits: bool,
    }

    impl Port for Console {
        fn write_stdout(&mut self, bytes: &[u8]) {
            self.shown.extend_from_slice(bytes);
        }
        fn read_stdin_byte(&mut self) -> Option<u8> {
            self.typed.pop_front()
        }
        fn stdin_closed(&mut self) -> bool {
            self.typed.is_empty()
        }
        fn echoes_input(&self) -> bool {
            self.terminal_edits
        }
    }

    /// Calls `input` once for each of `prompts`: the str returned, or the
    /// type of the exception raised; and what the console showed.
    fn read_lines(
        typed: &[u8],
        terminal_edits: bool,
        prompts: &[Option<&str>],
    ) -> (Vec<Result<Vec<u8>, TypeId>>, Vec<u8>) {
        let mut heap = std::vec![0u8; 32 * 1024];
        let mut console = Console { typed: typed.iter().copied().collect(), shown: Vec::new(), terminal_edits };
        let mut results = Vec::new();
        {
            let mut vm = Vm::new(&mut heap, ImageView::empty(), &mut console, Config::host())
                .unwrap_or_else(|_| panic!("the VM starts"));
            for prompt in prompts {
                let args: Vec<Obj> =
                    prompt.iter().map(|text| vm.new_str(text.as_bytes()).unwrap_or(Obj::NONE)).collect();
                results.push(match super::input(&mut vm, &args, &[]) {
                    Ok(line) => Ok(vm.str_bytes(line).to_vec()),
                    Err(_) => Err(vm.native_type(vm.exc)),
                });
                vm.exc = Obj::NULL;
            }
        }
        (results, console.shown)
    }

    /// The bytes and results of MicroPython 1.27's unix port given the same
    /// typing on a pipe (its readline echoes there too).
    #[test]
    fn edits_echoes_and_shares_the_history_as_micropython() {
        let (lines, shown) =
            read_lines(b"ab\x7fc\rxy\r\x1b[A\x1b[A\r\x02\x04", false, &[Some("? "), None, None, None, None]);
        let expected: [Result<&[u8], TypeId>; 5] = [Ok(b"ac"), Ok(b"xy"), Ok(b"ac"), Ok(b""), Err(TypeId::EOFError)];
        assert_eq!(lines, expected.map(|line| line.map(<[u8]>::to_vec)));
        assert_eq!(shown, b"? ab\x08\x1b[Kc\r\nxy\r\nxy\x08\x08ac\r\n");
    }

    #[test]
    fn a_terminal_line_end_counts_once_and_the_end_of_input_ends_a_line() {
        let (lines, shown) = read_lines(b"one\r\ntwo\n\nthr", false, &[None, None, None, None, None]);
        let expected: [Result<&[u8], TypeId>; 5] = [Ok(b"one"), Ok(b"two"), Ok(b""), Ok(b"thr"), Err(TypeId::EOFError)];
        assert_eq!(lines, expected.map(|line| line.map(<[u8]>::to_vec)));
        assert_eq!(shown, b"one\r\ntwo\r\n\r\nthr");
    }

    #[test]
    fn a_terminal_that_edits_lines_gets_no_echo() {
        let (lines, shown) = read_lines(b"a\x1b[Db\r\n", true, &[Some("name? "), None]);
        let expected: [Result<&[u8], TypeId>; 2] = [Ok(b"a\x1b[Db"), Err(TypeId::EOFError)];
        assert_eq!(lines, expected.map(|line| line.map(<[u8]>::to_vec)));
        assert_eq!(shown, b"name? ");
    }
}
