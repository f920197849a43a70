//! Expressions: precedence climbing for operators, then primaries and atoms.
//!
//! Precedence from loosest to tightest: lambda and ternary, `or`, `and`,
//! `not`, comparisons (chained), `|`, `^`, `&`, shifts, `+ -`,
//! `* / // % @`, unary `+ - ~`, `**` (right associative, and binding tighter
//! than a unary operator on its left), `await`, then calls, subscripts and
//! attributes. Displays and comprehensions are parsed here too.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::Parser;
use crate::ast::{BinOp, BoolOp, CmpOp, Comprehension, Constant, DictItem, Expr, ExprKind, Ident, Span, UnaryOp};
use crate::lexer::{number, TokenKind};

const PRECEDENCE_OR: u8 = 1;
const PRECEDENCE_AND: u8 = 2;
const PRECEDENCE_NOT: u8 = 3;
const PRECEDENCE_COMPARE: u8 = 4;
pub(super) const PRECEDENCE_BIT_OR: u8 = 5;

enum Operator {
    Bool(BoolOp),
    Compare,
    Binary(BinOp),
}

fn binary_operator(kind: TokenKind, next: TokenKind) -> Option<(u8, Operator)> {
    use TokenKind as T;
    let pair = match kind {
        T::Or => (PRECEDENCE_OR, Operator::Bool(BoolOp::Or)),
        T::And => (PRECEDENCE_AND, Operator::Bool(BoolOp::And)),
        T::Less | T::Greater | T::EqualEqual | T::NotEqual | T::LessEqual | T::GreaterEqual | T::In | T::Is => {
            (PRECEDENCE_COMPARE, Operator::Compare)
        }
        T::Not if next == T::In => (PRECEDENCE_COMPARE, Operator::Compare),
        T::Pipe => (5, Operator::Binary(BinOp::BitOr)),
        T::Caret => (6, Operator::Binary(BinOp::BitXor)),
        T::Ampersand => (7, Operator::Binary(BinOp::BitAnd)),
        T::LeftShift => (8, Operator::Binary(BinOp::LShift)),
        T::RightShift => (8, Operator::Binary(BinOp::RShift)),
        T::Plus => (9, Operator::Binary(BinOp::Add)),
        T::Minus => (9, Operator::Binary(BinOp::Sub)),
        T::Star => (10, Operator::Binary(BinOp::Mult)),
        T::Slash => (10, Operator::Binary(BinOp::Div)),
        T::DoubleSlash => (10, Operator::Binary(BinOp::FloorDiv)),
        T::Percent => (10, Operator::Binary(BinOp::Mod)),
        T::At => (10, Operator::Binary(BinOp::MatMult)),
        _ => return None,
    };
    Some(pair)
}

/// True for tokens that can begin an expression.
pub(super) fn starts_expression(kind: TokenKind) -> bool {
    use TokenKind as T;
    matches!(
        kind,
        T::Name
            | T::Int
            | T::Float
            | T::Imaginary
            | T::String
            | T::Unknown
            | T::None
            | T::True
            | T::False
            | T::Ellipsis
            | T::LeftParen
            | T::LeftBracket
            | T::LeftBrace
            | T::Minus
            | T::Plus
            | T::Tilde
            | T::Not
            | T::Lambda
            | T::Await
            | T::Star
            | T::Yield
    )
}

fn boxed(expr: Expr) -> Box<Expr> {
    Box::new(expr)
}

impl<'src> Parser<'src> {
    /// `test [':=' test]`: an expression that may be an assignment expression.
    pub(super) fn parse_named_test(&mut self) -> Expr {
        let expr = self.parse_test();
        if !self.at(TokenKind::ColonEqual) {
            return expr;
        }
        self.bump();
        let value = self.parse_test();
        let span = expr.span.cover(value.span);
        let target = match expr.kind {
            ExprKind::Name(name) => Ident { name, span: expr.span },
            _ => {
                self.report("can't assign to expression", expr.span);
                Ident { name: String::new(), span: expr.span }
            }
        };
        Expr { kind: ExprKind::NamedExpr { target, value: boxed(value) }, span }
    }

    /// `lambda`, or `or_test ['if' or_test 'else' test]`.
    pub(super) fn parse_test(&mut self) -> Expr {
        let start = self.start();
        if !self.enter() {
            return self.error_expr(self.span());
        }
        let expr = if self.at(TokenKind::Lambda) {
            self.parse_lambda(true)
        } else {
            let body = self.parse_binary(PRECEDENCE_OR);
            if self.eat(TokenKind::If) {
                let test = self.parse_binary(PRECEDENCE_OR);
                self.expect(TokenKind::Else);
                let orelse = self.parse_test();
                Expr {
                    kind: ExprKind::IfExp { test: boxed(test), body: boxed(body), orelse: boxed(orelse) },
                    span: self.span_from(start),
                }
            } else {
                body
            }
        };
        self.leave();
        expr
    }

    /// The condition of a comprehension: no unparenthesised ternary.
    fn parse_test_no_condition(&mut self) -> Expr {
        if self.at(TokenKind::Lambda) {
            if !self.enter() {
                return self.error_expr(self.span());
            }
            let expr = self.parse_lambda(false);
            self.leave();
            return expr;
        }
        self.parse_binary(PRECEDENCE_OR)
    }

    fn parse_lambda(&mut self, allow_conditional: bool) -> Expr {
        let start = self.start();
        self.bump();
        let params = self.parse_parameters(true);
        self.expect(TokenKind::Colon);
        let body = if allow_conditional { self.parse_test() } else { self.parse_test_no_condition() };
        Expr { kind: ExprKind::Lambda { params: Box::new(params), body: boxed(body) }, span: self.span_from(start) }
    }

    /// Binary, boolean and comparison operators binding at least as tightly as `min`.
    pub(super) fn parse_binary(&mut self, min: u8) -> Expr {
        let start = self.start();
        let mut left = if self.at(TokenKind::Not) && min <= PRECEDENCE_NOT {
            self.bump();
            if !self.enter() {
                return self.error_expr(self.span());
            }
            let operand = self.parse_binary(PRECEDENCE_NOT);
            self.leave();
            Expr { kind: ExprKind::UnaryOp { op: UnaryOp::Not, operand: boxed(operand) }, span: self.span_from(start) }
        } else {
            self.parse_unary()
        };
        let mut links = 0;
        while let Some((precedence, operator)) = binary_operator(self.kind(), self.nth_kind(1)) {
            if precedence < min || !self.extend_chain() {
                break;
            }
            links += 1;
            left = match operator {
                Operator::Bool(op) => {
                    let token = self.kind();
                    let mut values = Vec::with_capacity(2);
                    values.push(left);
                    while self.at(token) {
                        self.bump();
                        values.push(self.parse_binary(precedence + 1));
                    }
                    Expr { kind: ExprKind::BoolOp { op, values }, span: self.span_from(start) }
                }
                Operator::Compare => {
                    let mut comparisons = Vec::with_capacity(1);
                    while let Some(op) = self.comparison_operator() {
                        let right = self.parse_binary(PRECEDENCE_COMPARE + 1);
                        comparisons.push((op, right));
                    }
                    Expr { kind: ExprKind::Compare { left: boxed(left), comparisons }, span: self.span_from(start) }
                }
                Operator::Binary(op) => {
                    self.bump();
                    let right = self.parse_binary(precedence + 1);
                    Expr {
                        kind: ExprKind::BinOp { left: boxed(left), op, right: boxed(right) },
                        span: self.span_from(start),
                    }
                }
            };
        }
        self.end_chain(links);
        left
    }

    /// Consumes a comparison operator (one or two tokens) if there is one.
    fn comparison_operator(&mut self) -> Option<CmpOp> {
        use TokenKind as T;
        let op = match self.kind() {
            T::Less => CmpOp::Lt,
            T::Greater => CmpOp::Gt,
            T::EqualEqual => CmpOp::Eq,
            T::NotEqual => CmpOp::NotEq,
            T::LessEqual => CmpOp::LtE,
            T::GreaterEqual => CmpOp::GtE,
            T::In => CmpOp::In,
            T::Not if self.nth_kind(1) == T::In => {
                self.bump();
                CmpOp::NotIn
            }
            T::Is if self.nth_kind(1) == T::Not => {
                self.bump();
                CmpOp::IsNot
            }
            T::Is => CmpOp::Is,
            _ => return None,
        };
        self.bump();
        Some(op)
    }

    pub(super) fn parse_unary(&mut self) -> Expr {
        let op = match self.kind() {
            TokenKind::Plus => UnaryOp::Plus,
            TokenKind::Minus => UnaryOp::Minus,
            TokenKind::Tilde => UnaryOp::Invert,
            _ => return self.parse_power(),
        };
        let start = self.start();
        self.bump();
        if !self.enter() {
            return self.error_expr(self.span());
        }
        let operand = self.parse_unary();
        self.leave();
        Expr { kind: ExprKind::UnaryOp { op, operand: boxed(operand) }, span: self.span_from(start) }
    }

    fn parse_power(&mut self) -> Expr {
        let start = self.start();
        let base = if self.eat(TokenKind::Await) {
            let operand = self.parse_primary();
            Expr { kind: ExprKind::Await(boxed(operand)), span: self.span_from(start) }
        } else {
            self.parse_primary()
        };
        if !self.eat(TokenKind::DoubleStar) {
            return base;
        }
        if !self.enter() {
            return self.error_expr(self.span());
        }
        let exponent = self.parse_unary();
        self.leave();
        Expr {
            kind: ExprKind::BinOp { left: boxed(base), op: BinOp::Pow, right: boxed(exponent) },
            span: self.span_from(start),
        }
    }

    /// An atom followed by any number of `.name`, `(args)` and `[index]`.
    fn parse_primary(&mut self) -> Expr {
        let start = self.start();
        let mut expr = self.parse_atom();
        let mut links = 0;
        while !self.in_error && matches!(self.kind(), TokenKind::Dot | TokenKind::LeftParen | TokenKind::LeftBracket) {
            if !self.extend_chain() {
                break;
            }
            links += 1;
            match self.kind() {
                TokenKind::Dot => {
                    self.bump();
                    let attr = self.expect_ident();
                    expr = Expr { kind: ExprKind::Attribute { value: boxed(expr), attr }, span: self.span_from(start) };
                }
                TokenKind::LeftParen => {
                    let args = self.parse_call_arguments();
                    expr = Expr { kind: ExprKind::Call { func: boxed(expr), args }, span: self.span_from(start) };
                }
                TokenKind::LeftBracket => {
                    self.bump();
                    let index = self.parse_subscript();
                    self.expect(TokenKind::RightBracket);
                    expr = Expr {
                        kind: ExprKind::Subscript { value: boxed(expr), index: boxed(index) },
                        span: self.span_from(start),
                    };
                }
                _ => {}
            }
        }
        self.end_chain(links);
        expr
    }

    fn parse_atom(&mut self) -> Expr {
        let token = self.current();
        let constant = |kind| Expr { kind: ExprKind::Const(kind), span: token.span };
        let kind = match token.kind {
            TokenKind::Name => ExprKind::Name(String::from(self.text(token.span))),
            TokenKind::Int => ExprKind::Int(number::int_value(self.text(token.span))),
            TokenKind::Float => ExprKind::Float(number::float_value(self.text(token.span))),
            TokenKind::Imaginary => ExprKind::Imag(number::float_value(self.text(token.span))),
            TokenKind::None => {
                self.bump();
                return constant(Constant::None);
            }
            TokenKind::True => {
                self.bump();
                return constant(Constant::True);
            }
            TokenKind::False => {
                self.bump();
                return constant(Constant::False);
            }
            TokenKind::Ellipsis => {
                self.bump();
                return constant(Constant::Ellipsis);
            }
            TokenKind::String => return self.parse_strings(),
            TokenKind::LeftParen => return self.parse_bracketed(Self::parse_parenthesized),
            TokenKind::LeftBracket => return self.parse_bracketed(Self::parse_list_display),
            TokenKind::LeftBrace => return self.parse_bracketed(Self::parse_brace_display),
            _ => {
                self.error_at_current("invalid syntax");
                return self.error_expr(Span::new(token.span.start, token.span.start));
            }
        };
        self.bump();
        Expr { kind, span: token.span }
    }

    fn parse_bracketed(&mut self, parse: fn(&mut Self) -> Expr) -> Expr {
        if !self.enter() {
            return self.error_expr(self.span());
        }
        let expr = parse(self);
        self.leave();
        expr
    }

    /// `*expr` or a named test: an element of a display or expression list.
    pub(super) fn parse_star_or_named_test(&mut self) -> Expr {
        if self.at(TokenKind::Star) {
            return self.parse_starred();
        }
        self.parse_named_test()
    }

    pub(super) fn parse_starred(&mut self) -> Expr {
        let start = self.start();
        self.bump();
        let operand = self.parse_binary(PRECEDENCE_BIT_OR);
        Expr { kind: ExprKind::Starred(boxed(operand)), span: self.span_from(start) }
    }

    /// `*expr` or a test.
    fn parse_star_or_test(&mut self) -> Expr {
        if self.at(TokenKind::Star) {
            return self.parse_starred();
        }
        self.parse_test()
    }

    /// A comma-separated list of tests or starred expressions, as a tuple
    /// when there is a comma (`testlist_star_expr`).
    pub(super) fn parse_star_expressions(&mut self) -> Expr {
        self.parse_expression_list(Self::parse_star_or_test)
    }

    /// A target list as in `for` and `del`: bitwise-or level items so that
    /// `in` is left for the caller.
    pub(super) fn parse_target_list(&mut self) -> Expr {
        self.parse_expression_list(|parser| {
            if parser.at(TokenKind::Star) {
                parser.parse_starred()
            } else {
                parser.parse_binary(PRECEDENCE_BIT_OR)
            }
        })
    }

    fn parse_expression_list(&mut self, item: fn(&mut Self) -> Expr) -> Expr {
        let start = self.start();
        let first = item(self);
        if !self.at(TokenKind::Comma) {
            return first;
        }
        let mut elements = self.exprs.take();
        self.keep(&mut elements, first);
        while self.eat(TokenKind::Comma) {
            if !starts_expression(self.kind()) || self.in_error {
                break;
            }
            let element = item(self);
            self.keep(&mut elements, element);
        }
        Expr { kind: ExprKind::Tuple(self.finish_exprs(elements)), span: self.span_from(start) }
    }

    pub(super) fn parse_yield(&mut self) -> Expr {
        let start = self.start();
        self.bump();
        if self.eat(TokenKind::From) {
            let value = self.parse_test();
            return Expr { kind: ExprKind::YieldFrom(boxed(value)), span: self.span_from(start) };
        }
        let value = if starts_expression(self.kind()) && !self.at(TokenKind::Yield) {
            Some(boxed(self.parse_star_expressions()))
        } else {
            None
        };
        Expr { kind: ExprKind::Yield(value), span: self.span_from(start) }
    }

    fn starts_comprehension(&self) -> bool {
        self.at(TokenKind::For) || (self.at(TokenKind::Async) && self.nth_kind(1) == TokenKind::For)
    }

    /// One or more `[async] for target in iter [if cond]...` clauses.
    pub(super) fn parse_comprehensions(&mut self) -> Vec<Comprehension> {
        let mut generators = Vec::new();
        while self.starts_comprehension() && !self.in_error {
            let is_async = self.eat(TokenKind::Async);
            self.bump();
            let target = self.parse_target_list();
            self.check_assign_target(&target);
            self.expect(TokenKind::In);
            let iter = self.parse_binary(PRECEDENCE_OR);
            let mut ifs = Vec::new();
            while self.eat(TokenKind::If) {
                ifs.push(self.parse_test_no_condition());
            }
            generators.push(Comprehension { is_async, target, iter, ifs });
        }
        generators
    }

    fn parse_parenthesized(&mut self) -> Expr {
        let start = self.start();
        self.bump();
        if self.eat(TokenKind::RightParen) {
            return Expr { kind: ExprKind::Tuple(Vec::new()), span: self.span_from(start) };
        }
        if self.at(TokenKind::Yield) {
            let expr = self.parse_yield();
            self.expect(TokenKind::RightParen);
            return expr;
        }
        let first = self.parse_star_or_named_test();
        if self.starts_comprehension() {
            let generators = self.parse_comprehensions();
            self.expect(TokenKind::RightParen);
            self.check_not_starred(&first);
            return Expr {
                kind: ExprKind::GeneratorExp { elt: boxed(first), generators },
                span: self.span_from(start),
            };
        }
        if !self.at(TokenKind::Comma) {
            self.expect(TokenKind::RightParen);
            self.check_not_starred(&first);
            return first;
        }
        let mut elements = self.exprs.take();
        self.keep(&mut elements, first);
        while self.eat(TokenKind::Comma) {
            if self.at(TokenKind::RightParen) || self.in_error {
                break;
            }
            let element = self.parse_star_or_named_test();
            self.keep(&mut elements, element);
        }
        self.expect(TokenKind::RightParen);
        Expr { kind: ExprKind::Tuple(self.finish_exprs(elements)), span: self.span_from(start) }
    }

    fn parse_list_display(&mut self) -> Expr {
        let start = self.start();
        self.bump();
        if self.eat(TokenKind::RightBracket) {
            return Expr { kind: ExprKind::List(Vec::new()), span: self.span_from(start) };
        }
        let first = self.parse_star_or_named_test();
        if self.starts_comprehension() {
            let generators = self.parse_comprehensions();
            self.expect(TokenKind::RightBracket);
            self.check_not_starred(&first);
            return Expr { kind: ExprKind::ListComp { elt: boxed(first), generators }, span: self.span_from(start) };
        }
        let elements = self.parse_display_rest(first, TokenKind::RightBracket);
        Expr { kind: ExprKind::List(elements), span: self.span_from(start) }
    }

    /// The elements after the first of a list or set display, and the closer.
    fn parse_display_rest(&mut self, first: Expr, closer: TokenKind) -> Vec<Expr> {
        let mut elements = self.exprs.take();
        self.keep(&mut elements, first);
        while self.eat(TokenKind::Comma) {
            if self.at(closer) || self.in_error {
                break;
            }
            let element = self.parse_star_or_named_test();
            self.keep(&mut elements, element);
        }
        self.expect(closer);
        self.finish_exprs(elements)
    }

    fn parse_brace_display(&mut self) -> Expr {
        let start = self.start();
        self.bump();
        if self.eat(TokenKind::RightBrace) {
            return Expr { kind: ExprKind::Dict(Vec::new()), span: self.span_from(start) };
        }
        let first_item = if self.at(TokenKind::DoubleStar) {
            self.bump();
            DictItem::Unpack(self.parse_binary(PRECEDENCE_BIT_OR))
        } else {
            let first = self.parse_star_or_named_test();
            if !self.eat(TokenKind::Colon) {
                if self.starts_comprehension() {
                    let generators = self.parse_comprehensions();
                    self.expect(TokenKind::RightBrace);
                    self.check_not_starred_in_grammar(&first);
                    return Expr {
                        kind: ExprKind::SetComp { elt: boxed(first), generators },
                        span: self.span_from(start),
                    };
                }
                let elements = self.parse_display_rest(first, TokenKind::RightBrace);
                return Expr { kind: ExprKind::Set(elements), span: self.span_from(start) };
            }
            self.check_not_starred_in_grammar(&first);
            let value = self.parse_test();
            if self.starts_comprehension() {
                let generators = self.parse_comprehensions();
                self.expect(TokenKind::RightBrace);
                return Expr {
                    kind: ExprKind::DictComp { key: boxed(first), value: boxed(value), generators },
                    span: self.span_from(start),
                };
            }
            DictItem::KeyValue(first, value)
        };
        if let DictItem::Unpack(_) = first_item {
            if self.starts_comprehension() {
                let span = self.span();
                self.error("dict unpacking cannot be used in dict comprehension", span);
            }
        }
        let mut items = Vec::with_capacity(4);
        items.push(first_item);
        while self.eat(TokenKind::Comma) {
            if self.at(TokenKind::RightBrace) || self.in_error {
                break;
            }
            if self.eat(TokenKind::DoubleStar) {
                items.push(DictItem::Unpack(self.parse_binary(PRECEDENCE_BIT_OR)));
                continue;
            }
            let key = self.parse_test();
            if !self.eat(TokenKind::Colon) {
                // A set element among dict items parses in MicroPython; its
                // compiler rejects it with this message.
                if self.at(TokenKind::Comma) || self.at(TokenKind::RightBrace) {
                    self.error_at_current("expecting key:value for dict");
                } else {
                    self.error_at_current("invalid syntax");
                }
                break;
            }
            let value = self.parse_test();
            items.push(DictItem::KeyValue(key, value));
        }
        self.expect(TokenKind::RightBrace);
        Expr { kind: ExprKind::Dict(items), span: self.span_from(start) }
    }

    /// The inside of `[...]` after a primary: an index, a slice, or a tuple of them.
    fn parse_subscript(&mut self) -> Expr {
        let start = self.start();
        let first = self.parse_slice_item();
        if !self.at(TokenKind::Comma) {
            return first;
        }
        let mut elements = self.exprs.take();
        self.keep(&mut elements, first);
        while self.eat(TokenKind::Comma) {
            if self.at(TokenKind::RightBracket) || self.in_error {
                break;
            }
            let element = self.parse_slice_item();
            self.keep(&mut elements, element);
        }
        Expr { kind: ExprKind::Tuple(self.finish_exprs(elements)), span: self.span_from(start) }
    }

    fn parse_slice_item(&mut self) -> Expr {
        let start = self.start();
        let lower = if self.at(TokenKind::Colon) { None } else { Some(self.parse_named_test()) };
        if !self.eat(TokenKind::Colon) {
            return lower.unwrap_or_else(|| self.error_expr(self.span()));
        }
        let ends_part = |kind: TokenKind| matches!(kind, TokenKind::Colon | TokenKind::Comma | TokenKind::RightBracket);
        let upper = if ends_part(self.kind()) { None } else { Some(boxed(self.parse_test())) };
        let mut step = None;
        if self.eat(TokenKind::Colon) && !ends_part(self.kind()) {
            step = Some(boxed(self.parse_test()));
        }
        Expr { kind: ExprKind::Slice { lower: lower.map(boxed), upper, step }, span: self.span_from(start) }
    }
}
