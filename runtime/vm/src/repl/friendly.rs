//! The friendly REPL, as MicroPython's: the banner, `>>> ` and `... `
//! prompts, continuation lines (a compound statement, an open bracket or
//! triple quote, a trailing backslash) with auto-indent, and the control
//! keys on an empty line: Ctrl-A to the raw REPL, Ctrl-B the banner again,
//! Ctrl-C a fresh prompt, Ctrl-D a soft reset, Ctrl-E paste mode (`=== `
//! prompts, Ctrl-D runs what was pasted, Ctrl-C drops it).

use super::execute::{Executed, InputKind};
use super::readline::{Edit, LineEditor};
use super::{ReplEnd, ReplMode, CTRL_A, CTRL_B, CTRL_C, CTRL_D, CTRL_E};
use crate::obj::{Obj, TypeId};
use crate::vm::{Vm, R};

const PRIMARY_PROMPT: &[u8] = b">>> ";
const CONTINUATION_PROMPT: &[u8] = b"... ";

/// What one friendly-REPL input came to.
enum Input {
    /// Run this (a buffer) as this kind of input.
    Run(Obj, InputKind),
    /// Nothing to run: prompt again.
    Nothing,
    /// Write the banner again (Ctrl-B).
    Banner,
    /// Leave: the mode changed, or a soft reset.
    Leave(Option<ReplEnd>),
}

impl Vm<'_> {
    /// Serves the friendly REPL until the raw REPL is asked for (`None`, with
    /// `mode` changed) or a soft reset.
    pub(crate) fn friendly_repl(&mut self, mode: &mut ReplMode) -> Option<ReplEnd> {
        let history = match self.line_history() {
            Ok(history) => history,
            Err(_) => return Some(ReplEnd::SoftReset),
        };
        let mark = self.root_mark();
        let mut editor = LineEditor::new(history);
        self.write_banner();
        let end = loop {
            // A locked heap has no way out but a reset: unlock it, as MicroPython does.
            self.gc.locked = 0;
            let input = self.friendly_input(&mut editor, mode);
            match input {
                Ok(Input::Run(source, kind)) => {
                    if self.repl_execute(source, kind, false) == Executed::ForcedExit {
                        break Some(ReplEnd::SoftReset);
                    }
                }
                Ok(Input::Nothing) => {}
                Ok(Input::Banner) => self.write_banner(),
                Ok(Input::Leave(end)) => break end,
                Err(_) => {
                    let exc = self.exc;
                    self.exc = Obj::NULL;
                    let _ = self.print_traceback(crate::obj::repr::Sink::Stdout, exc);
                    self.exc = Obj::NULL;
                }
            }
        };
        self.pop_roots(mark);
        end
    }

    /// Reads one input: a line, the continuation lines it needs, or a paste.
    fn friendly_input(&mut self, editor: &mut LineEditor, mode: &mut ReplMode) -> R<Input> {
        self.editor_start(editor, PRIMARY_PROMPT, false, 0);
        let edit = self.read_line(editor)?;
        match edit {
            Edit::Control(CTRL_A) => {
                self.console_write(b"\r\n");
                *mode = ReplMode::Raw;
                return Ok(Input::Leave(None));
            }
            Edit::Control(CTRL_B) => {
                self.console_write(b"\r\n");
                return Ok(Input::Banner);
            }
            Edit::Control(CTRL_D) => {
                self.console_write(b"\r\n");
                return Ok(Input::Leave(Some(ReplEnd::SoftReset)));
            }
            Edit::Control(CTRL_E) => return self.paste_mode(),
            Edit::Control(_) => {
                self.console_write(b"\r\n");
                return Ok(Input::Nothing);
            }
            Edit::Line | Edit::Pending => {}
        }
        if editor.text().is_empty() {
            return Ok(Input::Nothing);
        }
        let statement = self.new_buffer(TypeId::Buffer, editor.text().len() + 1)?;
        self.push_root(statement)?;
        self.push_line(statement, editor)?;
        while continue_with_input(self.str_bytes(statement)) {
            self.buffer_push(statement, b"\n")?;
            let indent = auto_indent(self.str_bytes(statement));
            self.editor_start(editor, CONTINUATION_PROMPT, true, indent);
            match self.read_line(editor)? {
                Edit::Control(CTRL_C) => {
                    self.console_write(b"\r\n");
                    return Ok(Input::Nothing);
                }
                Edit::Control(CTRL_D) => break,
                _ => self.push_line(statement, editor)?,
            }
        }
        Ok(Input::Run(statement, InputKind::Single))
    }

    /// Appends the edited line to a statement buffer (copied out first: the buffer may move).
    fn push_line(&mut self, statement: Obj, editor: &LineEditor) -> R<()> {
        self.buffer_push(statement, editor.text())
    }

    /// Feeds console bytes to the editor until it has a line or a control key.
    fn read_line(&mut self, editor: &mut LineEditor) -> R<Edit> {
        loop {
            let byte = self.console_read_byte();
            match self.editor_byte(editor, byte)? {
                Edit::Pending => {}
                edit => return Ok(edit),
            }
        }
    }

    /// Paste mode: every byte is taken as it comes (a carriage return starts
    /// a `=== ` line) until Ctrl-D runs it all as a program or Ctrl-C drops it.
    fn paste_mode(&mut self) -> R<Input> {
        self.console_write(b"\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
        let source = self.new_buffer(TypeId::Buffer, 64)?;
        self.push_root(source)?;
        loop {
            let byte = self.console_read_byte();
            match byte {
                CTRL_C => {
                    self.console_write(b"\r\n");
                    return Ok(Input::Nothing);
                }
                CTRL_D => {
                    self.console_write(b"\r\n");
                    return Ok(Input::Run(source, InputKind::File));
                }
                b'\r' => {
                    // MicroPython's lexer reads a lone carriage return as a newline.
                    self.buffer_push(source, b"\n")?;
                    self.console_write(b"\r\n=== ");
                }
                _ => {
                    self.buffer_push(source, &[byte])?;
                    self.console_write(&[byte]);
                }
            }
        }
    }
}

/// Whether a statement needs another line, by MicroPython's rules: an open
/// triple quote, an open bracket outside a one-line quote, a trailing
/// backslash, or a compound statement (`if`, `while`, `for`, `try`, `with`,
/// `def`, `class`, `async`, a decorator) whose last line is not empty.
pub(crate) fn continue_with_input(input: &[u8]) -> bool {
    let Some(&last) = input.last() else { return false };
    let starts_compound = input[0] == b'@'
        || [&b"if"[..], b"while", b"for", b"try", b"with", b"def", b"class", b"async"].iter().any(|keyword| {
            input.starts_with(keyword)
                && input.get(keyword.len()).is_none_or(|&next| !(next.is_ascii_alphanumeric() || next == b'_'))
        });
    #[derive(PartialEq)]
    enum Quote {
        None,
        Single1,
        Double1,
        Single3,
        Double3,
    }
    let mut quote = Quote::None;
    let mut brackets = [0i32; 3];
    let mut index = 0;
    while index < input.len() {
        let byte = input[index];
        let tripled =
            |quote_byte: u8| input.get(index + 1) == Some(&quote_byte) && input.get(index + 2) == Some(&quote_byte);
        match byte {
            b'\'' | b'"' => {
                let (one, three) =
                    if byte == b'\'' { (Quote::Single1, Quote::Single3) } else { (Quote::Double1, Quote::Double3) };
                if (quote == Quote::None || quote == three) && tripled(byte) {
                    index += 2;
                    quote = if quote == Quote::None { three } else { Quote::None };
                } else if quote == Quote::None || quote == one {
                    quote = if quote == Quote::None { one } else { Quote::None };
                }
            }
            b'\\' if matches!(input.get(index + 1), Some(b'\'' | b'"' | b'\\')) => {
                if quote != Quote::None {
                    index += 1;
                }
            }
            b'(' | b'[' | b'{' if quote == Quote::None => brackets[bracket_kind(byte)] += 1,
            b')' | b']' | b'}' if quote == Quote::None => brackets[bracket_kind(byte)] -= 1,
            _ => {}
        }
        index += 1;
    }
    if quote == Quote::Single3 || quote == Quote::Double3 {
        return true;
    }
    if brackets.iter().any(|&count| count > 0) && quote == Quote::None {
        return true;
    }
    last == b'\\' || (starts_compound && last != b'\n')
}

/// Which of `()`, `[]`, `{}` a bracket byte is.
fn bracket_kind(byte: u8) -> usize {
    match byte {
        b'(' | b')' => 0,
        b'[' | b']' => 1,
        _ => 2,
    }
}

/// How many levels of four spaces a continuation line starts with, by
/// MicroPython's rule: the previous line's indent, one more after a colon,
/// none after two lines of only spaces. `statement` ends with `\n`.
pub(crate) fn auto_indent(statement: &[u8]) -> usize {
    let len = statement.len();
    if len < 2 || statement[len - 1] != b'\n' {
        return 0;
    }
    let line_start = statement[..len - 1].iter().rposition(|&byte| byte == b'\n').map_or(0, |at| at + 1);
    let first_non_space =
        statement[line_start..].iter().position(|&byte| byte != b' ').map_or(len, |offset| line_start + offset);
    if line_start > 0 && first_non_space + 1 == len {
        // The previous line is only spaces: no indent when the one before it is too.
        let before = &statement[..line_start - 1];
        let before_start = before.iter().rposition(|&byte| byte == b'\n').map_or(0, |at| at + 1);
        if before_start > 0 && before[before_start..].iter().all(|&byte| byte == b' ') {
            return 0;
        }
    }
    let mut levels = (first_non_space - line_start) / 4;
    if statement[len - 2] == b':' {
        levels += 1;
    }
    levels
}
