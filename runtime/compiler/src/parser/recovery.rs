//! Error recovery and the lookaheads that need to scan ahead.
//!
//! Recovery rules:
//! - After the first error in a statement, skip to the end of its logical
//!   line (the NEWLINE token; brackets were already joined by the lexer).
//! - If an indented block follows the broken line (as after a broken `if`
//!   header), parse it so its own errors are reported, then drop it; this
//!   avoids a spurious "unexpected indent".
//! - Statements MicroPython does not support (`match`, `type X = ...`) are
//!   reported once and skipped with their block, without parsing them.

use super::Parser;
use crate::lexer::TokenKind;

impl<'src> Parser<'src> {
    /// Skips the rest of a broken logical line and any block that follows it.
    pub(super) fn recover_after_error(&mut self) {
        self.skip_to_line_end();
        if self.at(TokenKind::Indent) {
            self.in_error = false;
            let _dropped = self.parse_indented_block();
        }
        self.in_error = true;
    }

    /// Skips tokens up to and including the next NEWLINE.
    fn skip_to_line_end(&mut self) {
        while !matches!(self.kind(), TokenKind::Newline | TokenKind::EndOfFile) {
            self.pos += 1;
        }
        self.eat(TokenKind::Newline);
    }

    /// Skips the statements of a block whose INDENT was consumed, up to and
    /// including its DEDENT, without parsing them.
    pub(super) fn skip_block_body(&mut self) {
        let mut depth = 1usize;
        loop {
            match self.kind() {
                TokenKind::EndOfFile => return,
                TokenKind::Indent => depth += 1,
                TokenKind::Dedent => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return;
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// Detects the soft-keyword statements MicroPython lacks (`match` and
    /// `type X = ...`) at a statement start; reports and skips them.
    pub(super) fn at_unsupported_soft_keyword_statement(&mut self) -> bool {
        let token = self.current();
        let message = match self.text(token.span) {
            "match" if self.line_is_match_statement() => "'match' statements are not supported by MicroPython",
            "type"
                if self.nth_kind(1) == TokenKind::Name
                    && matches!(self.nth_kind(2), TokenKind::Equal | TokenKind::LeftBracket) =>
            {
                "'type' alias statements are not supported by MicroPython"
            }
            _ => return false,
        };
        self.unsupported(message, token.span);
        self.skip_to_line_end();
        if self.at(TokenKind::Indent) {
            self.pos += 1;
            self.skip_block_body();
        }
        true
    }

    /// A line starting with the name `match` is a match statement when a
    /// subject follows and the line ends with `:` (`match = 3`, `match(x)`
    /// and `match.group` are ordinary statements).
    fn line_is_match_statement(&self) -> bool {
        use TokenKind as T;
        let next = self.nth_kind(1);
        if !super::expression::starts_expression(next) || matches!(next, T::Yield | T::Lambda) {
            return false;
        }
        let mut index = self.pos + 1;
        let mut last = T::Name;
        while let Some(token) = self.tokens.get(index) {
            if matches!(token.kind, T::Newline | T::EndOfFile) {
                break;
            }
            last = token.kind;
            index += 1;
        }
        let next_line_indented = self.tokens.get(index + 1).map(|token| token.kind) == Some(T::Indent);
        last == T::Colon && next_line_indented
    }

    /// After `with (`: true when the parenthesis holds `with` items, that is
    /// when the matching `)` is directly followed by `:`.
    pub(super) fn parenthesized_with_items(&self) -> bool {
        let mut depth = 0usize;
        let mut index = self.pos;
        while let Some(token) = self.tokens.get(index) {
            match token.kind {
                TokenKind::LeftParen | TokenKind::LeftBracket | TokenKind::LeftBrace => depth += 1,
                TokenKind::RightParen | TokenKind::RightBracket | TokenKind::RightBrace => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return self.tokens.get(index + 1).map(|token| token.kind) == Some(TokenKind::Colon);
                    }
                }
                TokenKind::Newline | TokenKind::EndOfFile => return false,
                _ => {}
            }
            index += 1;
        }
        false
    }
}
