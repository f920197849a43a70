//! Compiler diagnostics and the mapping from byte offsets to lines and columns.
//!
//! A [`Diagnostic`] stores a [`Span`] only; [`LineIndex`] turns it into the
//! 1-based line and column shown to users (columns count characters, not
//! bytes, so a caret lines up under non-ASCII text).

use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{Module, Span};

/// What kind of problem a diagnostic reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// The text is not valid Python (MicroPython raises `SyntaxError`).
    Syntax,
    /// Valid Python that MicroPython's compiler does not support, such as `match`.
    Unsupported,
    /// The compiler ran out of memory (MicroPython raises `MemoryError`);
    /// see [`crate::memory`].
    OutOfMemory,
}

/// One error found in a source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub message: String,
    pub span: Span,
}

impl Diagnostic {
    pub fn syntax(message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic { kind: DiagnosticKind::Syntax, message: message.into(), span }
    }

    pub fn unsupported(message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic { kind: DiagnosticKind::Unsupported, message: message.into(), span }
    }

    /// The compiler ran out of memory at `span`.
    pub fn out_of_memory(span: Span) -> Diagnostic {
        Diagnostic { kind: DiagnosticKind::OutOfMemory, message: "memory allocation failed".into(), span }
    }
}

/// The result of parsing: the tree that could be built and every error found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    pub module: Module,
    pub errors: Vec<Diagnostic>,
}

impl Parsed {
    /// The tree when there were no errors, otherwise the errors.
    pub fn into_result(self) -> Result<Module, Vec<Diagnostic>> {
        if self.errors.is_empty() {
            Ok(self.module)
        } else {
            Err(self.errors)
        }
    }
}

/// Maps byte offsets of one source text to 1-based (line, column) pairs.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset at which each line starts; always begins with 0.
    line_starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(source: &[u8]) -> LineIndex {
        let mut line_starts = Vec::with_capacity(source.len() / 32 + 1);
        line_starts.push(0);
        // A line ends at LF, CR LF or a lone CR, as in MicroPython's lexer.
        for (offset, byte) in source.iter().enumerate() {
            let lone_cr = *byte == b'\r' && source.get(offset + 1) != Some(&b'\n');
            if *byte == b'\n' || lone_cr {
                line_starts.push(offset as u32 + 1);
            }
        }
        LineIndex { line_starts }
    }

    /// The 1-based line containing `offset`.
    pub fn line(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(index) => index as u32 + 1,
            Err(index) => index as u32,
        }
    }

    /// The 1-based line and 1-based column (in characters) of `offset`.
    pub fn line_col(&self, source: &[u8], offset: u32) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.line_starts[line as usize - 1] as usize;
        let end = (offset as usize).min(source.len());
        let column = source[start..end].iter().filter(|byte| (**byte & 0xC0) != 0x80).count();
        (line, column as u32 + 1)
    }

    /// The byte range of 1-based `line`, without its line ending.
    pub fn line_range(&self, source: &[u8], line: u32) -> core::ops::Range<usize> {
        let index = (line.max(1) - 1) as usize;
        let start = self.line_starts.get(index).copied().unwrap_or(source.len() as u32) as usize;
        let mut end = self.line_starts.get(index + 1).map(|next| *next as usize).unwrap_or(source.len());
        while end > start && matches!(source[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start.min(source.len())..end.min(source.len())
    }
}
