//! Calls and f-strings.
//!
//! A call pushes its positional arguments, then keyword arguments as
//! (name, value) pairs; `*x` arguments are marked in a bitmap pushed last and
//! `**x` arguments are keyword pairs with a NULL name. f-strings are compiled
//! as MicroPython's lexer rewrites them: `f"a{x!r:>{w}}"` becomes
//! `"a{!r:>{}}".format(x, w)`.

use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{Arg, Expr, ExprKind, FStringPart, Span};
use crate::fold::{ConstObj, FoldContext};
use crate::scope::ScopeKind;

use super::{CompElement, Compiler};

impl<'a> Compiler<'a> {
    /// Compiles the arguments of a call whose callee is on the stack and emits
    /// the call. `extra_positional` counts arguments already pushed.
    pub(crate) fn compile_call_args(&mut self, args: &'a [Arg], is_method: bool, extra_positional: usize) {
        let mut n_positional = extra_positional;
        let mut n_keyword = 0usize;
        let mut has_double_star = false;
        let mut has_star_flags = false;
        let mut star_bitmap: i64 = 0;
        for (index, arg) in args.iter().enumerate() {
            match arg {
                Arg::Star(value) => {
                    if has_double_star {
                        self.syntax_error("* arg after **", value.span);
                        return;
                    }
                    if index as u32 >= self.options.small_int_bits - 1 {
                        self.syntax_error("too many args", value.span);
                        return;
                    }
                    has_star_flags = true;
                    star_bitmap |= 1i64 << index;
                    self.compile_expr(value);
                    n_positional += 1;
                }
                Arg::DoubleStar(value) => {
                    has_double_star = true;
                    has_star_flags = true;
                    self.emit.load_null();
                    self.compile_expr(value);
                    n_keyword += 1;
                }
                Arg::Keyword(name, value) => {
                    if self.const_name(&name.name, name.span.start).is_some() {
                        self.syntax_error("LHS of keyword arg must be an id", name.span);
                        return;
                    }
                    self.emit.load_const_str(&mut self.tables, &name.name);
                    self.compile_expr(value);
                    n_keyword += 1;
                }
                Arg::Positional(value) => {
                    if has_double_star {
                        self.syntax_error("positional arg after **", value.span);
                        return;
                    }
                    if n_keyword > 0 {
                        self.syntax_error("positional arg after keyword arg", value.span);
                        return;
                    }
                    match &value.kind {
                        ExprKind::GeneratorExp { elt, generators } if !self.is_wrapped_in_parens(value) => {
                            self.compile_comprehension(
                                ScopeKind::GenExpr,
                                CompElement::Single(elt),
                                generators,
                                value.span,
                            );
                        }
                        _ => self.compile_expr(value),
                    }
                    n_positional += 1;
                }
            }
        }
        if has_star_flags {
            self.emit.load_const_small_int(star_bitmap);
        }
        if is_method {
            self.emit.call_method(n_positional, n_keyword, has_star_flags);
        } else {
            self.emit.call_function(n_positional, n_keyword, has_star_flags);
        }
    }

    fn fstring_text(parts: &'a [FStringPart], text: &mut String, args: &mut Vec<&'a Expr>) {
        for part in parts {
            match part {
                FStringPart::Literal(literal) => {
                    for character in literal.chars() {
                        match character {
                            '{' => text.push_str("{{"),
                            '}' => text.push_str("}}"),
                            other => text.push(other),
                        }
                    }
                }
                FStringPart::Verbatim(verbatim) => text.push_str(verbatim),
                FStringPart::Field(field) => {
                    if let Some(debug) = &field.debug_text {
                        text.push_str(debug);
                    }
                    text.push('{');
                    args.push(&field.expr);
                    if let Some(conversion) = field.conversion {
                        text.push('!');
                        text.push(conversion);
                    }
                    if let Some(spec) = &field.format_spec {
                        text.push(':');
                        Self::fstring_text(spec, text, args);
                    }
                    text.push('}');
                }
            }
        }
    }

    pub(crate) fn compile_fstring(&mut self, parts: &'a [FStringPart], span: Span, args_at: u32) {
        let mut text = String::new();
        let mut args = Vec::new();
        Self::fstring_text(parts, &mut text, &mut args);
        if self.string_is_qstr(&text, false) {
            self.emit.load_const_str(&mut self.tables, &text);
        } else {
            self.set_line(span.start);
            self.emit.load_const_obj(&mut self.tables, &ConstObj::Str(text));
        }
        self.emit.load_method(&mut self.tables, "format", false);
        let outer = self.line_override.replace(args_at);
        for arg in args.iter() {
            self.compile_expr(arg);
        }
        self.line_override = outer;
        self.emit.call_method(args.len(), 0, false);
    }
}
