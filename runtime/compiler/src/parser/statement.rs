//! Statements: the dispatch on the first token, and the simple statements.
//!
//! Simple statements may share a line separated by `;`. Expression
//! statements cover assignments (chained), augmented and annotated
//! assignments, and bare expressions including `yield`.

use alloc::vec::Vec;

use super::Parser;
use crate::ast::{BinOp, DottedName, Expr, FromAlias, ImportAlias, ImportNames, Stmt, StmtKind};
use crate::lexer::TokenKind;

fn augmented_operator(kind: TokenKind) -> Option<BinOp> {
    use TokenKind as T;
    let op = match kind {
        T::PlusEqual => BinOp::Add,
        T::MinusEqual => BinOp::Sub,
        T::StarEqual => BinOp::Mult,
        T::AtEqual => BinOp::MatMult,
        T::SlashEqual => BinOp::Div,
        T::DoubleSlashEqual => BinOp::FloorDiv,
        T::PercentEqual => BinOp::Mod,
        T::DoubleStarEqual => BinOp::Pow,
        T::PipeEqual => BinOp::BitOr,
        T::CaretEqual => BinOp::BitXor,
        T::AmpersandEqual => BinOp::BitAnd,
        T::LeftShiftEqual => BinOp::LShift,
        T::RightShiftEqual => BinOp::RShift,
        _ => return None,
    };
    Some(op)
}

impl<'src> Parser<'src> {
    pub(super) fn parse_module_body(&mut self) -> Vec<Stmt> {
        let mut body = self.bodies.take();
        while !self.at(TokenKind::EndOfFile) {
            let before = self.pos;
            if self.at(TokenKind::Dedent) {
                self.bump();
                continue;
            }
            self.parse_statement(&mut body);
            if self.pos == before {
                self.bump();
            }
        }
        self.finish_body(body)
    }

    /// Parses one statement (or one line of simple statements) into `body`.
    pub(super) fn parse_statement(&mut self, body: &mut Vec<Stmt>) {
        self.in_error = false;
        match self.kind() {
            TokenKind::Newline => {
                self.bump();
            }
            TokenKind::Indent => {
                let span = self.span();
                self.error("unexpected indent", span);
                self.in_error = false;
                let mut nested = self.parse_indented_block();
                body.append(&mut nested);
            }
            TokenKind::If
            | TokenKind::While
            | TokenKind::For
            | TokenKind::Try
            | TokenKind::With
            | TokenKind::Def
            | TokenKind::Class
            | TokenKind::At => {
                if let Some(statement) = self.parse_compound_statement() {
                    self.keep(body, statement);
                }
            }
            TokenKind::Async if matches!(self.nth_kind(1), TokenKind::Def | TokenKind::For | TokenKind::With) => {
                if let Some(statement) = self.parse_compound_statement() {
                    self.keep(body, statement);
                }
            }
            TokenKind::Name if self.at_unsupported_soft_keyword_statement() => {}
            _ => self.parse_simple_line(body),
        }
    }

    /// `small (';' small)* [';'] NEWLINE`.
    pub(super) fn parse_simple_line(&mut self, body: &mut Vec<Stmt>) {
        loop {
            let statement = self.parse_small_statement();
            self.keep(body, statement);
            if self.in_error {
                self.recover_after_error();
                return;
            }
            if !self.eat(TokenKind::Semicolon) {
                break;
            }
            if matches!(self.kind(), TokenKind::Newline | TokenKind::EndOfFile) {
                break;
            }
        }
        if !self.eat(TokenKind::Newline) && !self.at(TokenKind::EndOfFile) {
            self.error_at_current("invalid syntax");
            self.recover_after_error();
        }
    }

    fn parse_small_statement(&mut self) -> Stmt {
        let start = self.start();
        let kind = match self.kind() {
            TokenKind::Pass => {
                self.bump();
                StmtKind::Pass
            }
            TokenKind::Break => {
                self.bump();
                StmtKind::Break
            }
            TokenKind::Continue => {
                self.bump();
                StmtKind::Continue
            }
            TokenKind::Return => {
                self.bump();
                let value = if self.starts_value() { Some(self.parse_star_expressions()) } else { None };
                if let Some(value) = &value {
                    self.check_not_starred_in_grammar(value);
                }
                StmtKind::Return(value)
            }
            TokenKind::Raise => {
                self.bump();
                let mut cause = None;
                let exc = if self.starts_value() { Some(self.parse_test()) } else { None };
                if exc.is_some() && self.eat(TokenKind::From) {
                    cause = Some(self.parse_test());
                }
                StmtKind::Raise { exc, cause }
            }
            TokenKind::Global | TokenKind::Nonlocal => {
                let is_global = self.at(TokenKind::Global);
                self.bump();
                let mut names = Vec::new();
                loop {
                    names.push(self.expect_ident());
                    if self.in_error || !self.eat(TokenKind::Comma) {
                        break;
                    }
                }
                if is_global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            TokenKind::Del => {
                self.bump();
                let mut targets = Vec::new();
                loop {
                    let target = self.parse_binary(super::expression::PRECEDENCE_BIT_OR);
                    self.check_del_target(&target);
                    targets.push(target);
                    if self.in_error || !self.eat(TokenKind::Comma) || !self.starts_value() {
                        break;
                    }
                }
                StmtKind::Del(targets)
            }
            TokenKind::Assert => {
                self.bump();
                let test = self.parse_test();
                let msg = if self.eat(TokenKind::Comma) { Some(self.parse_test()) } else { None };
                StmtKind::Assert { test, msg }
            }
            TokenKind::Import => self.parse_import(),
            TokenKind::From => self.parse_from_import(),
            _ => return self.parse_expression_statement(),
        };
        Stmt { kind, span: self.span_from(start) }
    }

    /// True when the current token can begin the value of `return` or `raise`.
    fn starts_value(&self) -> bool {
        super::expression::starts_expression(self.kind()) && !self.at(TokenKind::Yield)
    }

    fn parse_value(&mut self) -> Expr {
        if self.at(TokenKind::Yield) {
            self.parse_yield()
        } else {
            self.parse_star_expressions()
        }
    }

    fn parse_expression_statement(&mut self) -> Stmt {
        let start = self.start();
        let first = self.parse_value();
        if self.in_error {
            return Stmt { kind: StmtKind::Expr(first), span: self.span_from(start) };
        }
        let kind = if self.at(TokenKind::Equal) {
            let mut targets = alloc::vec![first];
            while self.eat(TokenKind::Equal) && !self.in_error {
                targets.push(self.parse_value());
            }
            let value = targets.pop().unwrap_or_else(|| self.error_expr(self.span()));
            for target in &targets {
                self.check_assign_target(target);
            }
            self.check_not_starred(&value);
            StmtKind::Assign { targets, value }
        } else if let Some(op) = augmented_operator(self.kind()) {
            self.bump();
            self.check_augmented_target(&first);
            let value = self.parse_value();
            self.check_not_starred(&value);
            StmtKind::AugAssign { target: first, op, value }
        } else if self.at(TokenKind::Colon) {
            self.bump();
            self.check_annotated_target(&first);
            let annotation = self.parse_test();
            let value = if self.eat(TokenKind::Equal) { Some(self.parse_value()) } else { None };
            if let Some(value) = &value {
                self.check_not_starred(value);
            }
            StmtKind::AnnAssign { target: first, annotation, value }
        } else {
            self.check_not_starred(&first);
            StmtKind::Expr(first)
        };
        Stmt { kind, span: self.span_from(start) }
    }

    fn parse_dotted_name(&mut self) -> DottedName {
        let start = self.start();
        let mut parts = alloc::vec![self.expect_ident()];
        while !self.in_error && self.eat(TokenKind::Dot) {
            parts.push(self.expect_ident());
        }
        DottedName { parts, span: self.span_from(start) }
    }

    fn parse_import(&mut self) -> StmtKind {
        self.bump();
        let mut aliases = Vec::new();
        loop {
            let name = self.parse_dotted_name();
            let asname = if self.eat(TokenKind::As) { Some(self.expect_ident()) } else { None };
            aliases.push(ImportAlias { name, asname });
            if self.in_error || !self.eat(TokenKind::Comma) {
                break;
            }
        }
        StmtKind::Import(aliases)
    }

    fn parse_from_import(&mut self) -> StmtKind {
        self.bump();
        let mut level = 0u32;
        loop {
            if self.eat(TokenKind::Dot) {
                level += 1;
            } else if self.eat(TokenKind::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if self.at(TokenKind::Name) || level == 0 { Some(self.parse_dotted_name()) } else { None };
        self.expect(TokenKind::Import);
        if self.in_error {
            return StmtKind::ImportFrom { level, module, names: ImportNames::Names(Vec::new()) };
        }
        if self.at(TokenKind::Star) {
            let star = self.bump().span;
            return StmtKind::ImportFrom { level, module, names: ImportNames::Star(star) };
        }
        let parenthesized = self.eat(TokenKind::LeftParen);
        let mut names = Vec::new();
        loop {
            let name = self.expect_ident();
            let asname = if self.eat(TokenKind::As) { Some(self.expect_ident()) } else { None };
            names.push(FromAlias { name, asname });
            if self.in_error || !self.eat(TokenKind::Comma) {
                break;
            }
            if parenthesized && self.at(TokenKind::RightParen) {
                break;
            }
            if !parenthesized && !self.at(TokenKind::Name) {
                self.error_at_current("trailing comma not allowed without surrounding parentheses");
                break;
            }
        }
        if parenthesized {
            self.expect(TokenKind::RightParen);
        }
        StmtKind::ImportFrom { level, module, names: ImportNames::Names(names) }
    }
}
