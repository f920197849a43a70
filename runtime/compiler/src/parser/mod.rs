//! The parser: tokens to the syntax tree in [`crate::ast`], never failing.
//!
//! It is a hand-written recursive descent parser with precedence climbing for
//! binary operators. The whole module is tokenized first; the parser then
//! walks the token vector with one index, so lookahead is free.
//!
//! Error handling follows three rules:
//! - Only the first error of a statement is reported (`in_error`); the rest of
//!   the statement is skipped up to its NEWLINE (see [`recovery`]), and an
//!   indented block after a broken line is parsed and dropped.
//! - Errors that do not derail parsing, such as assigning to a literal, are
//!   reported with [`Parser::report`] and parsing goes on normally.
//! - Every loop consumes a token per iteration or stops, and nesting depth is
//!   bounded by [`MAX_DEPTH`], so no input can hang the parser or overflow the
//!   stack.
//!
//! The submodules split the grammar by family: [`expression`] (operators and
//! atoms), [`arguments`] (call arguments and parameter lists), [`strings`]
//! (literal concatenation and f-strings), [`statement`] (simple statements),
//! [`compound`] (blocks, `if`, `def`, ...), [`targets`] (checks on assignment
//! and `del` targets) and [`names`] (the set of identifiers seen so far).

mod arguments;
mod compound;
mod expression;
mod names;
mod recovery;
mod statement;
mod strings;
mod targets;

use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{Arg, Expr, ExprKind, Module, Span, Stmt};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Parsed};
use crate::lexer::{tokenize, LexMode, Lexed, Token, TokenKind};
use crate::memory::{exact_copy, room_for_one, MemoryProbe};
use names::NameSet;

/// How deeply brackets, unary operators, nested expressions and blocks may
/// nest: this bounds the parser's recursion.
pub(crate) const MAX_DEPTH: u32 = 200;

/// How deep the tree may get when left-associative chains (`a + b + ...`,
/// `f()()...`, `elif` chains) are counted as well. The parser builds chains in
/// loops, but dropping, dumping or compiling the tree recurses over them.
pub(crate) const MAX_TREE_DEPTH: u32 = 1000;

/// Parses a module. Invalid UTF-8 is reported at each run of bad bytes, which
/// are then read as NUL bytes so that offsets stay the same.
pub fn parse(source: &[u8]) -> Parsed {
    parse_with_memory_probe(source, None)
}

/// [`parse`], asking `memory_low` as it goes whether memory is running low
/// (see [`crate::memory`]); when it is, parsing stops and the errors are
/// one [`crate::DiagnosticKind::OutOfMemory`] diagnostic.
pub fn parse_with_memory_probe(source: &[u8], memory_low: Option<fn() -> bool>) -> Parsed {
    let probe = MemoryProbe(memory_low);
    let mut parsed = match core::str::from_utf8(source) {
        Ok(text) => parse_text(text, Vec::new(), probe),
        Err(_) => {
            let mut cleaned = Vec::with_capacity(source.len());
            let mut errors = Vec::new();
            let mut rest = source;
            loop {
                match core::str::from_utf8(rest) {
                    Ok(_) => {
                        cleaned.extend_from_slice(rest);
                        break;
                    }
                    Err(error) => {
                        let valid = error.valid_up_to();
                        let bad = error.error_len().unwrap_or(rest.len() - valid).max(1);
                        cleaned.extend_from_slice(&rest[..valid]);
                        let start = cleaned.len();
                        let span = Span::new(start as u32, (start + bad) as u32);
                        match errors.last_mut() {
                            Some(Diagnostic { span: previous, .. }) if previous.end == span.start => {
                                previous.end = span.end
                            }
                            _ => errors.push(Diagnostic::syntax("invalid utf-8 in source", span)),
                        }
                        // NUL lexes as an unknown token, whose error is dropped below.
                        cleaned.resize(start + bad, 0);
                        rest = &rest[valid + bad..];
                    }
                }
            }
            let text = String::from_utf8(cleaned).unwrap_or_default();
            parse_text(&text, errors, probe)
        }
    };
    if let Some(at) = parsed.errors.iter().position(|error| error.kind == DiagnosticKind::OutOfMemory) {
        let out_of_memory = parsed.errors.swap_remove(at);
        parsed.errors.clear();
        parsed.errors.push(out_of_memory);
    }
    parsed
}

fn parse_text(source: &str, mut errors: Vec<Diagnostic>, probe: MemoryProbe) -> Parsed {
    let Lexed { tokens, errors: lexer_errors, out_of_memory } =
        tokenize(source, 0, source.len(), LexMode::Module, probe);
    let utf8_errors = errors.len();
    for error in lexer_errors {
        let start = error.span.start;
        let already_reported = errors[..utf8_errors]
            .iter()
            .any(|utf8_error| utf8_error.span.start <= start && start < utf8_error.span.end);
        if !already_reported {
            errors.push(error);
        }
    }
    let mut parser = Parser {
        source,
        tokens,
        pos: 0,
        prev_end: 0,
        errors,
        names: NameSet::new(),
        names_cursor: 0,
        embedded: 0,
        bodies: Scratch::new(),
        args: Scratch::new(),
        exprs: Scratch::new(),
        depth: 0,
        tree_depth: 0,
        in_error: false,
        probe,
        out_of_memory: false,
    };
    if out_of_memory {
        parser.stop_out_of_memory();
    }
    let body = parser.parse_module_body();
    let mut errors = parser.errors;
    errors.sort_by_key(|error| error.span.start);
    Parsed { module: Module { body }, errors }
}

/// Reusable buffers for the lists the parser builds (block bodies, call
/// arguments, tuples and displays), one per list under construction: the
/// elements are collected in a buffer and then moved into a vector of
/// exactly the right size. Lists are then never reallocated as they grow,
/// and the tree carries no spare capacity, which also keeps the blocks small
/// enough for the allocator's fast paths.
struct Scratch<T> {
    buffers: Vec<Vec<T>>,
}

impl<T> Scratch<T> {
    fn new() -> Scratch<T> {
        Scratch { buffers: Vec::new() }
    }

    /// An empty buffer; hand it back with [`Scratch::finish`].
    fn take(&mut self) -> Vec<T> {
        self.buffers.pop().unwrap_or_default()
    }

    /// Moves the elements of `buffer` into a vector of their exact size and
    /// keeps the emptied buffer for the next list. When the allocator cannot
    /// serve that vector, the list is empty and `out_of_memory` is set.
    fn finish(&mut self, mut buffer: Vec<T>, out_of_memory: &mut bool) -> Vec<T> {
        let list = match exact_copy(&mut buffer) {
            Some(list) => list,
            None => {
                *out_of_memory = true;
                buffer.clear();
                Vec::new()
            }
        };
        if room_for_one(&mut self.buffers) {
            self.buffers.push(buffer);
        }
        list
    }
}

pub(crate) struct Parser<'src> {
    source: &'src str,
    tokens: Vec<Token>,
    /// Index of the current token; the last token is always END OF FILE.
    pos: usize,
    /// End of the last consumed token other than NEWLINE, INDENT or DEDENT:
    /// where the construct being parsed ends.
    prev_end: u32,
    errors: Vec<Diagnostic>,
    /// Identifiers consumed so far, for [`crate::ast::StrLit::ident_before`].
    /// Names of the module's own token vector are added lazily, when a string
    /// literal asks (see [`Parser::name_seen`]); names inside f-string
    /// expressions are added as they are consumed.
    names: NameSet<'src>,
    /// Index into the module's tokens up to which names are in `names`.
    names_cursor: usize,
    /// Scratch buffers for block bodies, call arguments and expression lists.
    bodies: Scratch<Stmt>,
    args: Scratch<Arg>,
    exprs: Scratch<Expr>,
    /// How many f-string expressions are being parsed (their tokens replace
    /// the module's while they are).
    embedded: u32,
    depth: u32,
    /// `depth` plus the length of the enclosing left-associative chains.
    tree_depth: u32,
    /// Set once the current statement has reported a syntax error.
    in_error: bool,
    /// Asked at every token whether memory is running low.
    probe: MemoryProbe,
    /// Set when memory ran low: from then on the parser sees END OF FILE,
    /// so every loop ends and the parse unwinds.
    out_of_memory: bool,
}

impl<'src> Parser<'src> {
    fn current(&self) -> Token {
        if self.out_of_memory {
            return Token { kind: TokenKind::EndOfFile, span: Span::new(self.prev_end, self.prev_end) };
        }
        // The position never passes the END OF FILE token that ends every
        // token vector, so the fallback is never taken.
        match self.tokens.get(self.pos) {
            Some(token) => *token,
            None => self.tokens.last().copied().unwrap_or(Token { kind: TokenKind::EndOfFile, span: Span::default() }),
        }
    }

    fn kind(&self) -> TokenKind {
        self.current().kind
    }

    fn nth_kind(&self, offset: usize) -> TokenKind {
        if self.out_of_memory {
            return TokenKind::EndOfFile;
        }
        match self.tokens.get(self.pos + offset) {
            Some(token) => token.kind,
            None => TokenKind::EndOfFile,
        }
    }

    fn at(&self, kind: TokenKind) -> bool {
        self.kind() == kind
    }

    fn span(&self) -> Span {
        self.current().span
    }

    fn start(&self) -> u32 {
        self.current().span.start
    }

    /// The span from `start` to the end of the last consumed token.
    fn span_from(&self, start: u32) -> Span {
        Span::new(start, self.prev_end.max(start))
    }

    fn text(&self, span: Span) -> &'src str {
        self.source.get(span.start as usize..span.end as usize).unwrap_or("")
    }

    /// Consumes the current token (never END OF FILE) and returns it.
    fn bump(&mut self) -> Token {
        let token = self.current();
        if token.kind == TokenKind::EndOfFile {
            return token;
        }
        self.pos += 1;
        if self.probe.is_low() {
            self.stop_out_of_memory();
        }
        match token.kind {
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent => {}
            TokenKind::Name => {
                self.prev_end = token.span.end;
                if self.embedded > 0 {
                    let text = self.text(token.span);
                    self.names.insert(text);
                }
            }
            _ => self.prev_end = token.span.end,
        }
        token
    }

    fn eat(&mut self, kind: TokenKind) -> bool {
        if self.at(kind) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, kind: TokenKind) -> bool {
        if self.eat(kind) {
            return true;
        }
        self.error_at_current("invalid syntax");
        false
    }

    /// Reports a syntax error at the current token and marks the statement as
    /// broken. A token the lexer already reported gets no second message.
    fn error_at_current(&mut self, message: &str) {
        let token = self.current();
        match token.kind {
            TokenKind::Unknown => self.in_error = true,
            TokenKind::EndOfFile if message == "invalid syntax" => {
                self.error("unexpected end of input", token.span);
            }
            _ => self.error(message, token.span),
        }
    }

    /// Reports the first syntax error of a statement and marks it as broken.
    fn error(&mut self, message: &str, span: Span) {
        if !self.in_error {
            self.errors.push(Diagnostic::syntax(message, span));
        }
        self.in_error = true;
    }

    /// Reports an error that does not stop the statement from being parsed.
    fn report(&mut self, message: &str, span: Span) {
        if !self.in_error {
            self.errors.push(Diagnostic::syntax(message, span));
        }
    }

    /// Stops parsing because memory ran low (see [`crate::memory`]).
    fn stop_out_of_memory(&mut self) {
        if !self.out_of_memory {
            self.out_of_memory = true;
            let at = Span::new(self.prev_end, self.prev_end);
            self.errors.push(Diagnostic::out_of_memory(at));
        }
    }

    /// Appends `item` to a list that can grow with the source (a body, the
    /// elements of a display, call arguments); when the allocator cannot
    /// make room, the item is dropped and parsing stops.
    fn keep<T>(&mut self, list: &mut Vec<T>, item: T) {
        if room_for_one(list) {
            list.push(item);
        } else {
            self.stop_out_of_memory();
        }
    }

    /// [`Scratch::finish`] of the block bodies, stopping when memory ran low.
    fn finish_body(&mut self, body: Vec<Stmt>) -> Vec<Stmt> {
        let mut out_of_memory = false;
        let list = self.bodies.finish(body, &mut out_of_memory);
        if out_of_memory {
            self.stop_out_of_memory();
        }
        list
    }

    /// [`Scratch::finish`] of the call arguments.
    fn finish_args(&mut self, args: Vec<Arg>) -> Vec<Arg> {
        let mut out_of_memory = false;
        let list = self.args.finish(args, &mut out_of_memory);
        if out_of_memory {
            self.stop_out_of_memory();
        }
        list
    }

    /// [`Scratch::finish`] of the expression lists.
    fn finish_exprs(&mut self, exprs: Vec<Expr>) -> Vec<Expr> {
        let mut out_of_memory = false;
        let list = self.exprs.finish(exprs, &mut out_of_memory);
        if out_of_memory {
            self.stop_out_of_memory();
        }
        list
    }

    fn unsupported(&mut self, message: &str, span: Span) {
        self.errors.push(Diagnostic::unsupported(message, span));
    }

    /// Enters one nesting level; false (after reporting) when too deep.
    fn enter(&mut self) -> bool {
        if self.depth >= MAX_DEPTH || self.tree_depth >= MAX_TREE_DEPTH {
            let span = self.span();
            self.error("too deeply nested", span);
            return false;
        }
        self.depth += 1;
        self.tree_depth += 1;
        true
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        self.tree_depth = self.tree_depth.saturating_sub(1);
    }

    /// Deepens the tree by one link of a chain built in a loop; false (after
    /// reporting) when the tree would get too deep. The caller undoes its
    /// links with [`Parser::end_chain`].
    fn extend_chain(&mut self) -> bool {
        // Room is kept for MAX_DEPTH levels of recursion below the chain, so
        // that only the chain itself can hit this limit.
        if self.tree_depth + MAX_DEPTH >= MAX_TREE_DEPTH {
            let span = self.span();
            self.error("too deeply nested", span);
            return false;
        }
        self.tree_depth += 1;
        true
    }

    fn end_chain(&mut self, links: u32) {
        self.tree_depth = self.tree_depth.saturating_sub(links);
    }

    /// An expression standing in for one that could not be parsed.
    fn error_expr(&self, span: Span) -> Expr {
        Expr { kind: ExprKind::Name(String::new()), span }
    }

    /// Consumes a name token and returns it as an identifier.
    fn expect_ident(&mut self) -> crate::ast::Ident {
        let token = self.current();
        if token.kind == TokenKind::Name {
            self.bump();
            return crate::ast::Ident { name: String::from(self.text(token.span)), span: token.span };
        }
        self.error_at_current("invalid syntax");
        crate::ast::Ident { name: String::new(), span: Span::new(token.span.start, token.span.start) }
    }

    /// Adds the names among the module's tokens consumed so far to `names`.
    /// The parser never moves backwards, so the consumed tokens are exactly
    /// those before `pos`; tokens skipped by error recovery count as well,
    /// which only matters for a module that does not compile anyway.
    fn record_module_names(&mut self) {
        let end = self.pos.min(self.tokens.len());
        let source = self.source;
        for token in &self.tokens[self.names_cursor.min(end)..end] {
            if token.kind == TokenKind::Name {
                self.names.insert(source.get(token.span.start as usize..token.span.end as usize).unwrap_or(""));
            }
        }
        self.names_cursor = self.names_cursor.max(end);
    }

    /// True when `text` was consumed as an identifier before the current token.
    fn name_seen(&mut self, text: &str) -> bool {
        if self.embedded == 0 {
            self.record_module_names();
        }
        self.names.contains(text)
    }

    /// Parses `source[start..end]` (an f-string replacement field) as an
    /// expression with the current parser state.
    fn parse_embedded_expression(&mut self, start: usize, end: usize) -> Expr {
        let Lexed { tokens, errors: lexer_errors, out_of_memory } =
            tokenize(self.source, start, end, LexMode::FStringExpression, self.probe);
        if out_of_memory {
            self.stop_out_of_memory();
        }
        if self.embedded == 0 {
            self.record_module_names();
        }
        self.embedded += 1;
        if !lexer_errors.is_empty() {
            self.in_error = true;
        }
        self.errors.extend(lexer_errors);
        let saved_tokens = core::mem::replace(&mut self.tokens, tokens);
        let saved_pos = core::mem::replace(&mut self.pos, 0);
        let saved_prev_end = self.prev_end;
        let expr = if self.at(TokenKind::Yield) { self.parse_yield() } else { self.parse_star_expressions() };
        if !self.at(TokenKind::EndOfFile) {
            self.error_at_current("invalid syntax");
        }
        self.embedded -= 1;
        self.tokens = saved_tokens;
        self.pos = saved_pos;
        self.prev_end = saved_prev_end;
        expr
    }
}
