//! The friendly REPL's line editor, as MicroPython's `readline`: printable
//! characters insert at the cursor, backspace and delete, the VT100 cursor
//! keys (left, right, home and end in their `ESC [`, `ESC [ n ~` and `ESC O`
//! forms), the up and down arrows walking a history of the last eight lines,
//! the Emacs keys MicroPython's boards enable (Ctrl-A home on a non-empty
//! line, Ctrl-B left, Ctrl-D delete, Ctrl-E end, Ctrl-F right, Ctrl-K and
//! Ctrl-U kill, Ctrl-N and Ctrl-P history), tab completion or four spaces
//! after whitespace, and auto-indent for continuation lines.
//!
//! The editor redraws as MicroPython's does, so a terminal sees the same
//! bytes: a cursor step back is one `\b` for up to four columns and
//! `ESC [ n D` beyond, erasing to the end of line is `ESC [ K`.
//!
//! One line is edited at a time, in a fixed buffer of [`LINE_CAPACITY`]
//! bytes (a longer line is cut there); the statement a continuation line
//! belongs to is kept by the friendly REPL. The history is a Python list of
//! str on the heap (`Vm::repl_history`), which the REPL and `input` share,
//! as MicroPython's do. `input` edits its line here too; on a terminal
//! that edits and shows lines itself (the host's, in its normal mode) the
//! editor only collects the bytes up to the line end.

use super::complete::Completion;
use super::{CTRL_A, CTRL_B, CTRL_C, CTRL_D, CTRL_E, CTRL_F};
use crate::obj::Obj;
use crate::vm::{Vm, R};

/// The longest line the editor holds.
pub(crate) const LINE_CAPACITY: usize = 512;

/// How many lines the history keeps (MicroPython's default).
const HISTORY_SIZE: usize = 8;

const CTRL_K: u8 = 11;
const CTRL_N: u8 = 14;
const CTRL_P: u8 = 16;
const CTRL_U: u8 = 21;
const TAB: u8 = 9;
const ESCAPE: u8 = 27;

/// Where the editor is in a VT100 escape sequence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Escape {
    None,
    /// After `ESC`.
    Started,
    /// After `ESC [`.
    Bracket,
    /// After `ESC [` and a digit (kept in `escape_digit`).
    BracketDigit,
    /// After `ESC O`.
    LetterO,
}

/// What one byte did to the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Edit {
    /// Still editing.
    Pending,
    /// Enter: the line is complete (and was echoed with `\r\n`).
    Line,
    /// A control character the REPL handles (Ctrl-A to Ctrl-E on an empty line, Ctrl-C always).
    Control(u8),
}

/// The line being edited and the editor's state.
pub(crate) struct LineEditor {
    line: [u8; LINE_CAPACITY],
    len: usize,
    cursor: usize,
    escape: Escape,
    escape_digit: u8,
    /// The history entry shown (-1: the line typed).
    history_index: isize,
    /// Whether the terminal edits and shows the line itself (the host's,
    /// in its normal mode): the editor then takes the bytes as they come
    /// and writes nothing.
    terminal_edits: bool,
    /// Set right after auto-indent added spaces, until the next byte.
    indent_just_added: bool,
    /// Whether this line continues a statement (tab after the line start indents).
    continuation: bool,
    prompt: &'static [u8],
    /// The history: a list of str, newest first.
    pub history: Obj,
}

impl LineEditor {
    pub fn new(history: Obj) -> LineEditor {
        LineEditor {
            line: [0; LINE_CAPACITY],
            len: 0,
            cursor: 0,
            escape: Escape::None,
            escape_digit: 0,
            history_index: -1,
            terminal_edits: false,
            indent_just_added: false,
            continuation: false,
            prompt: b"",
            history,
        }
    }

    /// An editor for a terminal that edits and shows the line itself.
    pub fn for_editing_terminal(history: Obj) -> LineEditor {
        LineEditor { terminal_edits: true, ..LineEditor::new(history) }
    }

    /// The line typed so far.
    pub fn text(&self) -> &[u8] {
        &self.line[..self.len]
    }

    /// Inserts `bytes` at `at` (what does not fit is dropped).
    fn insert(&mut self, at: usize, bytes: &[u8]) -> usize {
        let count = bytes.len().min(LINE_CAPACITY - self.len);
        self.line.copy_within(at..self.len, at + count);
        self.line[at..at + count].copy_from_slice(&bytes[..count]);
        self.len += count;
        count
    }

    /// Removes `count` bytes from `at`.
    fn remove(&mut self, at: usize, count: usize) {
        self.line.copy_within(at + count..self.len, at);
        self.len -= count;
    }
}

impl Vm<'_> {
    /// The line history the REPL and `input` share, made on first use.
    pub(crate) fn line_history(&mut self) -> R<Obj> {
        if self.repl_history.is_null() {
            self.repl_history = self.new_list(0)?;
        }
        Ok(self.repl_history)
    }

    /// Starts a line: writes the prompt and, for a continuation line, the
    /// `indent` spaces auto-indent chose.
    pub(crate) fn editor_start(
        &mut self,
        editor: &mut LineEditor,
        prompt: &'static [u8],
        continuation: bool,
        indent: usize,
    ) {
        editor.len = 0;
        editor.cursor = 0;
        editor.escape = Escape::None;
        editor.history_index = -1;
        editor.prompt = prompt;
        editor.continuation = continuation;
        editor.indent_just_added = false;
        self.console_write(prompt);
        for _ in 0..indent {
            let added = editor.insert(editor.len, b"    ");
            editor.cursor += added;
            self.console_write(b"    ");
            editor.indent_just_added = true;
        }
    }

    /// Feeds one console byte to the editor.
    pub(crate) fn editor_byte(&mut self, editor: &mut LineEditor, byte: u8) -> R<Edit> {
        if editor.terminal_edits {
            return self.editor_edited_byte(editor, byte);
        }
        let old_len = editor.len;
        let mut step_back = 0;
        let mut redraw_from_cursor = false;
        let mut step_forward = 0;
        match editor.escape {
            Escape::None => {
                if (CTRL_A..=CTRL_E).contains(&byte) && editor.len == 0 {
                    return Ok(Edit::Control(byte));
                }
                match byte {
                    CTRL_A => step_back = editor.cursor,
                    CTRL_B => step_back = usize::from(editor.cursor > 0),
                    CTRL_C => return Ok(Edit::Control(byte)),
                    CTRL_D => redraw_from_cursor = self.editor_delete(editor),
                    CTRL_E => step_forward = editor.len - editor.cursor,
                    CTRL_F => step_forward = usize::from(editor.cursor < editor.len),
                    CTRL_K => {
                        editor.len = editor.cursor;
                        redraw_from_cursor = true;
                    }
                    CTRL_N => (step_back, step_forward, redraw_from_cursor) = self.editor_history(editor, -1)?,
                    CTRL_P => (step_back, step_forward, redraw_from_cursor) = self.editor_history(editor, 1)?,
                    CTRL_U => {
                        let cut = editor.cursor;
                        editor.remove(0, cut);
                        step_back = cut;
                        redraw_from_cursor = true;
                    }
                    b'\r' | b'\n' if self.console_last_newline == 0 || self.console_last_newline == byte => {
                        self.console_last_newline = byte;
                        self.console_write(b"\r\n");
                        self.editor_push_history(editor)?;
                        return Ok(Edit::Line);
                    }
                    _ => {
                        self.console_last_newline = 0;
                        match byte {
                            ESCAPE => editor.escape = Escape::Started,
                            8 | 127 => {
                                if editor.cursor > 0 {
                                    let all_spaces = editor.line[..editor.cursor].iter().all(|&b| b == b' ');
                                    let count = if all_spaces && editor.cursor >= 4 { 4 } else { 1 };
                                    editor.remove(editor.cursor - count, count);
                                    step_back = count;
                                    redraw_from_cursor = true;
                                }
                            }
                            TAB | b' ' if editor.indent_just_added => {
                                // A tab keeps the auto-indent; a space takes three of its four spaces back.
                                if byte == b' ' {
                                    step_back = 3;
                                    editor.len -= 3;
                                }
                            }
                            TAB => (redraw_from_cursor, step_forward) = self.editor_tab(editor)?,
                            32..=126 => {
                                let at = editor.cursor;
                                step_forward = editor.insert(at, &[byte]);
                                redraw_from_cursor = true;
                            }
                            _ => {}
                        }
                    }
                }
            }
            Escape::Started => {
                editor.escape = match byte {
                    b'[' => Escape::Bracket,
                    b'O' => Escape::LetterO,
                    _ => Escape::None,
                };
            }
            Escape::Bracket => {
                if byte.is_ascii_digit() {
                    editor.escape = Escape::BracketDigit;
                    editor.escape_digit = byte;
                } else {
                    editor.escape = Escape::None;
                    match byte {
                        b'A' => (step_back, step_forward, redraw_from_cursor) = self.editor_history(editor, 1)?,
                        b'B' => (step_back, step_forward, redraw_from_cursor) = self.editor_history(editor, -1)?,
                        b'C' => step_forward = usize::from(editor.cursor < editor.len),
                        b'D' => step_back = usize::from(editor.cursor > 0),
                        b'H' => step_back = editor.cursor,
                        b'F' => step_forward = editor.len - editor.cursor,
                        _ => {}
                    }
                }
            }
            Escape::BracketDigit => {
                editor.escape = Escape::None;
                if byte == b'~' {
                    match editor.escape_digit {
                        b'1' | b'7' => step_back = editor.cursor,
                        b'4' | b'8' => step_forward = editor.len - editor.cursor,
                        b'3' => redraw_from_cursor = self.editor_delete(editor),
                        _ => {}
                    }
                }
            }
            Escape::LetterO => {
                editor.escape = Escape::None;
                match byte {
                    b'H' => step_back = editor.cursor,
                    b'F' => step_forward = editor.len - editor.cursor,
                    _ => {}
                }
            }
        }
        self.editor_redraw(editor, old_len, step_back, redraw_from_cursor, step_forward);
        editor.indent_just_added = false;
        Ok(Edit::Pending)
    }

    /// One byte of a line the terminal edited and showed: a line end ends
    /// it (into the history, as a typed line), anything else is kept.
    fn editor_edited_byte(&mut self, editor: &mut LineEditor, byte: u8) -> R<Edit> {
        if matches!(byte, b'\r' | b'\n') && (self.console_last_newline == 0 || self.console_last_newline == byte) {
            self.console_last_newline = byte;
            self.editor_push_history(editor)?;
            return Ok(Edit::Line);
        }
        self.console_last_newline = 0;
        if !matches!(byte, b'\r' | b'\n') {
            editor.cursor += editor.insert(editor.len, &[byte]);
        }
        Ok(Edit::Pending)
    }

    /// Deletes the byte under the cursor; whether the line changed.
    fn editor_delete(&mut self, editor: &mut LineEditor) -> bool {
        if editor.cursor < editor.len {
            editor.remove(editor.cursor, 1);
            return true;
        }
        false
    }

    /// Tab: four spaces after whitespace (or at the start of a continuation
    /// line), else completion. Returns the redraw flag and step forward.
    fn editor_tab(&mut self, editor: &mut LineEditor) -> R<(bool, usize)> {
        let after_space = match editor.cursor {
            0 => editor.continuation,
            at => editor.line[at - 1].is_ascii_whitespace(),
        };
        if after_space {
            let at = editor.cursor;
            return Ok((true, editor.insert(at, b"    ")));
        }
        let mut addition = [0u8; LINE_CAPACITY];
        match self.repl_complete(&editor.line[..editor.cursor], &mut addition)? {
            Completion::None => Ok((false, 0)),
            Completion::Insert(count) => {
                let at = editor.cursor;
                Ok((true, editor.insert(at, &addition[..count])))
            }
            Completion::Listed => {
                // The matches were printed on lines of their own: draw the prompt and the line again.
                self.console_write(editor.prompt);
                self.console_write(&editor.line[..editor.cursor]);
                Ok((true, 0))
            }
        }
    }

    /// Moves through the history (`direction` 1: older, -1: newer); returns
    /// the redraw's step back, step forward and flag.
    fn editor_history(&mut self, editor: &mut LineEditor, direction: isize) -> R<(usize, usize, bool)> {
        let next = editor.history_index + direction;
        let count = self.list_len(editor.history) as isize;
        if next < -1 || next >= count.min(HISTORY_SIZE as isize) || (direction < 0 && editor.history_index < 0) {
            return Ok((0, 0, false));
        }
        editor.history_index = next;
        let step_back = editor.cursor;
        editor.len = 0;
        if next >= 0 {
            let entry = self.list_item(editor.history, next as u32);
            let mut copy = [0u8; LINE_CAPACITY];
            let bytes = self.str_bytes(entry);
            let len = bytes.len().min(LINE_CAPACITY);
            copy[..len].copy_from_slice(&bytes[..len]);
            editor.insert(0, &copy[..len]);
        }
        // The cursor stays where it was: the redraw steps back from there to the start.
        Ok((step_back, editor.len, true))
    }

    /// Puts a finished, non-empty line at the front of the history unless it repeats the newest.
    fn editor_push_history(&mut self, editor: &mut LineEditor) -> R<()> {
        if editor.len == 0 {
            return Ok(());
        }
        let history = editor.history;
        if self.list_len(history) > 0 {
            let newest = self.list_item(history, 0);
            if self.str_bytes(newest) == editor.text() {
                return Ok(());
            }
        }
        let entry = self.new_str(editor.text())?;
        self.list_insert(history, 0, entry)?;
        while self.list_len(history) as usize > HISTORY_SIZE {
            let last = self.list_len(history) - 1;
            self.list_remove_at(history, last);
        }
        Ok(())
    }

    /// Redraws after an edit as MicroPython's editor does: steps the cursor
    /// back, rewrites from the cursor (erasing what the line lost), and
    /// steps forward by writing over the line.
    fn editor_redraw(
        &mut self,
        editor: &mut LineEditor,
        old_len: usize,
        step_back: usize,
        redraw: bool,
        forward: usize,
    ) {
        if step_back > 0 {
            self.cursor_back(step_back);
            editor.cursor -= step_back.min(editor.cursor);
        }
        let cursor = editor.cursor;
        if redraw {
            if editor.len < old_len {
                self.console_write(b"\x1b[K");
            }
            let tail = editor.len - cursor;
            self.console_write(&editor.line[cursor..editor.len]);
            let forward = forward.min(tail);
            self.cursor_back(tail - forward);
            editor.cursor += forward;
        } else if forward > 0 {
            let forward = forward.min(editor.len - cursor);
            self.console_write(&editor.line[cursor..cursor + forward]);
            editor.cursor += forward;
        }
    }

    /// Moves the terminal's cursor `count` columns left: backspaces for up to four, `ESC [ n D` beyond.
    fn cursor_back(&mut self, count: usize) {
        if count <= 4 {
            self.console_write(&b"\x08\x08\x08\x08"[..count]);
        } else {
            let mut text = [0u8; 16];
            let len = format_decimal(count, &mut text[2..]);
            text[0] = ESCAPE;
            text[1] = b'[';
            text[2 + len] = b'D';
            self.console_write(&text[..3 + len]);
        }
    }
}

/// Writes `value` in decimal into `out`; returns the length.
pub(crate) fn format_decimal(mut value: usize, out: &mut [u8]) -> usize {
    let mut digits = [0u8; 20];
    let mut count = 0;
    loop {
        digits[count] = b'0' + (value % 10) as u8;
        count += 1;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    for index in 0..count {
        out[index] = digits[count - 1 - index];
    }
    count
}
