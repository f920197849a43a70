//! Checks on expressions used as assignment, `del` and augmented targets.
//!
//! The parser reads a target as an ordinary expression and validates it
//! afterwards, as CPython does. Valid assignment targets are names,
//! attributes, subscripts, and tuples or lists of targets with at most one
//! starred element each. The messages follow MicroPython where it has one
//! ("can't assign to expression", "can't delete expression",
//! "multiple *x in assignment").

use super::Parser;
use crate::ast::{Expr, ExprKind};

impl<'src> Parser<'src> {
    /// Checks the target of `=`, `for`, `with ... as` and comprehensions.
    pub(super) fn check_assign_target(&mut self, target: &Expr) {
        if let ExprKind::Starred(_) = target.kind {
            self.report("starred assignment target must be in a list or tuple", target.span);
            return;
        }
        self.check_target(target);
    }

    fn check_target(&mut self, target: &Expr) {
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            ExprKind::Tuple(elements) | ExprKind::List(elements) => {
                let mut starred = 0;
                for element in elements {
                    match &element.kind {
                        ExprKind::Starred(inner) => {
                            starred += 1;
                            if starred == 2 {
                                self.report("multiple *x in assignment", element.span);
                            }
                            if let ExprKind::Starred(_) = inner.kind {
                                self.report("*x must be assignment target", inner.span);
                            } else {
                                self.check_target(inner);
                            }
                        }
                        _ => self.check_target(element),
                    }
                }
            }
            ExprKind::Starred(_) => self.report("*x must be assignment target", target.span),
            _ => self.report("can't assign to expression", target.span),
        }
    }

    pub(super) fn check_del_target(&mut self, target: &Expr) {
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            ExprKind::Tuple(elements) | ExprKind::List(elements) => {
                for element in elements {
                    self.check_del_target(element);
                }
            }
            _ => self.report("can't delete expression", target.span),
        }
    }

    pub(super) fn check_augmented_target(&mut self, target: &Expr) {
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            _ => self.report("can't assign to expression", target.span),
        }
    }

    pub(super) fn check_annotated_target(&mut self, target: &Expr) {
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            ExprKind::Tuple(_) => self.report("only single target (not tuple) can be annotated", target.span),
            ExprKind::List(_) => self.report("only single target (not list) can be annotated", target.span),
            _ => self.report("illegal target for annotation", target.span),
        }
    }

    /// A starred expression is only allowed as an element of a display,
    /// an expression list or a target list.
    pub(super) fn check_not_starred(&mut self, expr: &Expr) {
        if let ExprKind::Starred(_) = expr.kind {
            self.report("*x must be assignment target", expr.span);
        }
    }

    /// Like [`Self::check_not_starred`], for the places where MicroPython's
    /// grammar has no starred expression at all (`return *a`, `{*a: 1}`,
    /// `{*a for a in b}`, `f(*a for a in b)`), so it says "invalid syntax".
    pub(super) fn check_not_starred_in_grammar(&mut self, expr: &Expr) {
        if let ExprKind::Starred(_) = expr.kind {
            self.report("invalid syntax", expr.span);
        }
    }
}
