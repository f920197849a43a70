//! Call arguments and the parameter lists of `def` and `lambda`.
//!
//! Ordering rules are checked here because they are purely syntactic:
//! positional arguments may not follow keyword arguments or `**`, `*` may not
//! follow `**`, a generator expression must be the only argument unless
//! parenthesised; parameters without defaults may not follow ones with
//! defaults, `/` and `*` appear at most once, and nothing follows `**kwargs`.

use alloc::vec::Vec;

use super::expression::starts_expression;
use super::Parser;
use crate::ast::{Arg, Expr, ExprKind, Ident, Param, Parameters};
use crate::lexer::TokenKind;

impl<'src> Parser<'src> {
    /// `( arguments )` of a call or a class statement, starting at the `(`.
    pub(super) fn parse_call_arguments(&mut self) -> Vec<Arg> {
        self.bump();
        let mut args = self.args.take();
        let mut seen_keyword = false;
        let mut seen_double_star = false;
        while !self.at(TokenKind::RightParen) && !self.in_error {
            let start = self.start();
            match self.kind() {
                TokenKind::Star => {
                    self.bump();
                    if seen_double_star {
                        self.report("* arg after **", self.span_from(start));
                    }
                    let element = Arg::Star(self.parse_test());
                    self.keep(&mut args, element);
                }
                TokenKind::DoubleStar => {
                    self.bump();
                    seen_double_star = true;
                    let element = Arg::DoubleStar(self.parse_test());
                    self.keep(&mut args, element);
                }
                TokenKind::Name if self.nth_kind(1) == TokenKind::Equal => {
                    let name = self.expect_ident();
                    self.bump();
                    seen_keyword = true;
                    let element = Arg::Keyword(name, self.parse_test());
                    self.keep(&mut args, element);
                }
                _ => {
                    let value = self.parse_named_test();
                    if self.at(TokenKind::For) || (self.at(TokenKind::Async) && self.nth_kind(1) == TokenKind::For) {
                        let generators = self.parse_comprehensions();
                        let span = self.span_from(start);
                        if !args.is_empty() || !self.at(TokenKind::RightParen) {
                            self.report("generator expression must be parenthesized", span);
                        }
                        self.check_not_starred_in_grammar(&value);
                        let elt = alloc::boxed::Box::new(value);
                        self.keep(
                            &mut args,
                            Arg::Positional(Expr { kind: ExprKind::GeneratorExp { elt, generators }, span }),
                        );
                    } else if self.at(TokenKind::Equal) {
                        self.report("LHS of keyword arg must be an id", value.span);
                        self.bump();
                        let value = self.parse_test();
                        self.keep(
                            &mut args,
                            Arg::Keyword(Ident { name: alloc::string::String::new(), span: value.span }, value),
                        );
                    } else {
                        if seen_double_star {
                            self.report("positional arg after **", value.span);
                        } else if seen_keyword {
                            self.report("positional arg after keyword arg", value.span);
                        }
                        self.keep(&mut args, Arg::Positional(value));
                    }
                }
            }
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        self.expect(TokenKind::RightParen);
        self.finish_args(args)
    }

    /// The parameters of a `def` (up to, not including, the `)`) or of a
    /// `lambda` (up to the `:`). Lambda parameters take no annotations.
    pub(super) fn parse_parameters(&mut self, is_lambda: bool) -> Parameters {
        let closer = if is_lambda { TokenKind::Colon } else { TokenKind::RightParen };
        let mut params = Parameters::default();
        let mut seen_default = false;
        let mut seen_slash = false;
        let mut seen_star = false;
        while !self.at(closer) && !self.in_error {
            let start = self.start();
            if params.kwarg.is_some() {
                self.report("arguments cannot follow var-keyword argument", self.span());
            }
            match self.kind() {
                TokenKind::Slash => {
                    self.bump();
                    let span = self.span_from(start);
                    if seen_slash {
                        self.report("/ may appear only once", span);
                    } else if seen_star {
                        self.report("/ must be ahead of *", span);
                    } else if params.args.is_empty() {
                        self.report("at least one argument must precede /", span);
                    }
                    seen_slash = true;
                    params.posonly.append(&mut params.args);
                }
                TokenKind::Star => {
                    self.bump();
                    if seen_star {
                        self.report("* argument may appear only once", self.span_from(start));
                    }
                    seen_star = true;
                    if self.at(TokenKind::Name) {
                        params.vararg = Some(self.parse_param(is_lambda, false));
                    } else {
                        params.bare_star = true;
                    }
                }
                TokenKind::DoubleStar => {
                    self.bump();
                    params.kwarg = Some(self.parse_param(is_lambda, false));
                }
                TokenKind::Name => {
                    let param = self.parse_param(is_lambda, true);
                    if seen_star {
                        params.kwonly.push(param);
                    } else {
                        if param.default.is_some() {
                            seen_default = true;
                        } else if seen_default {
                            self.report("non-default argument follows default argument", param.name.span);
                        }
                        params.args.push(param);
                    }
                }
                _ => {
                    self.error_at_current("invalid syntax");
                    break;
                }
            }
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        if params.bare_star && params.kwonly.is_empty() && !self.in_error {
            let span = self.span();
            self.report("named arguments must follow bare *", span);
        }
        params
    }

    fn parse_param(&mut self, is_lambda: bool, allow_default: bool) -> Param {
        let name = self.expect_ident();
        let annotation = if !is_lambda && self.eat(TokenKind::Colon) { Some(self.parse_test()) } else { None };
        let default = if allow_default && self.at(TokenKind::Equal) {
            self.bump();
            if starts_expression(self.kind()) {
                Some(self.parse_test())
            } else {
                self.error_at_current("invalid syntax");
                None
            }
        } else {
            None
        };
        Param { name, annotation, default }
    }
}
