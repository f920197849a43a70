//! Compound statements and blocks: `if`, `while`, `for`, `try`, `with`,
//! `def`, `class`, decorators and their `async` forms.
//!
//! A suite is either simple statements on the header's line or an indented
//! block. `elif` chains are built iteratively so a long chain cannot exhaust
//! the stack; blocks count towards the nesting limit.

use alloc::boxed::Box;
use alloc::vec::Vec;

use super::Parser;
use crate::ast::{ClassDef, ExceptHandler, FunctionDef, Stmt, StmtKind, WithItem};
use crate::lexer::TokenKind;

impl<'src> Parser<'src> {
    /// Parses a compound statement starting at the current token.
    pub(super) fn parse_compound_statement(&mut self) -> Option<Stmt> {
        let start = self.start();
        let kind = match self.kind() {
            TokenKind::If => self.parse_if(),
            TokenKind::While => self.parse_while(),
            TokenKind::For => self.parse_for(false),
            TokenKind::Try => self.parse_try(),
            TokenKind::With => self.parse_with(false),
            TokenKind::Def => self.parse_def(false, Vec::new()),
            TokenKind::Class => self.parse_class(Vec::new()),
            TokenKind::At => return self.parse_decorated(),
            TokenKind::Async => {
                self.bump();
                match self.kind() {
                    TokenKind::Def => self.parse_def(true, Vec::new()),
                    TokenKind::For => self.parse_for(true),
                    _ => self.parse_with(true),
                }
            }
            _ => return None,
        };
        Some(Stmt { kind, span: self.span_from(start) })
    }

    /// `':' simple_line` or `':' NEWLINE INDENT statements DEDENT`.
    pub(super) fn parse_suite(&mut self) -> Vec<Stmt> {
        if !self.in_error {
            self.expect(TokenKind::Colon);
        }
        if self.in_error {
            self.recover_after_error();
            return Vec::new();
        }
        if !self.eat(TokenKind::Newline) {
            let mut body = self.bodies.take();
            self.parse_simple_line(&mut body);
            return self.finish_body(body);
        }
        if !self.at(TokenKind::Indent) {
            let span = self.span();
            self.error("expected an indented block", span);
            return Vec::new();
        }
        self.parse_indented_block()
    }

    /// `INDENT statements DEDENT`, starting at the INDENT.
    pub(super) fn parse_indented_block(&mut self) -> Vec<Stmt> {
        self.bump();
        if !self.enter() {
            self.skip_block_body();
            return Vec::new();
        }
        let mut body = self.bodies.take();
        while !matches!(self.kind(), TokenKind::Dedent | TokenKind::EndOfFile) {
            let before = self.pos;
            self.parse_statement(&mut body);
            if self.pos == before {
                self.bump();
            }
        }
        self.eat(TokenKind::Dedent);
        self.leave();
        self.in_error = false;
        self.finish_body(body)
    }

    fn parse_if(&mut self) -> StmtKind {
        // Each entry is (start, test, body) for `if` and every `elif`.
        let mut branches = Vec::new();
        loop {
            let start = self.start();
            self.bump();
            let test = self.parse_named_test();
            let body = self.parse_suite();
            branches.push((start, test, body));
            if !self.at(TokenKind::Elif) {
                break;
            }
            self.in_error = false;
            if !self.extend_chain() {
                self.recover_after_error();
                while self.at(TokenKind::Elif) {
                    self.recover_after_error();
                }
                break;
            }
        }
        let mut orelse = self.parse_else();
        self.end_chain((branches.len() as u32).saturating_sub(1));
        let end = self.prev_end;
        while branches.len() > 1 {
            let Some((start, test, body)) = branches.pop() else { break };
            let span = crate::ast::Span::new(start, end.max(start));
            orelse = alloc::vec![Stmt { kind: StmtKind::If { test, body, orelse, is_elif: true }, span }];
        }
        match branches.pop() {
            Some((_, test, body)) => StmtKind::If { test, body, orelse, is_elif: false },
            None => StmtKind::Pass,
        }
    }

    /// An optional `else: suite`.
    fn parse_else(&mut self) -> Vec<Stmt> {
        if !self.at(TokenKind::Else) {
            return Vec::new();
        }
        self.in_error = false;
        self.bump();
        self.parse_suite()
    }

    fn parse_while(&mut self) -> StmtKind {
        self.bump();
        let test = self.parse_named_test();
        let body = self.parse_suite();
        let orelse = self.parse_else();
        StmtKind::While { test, body, orelse }
    }

    fn parse_for(&mut self, is_async: bool) -> StmtKind {
        self.bump();
        let target = self.parse_target_list();
        self.check_assign_target(&target);
        self.expect(TokenKind::In);
        let iter = if self.in_error { self.error_expr(self.span()) } else { self.parse_star_expressions() };
        let body = self.parse_suite();
        let orelse = self.parse_else();
        StmtKind::For { is_async, target, iter, body, orelse }
    }

    fn parse_try(&mut self) -> StmtKind {
        self.bump();
        let body = self.parse_suite();
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        while self.at(TokenKind::Except) {
            self.in_error = false;
            let start = self.start();
            if let Some(previous) = handlers.last() {
                if previous.type_.is_none() {
                    self.report("default 'except' must be last", previous.span);
                }
            }
            self.bump();
            if self.at(TokenKind::Star) {
                let span = self.span_from(start).cover(self.span());
                self.unsupported("'except*' is not supported by MicroPython", span);
                self.bump();
            }
            let type_ = if self.at(TokenKind::Colon) { None } else { Some(self.parse_test()) };
            if self.at(TokenKind::Comma) {
                self.error_at_current("multiple exception types must be parenthesized");
            }
            let name = if !self.in_error && self.eat(TokenKind::As) { Some(self.expect_ident()) } else { None };
            let body = self.parse_suite();
            handlers.push(ExceptHandler { type_, name, body, span: self.span_from(start) });
        }
        let else_span = self.span();
        let orelse = self.parse_else();
        if !orelse.is_empty() && handlers.is_empty() {
            self.report("invalid syntax", else_span);
        }
        let mut finalbody = Vec::new();
        if self.at(TokenKind::Finally) {
            self.in_error = false;
            self.bump();
            finalbody = self.parse_suite();
        } else if handlers.is_empty() {
            let span = self.span();
            self.error("expected 'except' or 'finally' block", span);
        }
        StmtKind::Try { body, handlers, orelse, finalbody }
    }

    fn parse_with(&mut self, is_async: bool) -> StmtKind {
        self.bump();
        let mut items = Vec::new();
        let parenthesized = self.at(TokenKind::LeftParen) && self.parenthesized_with_items();
        if parenthesized {
            self.bump();
        }
        loop {
            let context = self.parse_test();
            let target = if self.eat(TokenKind::As) {
                let target = self.parse_with_target();
                self.check_assign_target(&target);
                Some(target)
            } else {
                None
            };
            items.push(WithItem { context, target });
            if self.in_error || !self.eat(TokenKind::Comma) {
                break;
            }
            if parenthesized && self.at(TokenKind::RightParen) {
                break;
            }
        }
        if parenthesized {
            self.expect(TokenKind::RightParen);
        }
        let body = self.parse_suite();
        StmtKind::With { is_async, items, body }
    }

    fn parse_with_target(&mut self) -> crate::ast::Expr {
        if self.at(TokenKind::Star) {
            return self.parse_starred();
        }
        self.parse_binary(super::expression::PRECEDENCE_BIT_OR)
    }

    fn parse_decorated(&mut self) -> Option<Stmt> {
        let start = self.start();
        let mut decorators = Vec::new();
        while self.at(TokenKind::At) {
            self.bump();
            decorators.push(self.parse_named_test());
            if !self.in_error {
                self.expect(TokenKind::Newline);
            }
            if self.in_error {
                self.recover_after_error();
                return None;
            }
        }
        let kind = match self.kind() {
            TokenKind::Def => self.parse_def(false, decorators),
            TokenKind::Class => self.parse_class(decorators),
            TokenKind::Async if self.nth_kind(1) == TokenKind::Def => {
                self.bump();
                self.parse_def(true, decorators)
            }
            _ => {
                self.error_at_current("invalid syntax");
                self.recover_after_error();
                return None;
            }
        };
        Some(Stmt { kind, span: self.span_from(start) })
    }

    fn parse_def(&mut self, is_async: bool, decorators: Vec<crate::ast::Expr>) -> StmtKind {
        self.bump();
        let name = self.expect_ident();
        let mut params = crate::ast::Parameters::default();
        if !self.in_error && self.expect(TokenKind::LeftParen) {
            params = self.parse_parameters(false);
            self.expect(TokenKind::RightParen);
        }
        let returns = if !self.in_error && self.eat(TokenKind::Arrow) { Some(self.parse_test()) } else { None };
        let body = self.parse_suite();
        StmtKind::FunctionDef(Box::new(FunctionDef { is_async, name, params, returns, body, decorators }))
    }

    fn parse_class(&mut self, decorators: Vec<crate::ast::Expr>) -> StmtKind {
        self.bump();
        let name = self.expect_ident();
        let args =
            if !self.in_error && self.at(TokenKind::LeftParen) { self.parse_call_arguments() } else { Vec::new() };
        let body = self.parse_suite();
        StmtKind::ClassDef(Box::new(ClassDef { name, args, body, decorators }))
    }
}
