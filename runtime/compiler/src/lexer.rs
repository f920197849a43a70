//! The tokenizer: UTF-8 source text to a flat vector of [`Token`]s.
//!
//! Tokens carry only a kind and a byte span; the parser reads names, numbers
//! and strings back from the source when it needs their values, so lexing
//! allocates nothing per token. The lexer handles indentation (INDENT and
//! DEDENT from a stack of indentation levels), implicit line joining inside
//! brackets, backslash continuation and comments. Number and string literals
//! are scanned by [`number`] and [`string`]; their values are decoded later
//! by the same modules when the parser asks. A lexing error is reported once
//! and produces an [`TokenKind::Unknown`] token, which the parser skips over
//! without reporting a second error.

pub(crate) mod number;
pub(crate) mod string;
mod token;

use alloc::vec::Vec;

use crate::ast::Span;
use crate::diagnostic::Diagnostic;
use crate::memory::{room_for_one, MemoryProbe};

pub(crate) use token::{Token, TokenKind};

/// One level of the indentation stack: the column counting a tab as up to the
/// next multiple of 8, and the column counting a tab as 1. Two lines are
/// consistently indented only when both measures order them the same way.
#[derive(Clone, Copy, PartialEq, Eq)]
struct IndentLevel {
    tab8: u32,
    tab1: u32,
}

/// What the lexer is tokenizing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum LexMode {
    /// A whole module: indentation is significant.
    Module,
    /// The expression inside an f-string replacement field: newlines are
    /// ignored as if inside brackets, and there is no indentation.
    FStringExpression,
}

/// The tokens of a source and the lexer's errors. When the allocator ran
/// low (`out_of_memory`), the tokens stop early and have no END OF FILE.
pub(crate) struct Lexed {
    pub tokens: Vec<Token>,
    pub errors: Vec<Diagnostic>,
    pub out_of_memory: bool,
}

/// Tokenizes `source[start..end]`; spans stay relative to the whole `source`.
/// `probe` is asked after each token whether memory is running low.
pub(crate) fn tokenize(source: &str, start: usize, end: usize, mode: LexMode, probe: MemoryProbe) -> Lexed {
    let mut lexer = Lexer {
        bytes: source.as_bytes(),
        pos: start,
        end: end.min(source.len()),
        tokens: Vec::new(),
        errors: Vec::new(),
        indent_stack: Vec::new(),
        bracket_depth: 0,
        line_has_tokens: false,
        mode,
        probe,
        out_of_memory: false,
    };
    // Realistic Python has about 0.3 tokens per byte (0.41 at most in the
    // project's corpus); reserving 3/8 spares almost every file a regrowth,
    // which would copy the vector and double its footprint.
    let expected = end.saturating_sub(start) * 3 / 8 + 4;
    lexer.out_of_memory = lexer.tokens.try_reserve_exact(expected).is_err();
    lexer.indent_stack.push(IndentLevel { tab8: 0, tab1: 0 });
    lexer.run();
    Lexed { tokens: lexer.tokens, errors: lexer.errors, out_of_memory: lexer.out_of_memory }
}

struct Lexer<'src> {
    bytes: &'src [u8],
    pos: usize,
    end: usize,
    tokens: Vec<Token>,
    errors: Vec<Diagnostic>,
    indent_stack: Vec<IndentLevel>,
    bracket_depth: u32,
    /// True once a token other than NEWLINE/INDENT/DEDENT was produced on the
    /// current logical line, so that blank lines produce no NEWLINE.
    line_has_tokens: bool,
    mode: LexMode,
    probe: MemoryProbe,
    /// Set when the allocator ran low: lexing stops.
    out_of_memory: bool,
}

impl<'src> Lexer<'src> {
    fn peek(&self, offset: usize) -> u8 {
        let index = self.pos + offset;
        if index < self.end {
            self.bytes[index]
        } else {
            0
        }
    }

    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        if self.out_of_memory || !room_for_one(&mut self.tokens) || self.probe.is_low() {
            self.out_of_memory = true;
            return;
        }
        self.tokens.push(Token { kind, span: Span::new(start as u32, end as u32) });
        if !matches!(kind, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent) {
            self.line_has_tokens = true;
        }
    }

    fn error(&mut self, message: &str, start: usize, end: usize) {
        self.errors.push(Diagnostic::syntax(message, Span::new(start as u32, end as u32)));
    }

    fn ignores_newlines(&self) -> bool {
        self.bracket_depth > 0 || self.mode == LexMode::FStringExpression
    }

    fn run(&mut self) {
        let mut at_line_start = self.mode == LexMode::Module;
        while self.pos < self.end && !self.out_of_memory {
            if at_line_start {
                at_line_start = false;
                if self.bracket_depth == 0 {
                    self.indentation();
                    continue;
                }
            }
            let byte = self.bytes[self.pos];
            match byte {
                b' ' | b'\t' | b'\x0c' => {
                    self.pos += 1;
                    while self.pos < self.end && matches!(self.bytes[self.pos], b' ' | b'\t' | b'\x0c') {
                        self.pos += 1;
                    }
                }
                b'#' => {
                    while self.pos < self.end && !matches!(self.bytes[self.pos], b'\n' | b'\r') {
                        self.pos += 1;
                    }
                }
                b'\n' | b'\r' => {
                    let start = self.pos;
                    self.pos += if byte == b'\r' && self.peek(1) == b'\n' { 2 } else { 1 };
                    if !self.ignores_newlines() {
                        if self.line_has_tokens {
                            self.push(TokenKind::Newline, start, self.pos);
                            self.line_has_tokens = false;
                        }
                        at_line_start = true;
                    }
                }
                b'\\' => {
                    let start = self.pos;
                    let next = self.peek(1);
                    if next == b'\n' {
                        self.pos += 2;
                    } else if start + 1 == self.end {
                        // MicroPython's reader ends the input with a newline, so a
                        // backslash at the very end continues the line.
                        self.pos += 1;
                    } else if next == b'\r' {
                        self.pos += if self.peek(2) == b'\n' { 3 } else { 2 };
                    } else {
                        self.pos += 1;
                        self.error("unexpected character after line continuation character", start, self.pos);
                        self.push(TokenKind::Unknown, start, self.pos);
                    }
                }
                b'0'..=b'9' => self.number(),
                b'.' if self.peek(1).is_ascii_digit() => self.number(),
                b'"' | b'\'' => self.string(self.pos),
                _ if is_identifier_start(byte) => self.identifier_or_prefixed_string(),
                _ => self.punctuation(),
            }
        }
        self.finish();
    }

    /// Measures the indentation of a new line and emits INDENT/DEDENT tokens,
    /// unless the line is blank or holds only a comment.
    fn indentation(&mut self) {
        let line_start = self.pos;
        let mut level = IndentLevel { tab8: 0, tab1: 0 };
        while self.pos < self.end {
            match self.bytes[self.pos] {
                b' ' => {
                    level.tab8 += 1;
                    level.tab1 += 1;
                }
                b'\t' => {
                    level.tab8 = (level.tab8 / 8 + 1) * 8;
                    level.tab1 += 1;
                }
                b'\x0c' => level = IndentLevel { tab8: 0, tab1: 0 },
                _ => break,
            }
            self.pos += 1;
        }
        if self.pos >= self.end || matches!(self.bytes[self.pos], b'#' | b'\n' | b'\r') {
            return;
        }
        let top = self.indent_stack.last().copied().unwrap_or(IndentLevel { tab8: 0, tab1: 0 });
        let here = self.pos;
        if level == top {
            return;
        }
        if level.tab8 > top.tab8 {
            if level.tab1 <= top.tab1 {
                self.error("inconsistent use of tabs and spaces in indentation", line_start, here);
            }
            self.indent_stack.push(level);
            self.push(TokenKind::Indent, line_start, here);
            return;
        }
        while self.indent_stack.len() > 1 {
            let top = self.indent_stack[self.indent_stack.len() - 1];
            if top.tab8 <= level.tab8 {
                break;
            }
            self.indent_stack.pop();
            self.push(TokenKind::Dedent, here, here);
        }
        let top = self.indent_stack.last().copied().unwrap_or(IndentLevel { tab8: 0, tab1: 0 });
        if top.tab8 != level.tab8 {
            self.error("unindent doesn't match any outer indent level", line_start, here);
            // Adopt the new level without an INDENT so that the following
            // lines indented the same way do not report the error again.
            self.indent_stack.push(level);
        } else if top.tab1 != level.tab1 {
            self.error("inconsistent use of tabs and spaces in indentation", line_start, here);
        }
    }

    fn finish(&mut self) {
        if self.out_of_memory {
            return;
        }
        let end = self.end;
        if self.mode == LexMode::Module {
            if self.line_has_tokens {
                self.push(TokenKind::Newline, end, end);
            }
            while self.indent_stack.len() > 1 {
                self.indent_stack.pop();
                self.push(TokenKind::Dedent, end, end);
            }
        }
        self.push(TokenKind::EndOfFile, end, end);
    }

    fn number(&mut self) {
        let start = self.pos;
        let scanned = number::scan(&self.bytes[..self.end], start);
        self.pos = scanned.end.max(start + 1);
        match scanned.error {
            Some(message) => {
                self.error(message, start, self.pos);
                self.push(TokenKind::Unknown, start, self.pos);
            }
            None => self.push(scanned.kind, start, self.pos),
        }
    }

    fn string(&mut self, start: usize) {
        let scanned = string::scan(&self.bytes[..self.end], self.pos);
        self.pos = scanned.end.max(start + 1);
        match scanned.error {
            Some(message) => {
                self.error(message, start, self.pos);
                self.push(TokenKind::Unknown, start, self.pos);
            }
            None => self.push(TokenKind::String, start, self.pos),
        }
    }

    fn identifier_or_prefixed_string(&mut self) {
        let start = self.pos;
        let mut end = start + 1;
        while end < self.end && is_identifier_continue(self.bytes[end]) {
            end += 1;
        }
        if end < self.end && matches!(self.bytes[end], b'"' | b'\'') && string::is_prefix(&self.bytes[start..end]) {
            self.pos = end;
            self.string(start);
            return;
        }
        self.pos = end;
        let kind = token::keyword(&self.bytes[start..end]).unwrap_or(TokenKind::Name);
        if end - start > MAX_NAME_BYTES {
            // Names become qstrs, whose length MicroPython stores in one byte;
            // mpy-cross stops with "RuntimeError: name too long".
            self.error("name too long (a name has at most 255 bytes)", start, end);
        }
        self.push(kind, start, end);
    }

    fn punctuation(&mut self) {
        let start = self.pos;
        let Some((kind, length)) = token::punctuation(self.peek(0), self.peek(1), self.peek(2)) else {
            // Skip a whole UTF-8 sequence so the error span is one character.
            let mut end = start + 1;
            while end < self.end && (self.bytes[end] & 0xC0) == 0x80 {
                end += 1;
            }
            self.pos = end;
            self.error("invalid character in source", start, end);
            self.push(TokenKind::Unknown, start, end);
            return;
        };
        self.pos += length;
        match kind {
            TokenKind::LeftParen | TokenKind::LeftBracket | TokenKind::LeftBrace => self.bracket_depth += 1,
            TokenKind::RightParen | TokenKind::RightBracket | TokenKind::RightBrace => {
                self.bracket_depth = self.bracket_depth.saturating_sub(1);
            }
            _ => {}
        }
        self.push(kind, start, self.pos);
    }
}

/// The longest name MicroPython accepts, in bytes (a qstr's length byte).
const MAX_NAME_BYTES: usize = 255;

pub(crate) fn is_identifier_start(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte == b'_' || byte >= 0x80
}

pub(crate) fn is_identifier_continue(byte: u8) -> bool {
    IDENTIFIER_CONTINUE[byte as usize]
}

/// Which bytes may continue an identifier: ASCII letters, digits, `_` and
/// every byte of a non-ASCII character. A table lookup keeps the inner loop
/// of identifier scanning to one load per byte.
static IDENTIFIER_CONTINUE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
        byte += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::String;

    fn kinds(source: &str) -> String {
        let Lexed { tokens, errors, .. } = tokenize(source, 0, source.len(), LexMode::Module, MemoryProbe::default());
        let mut out = String::new();
        for token in tokens {
            out.push_str(&format!("{:?} ", token.kind));
        }
        for error in errors {
            out.push_str(&format!("| {} ", error.message));
        }
        out
    }

    #[test]
    fn indentation_produces_indent_and_dedent() {
        assert_eq!(
            kinds("if x:\n    y\n\n  # c\nz\n"),
            "If Name Colon Newline Indent Name Newline Dedent Name Newline EndOfFile "
        );
    }

    #[test]
    fn brackets_join_lines_and_backslash_continues() {
        assert_eq!(
            kinds("(a,\n  b)\nc \\\n  d"),
            "LeftParen Name Comma Name RightParen Newline Name Name Newline EndOfFile "
        );
    }

    #[test]
    fn inconsistent_tabs_are_reported() {
        let out = kinds("if x:\n\ty\n        z\n");
        assert!(out.contains("inconsistent use of tabs and spaces"), "{out}");
    }

    #[test]
    fn bad_dedent_is_reported() {
        let out = kinds("if x:\n    y\n  z\n");
        assert!(out.contains("unindent doesn't match any outer indent level"), "{out}");
    }

    #[test]
    fn prefixed_strings_and_operators() {
        assert_eq!(
            kinds("rb'x' ** //= -> := ..."),
            "String DoubleStar DoubleSlashEqual Arrow ColonEqual Ellipsis Newline EndOfFile "
        );
        assert_eq!(kinds("ur'x'"), "Name String Newline EndOfFile ");
    }
}
