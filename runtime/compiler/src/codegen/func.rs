//! Functions, lambdas, classes and comprehensions: creating them in the
//! enclosing scope (defaults, closures, decorators) and compiling their
//! bodies as scopes of their own.

use alloc::vec::Vec;

use crate::ast::{ClassDef, Comprehension, Expr, ExprKind, FunctionDef, Param, Parameters, Span};
use crate::emit::{op, Pass};
use crate::scope::{
    IdKind, ScopeId, ScopeKind, FLAG_IS_DBL_STAR_PARAM, FLAG_IS_PARAM, FLAG_IS_STAR_PARAM, SCOPE_FLAG_DEFKWARGS,
    SCOPE_FLAG_GENERATOR, SCOPE_FLAG_VARARGS, SCOPE_FLAG_VARKEYWORDS,
};

use super::expr::AssignKind;
use super::{CompElement, Compiler, ScopeRoot};

/// One entry of a parameter list, in source order.
enum ParamItem<'a> {
    Named(&'a Param),
    Star(Option<&'a Param>),
    DoubleStar(&'a Param),
}

fn param_items(params: &Parameters) -> Vec<ParamItem<'_>> {
    let mut items = Vec::new();
    for param in params.posonly.iter().chain(params.args.iter()) {
        items.push(ParamItem::Named(param));
    }
    if params.vararg.is_some() || params.bare_star {
        items.push(ParamItem::Star(params.vararg.as_ref()));
    }
    for param in params.kwonly.iter() {
        items.push(ParamItem::Named(param));
    }
    if let Some(param) = &params.kwarg {
        items.push(ParamItem::DoubleStar(param));
    }
    items
}

impl<'a> Compiler<'a> {
    /// Pushes the closed-over cells and makes the function or closure.
    fn close_over_variables(&mut self, child: ScopeId, n_pos_defaults: u32, n_kw_defaults: u32) {
        if n_kw_defaults > 0 {
            self.scopes.scopes[child].scope_flags |= SCOPE_FLAG_DEFKWARGS;
        }
        self.scopes.scopes[child].num_def_pos_args = n_pos_defaults as u16;
        let mut n_free = 0usize;
        if self.scope().kind != ScopeKind::Module {
            let mut loads = Vec::new();
            for id in self.scopes.scopes[self.cur].ids.iter() {
                if matches!(id.kind, IdKind::Cell | IdKind::Free) {
                    for id2 in self.scopes.scopes[child].ids.iter() {
                        if id2.kind == IdKind::Free && id2.name == id.name {
                            loads.push(id.local_num);
                        }
                    }
                }
            }
            for local in loads {
                self.emit.load_fast(local);
                n_free += 1;
            }
        }
        let has_defaults = n_pos_defaults > 0 || n_kw_defaults > 0;
        if n_free == 0 {
            self.emit.make_function(child, has_defaults);
        } else {
            self.emit.make_closure(child, n_free, has_defaults);
        }
    }

    /// Compiles default values and creates the function object.
    fn compile_defaults_and_make(&mut self, child: ScopeId, params: &'a Parameters) {
        let saved = (self.have_star, self.num_dict_params, self.num_default_params);
        self.have_star = false;
        self.num_dict_params = 0;
        self.num_default_params = 0;
        for item in param_items(params) {
            match item {
                ParamItem::Star(_) => self.have_star = true,
                ParamItem::DoubleStar(_) => {}
                ParamItem::Named(param) => match &param.default {
                    None => {
                        if !self.have_star && self.num_default_params != 0 {
                            self.syntax_error("non-default argument follows default argument", param.name.span);
                            return;
                        }
                    }
                    Some(default) => {
                        if self.have_star {
                            self.num_dict_params += 1;
                            if self.num_dict_params == 1 {
                                if self.num_default_params > 0 {
                                    self.emit.build(op::BUILD_TUPLE, self.num_default_params as usize);
                                } else {
                                    self.emit.load_null();
                                }
                                self.emit.build(op::BUILD_MAP, 0);
                            }
                            self.compile_expr(default);
                            self.emit.load_const_str(&mut self.tables, &param.name.name);
                            self.emit.store_map();
                        } else {
                            self.num_default_params += 1;
                            self.compile_expr(default);
                        }
                    }
                },
            }
        }
        if self.num_default_params > 0 && self.num_dict_params == 0 {
            self.emit.build(op::BUILD_TUPLE, self.num_default_params as usize);
            self.emit.load_null();
        }
        let (n_pos, n_kw) = (self.num_default_params, self.num_dict_params);
        self.close_over_variables(child, n_pos, n_kw);
        self.have_star = saved.0;
        self.num_dict_params = saved.1;
        self.num_default_params = saved.2;
    }

    /// Compiles decorators; returns how many must be called.
    fn compile_decorators(&mut self, decorators: &'a [Expr]) -> usize {
        let mut count = 0;
        for decorator in decorators {
            let (callee, args) = match &decorator.kind {
                ExprKind::Call { func, args } => (&**func, Some((args, func.span.end))),
                _ => (decorator, None),
            };
            let mut names: Vec<&'a crate::ast::Ident> = Vec::new();
            let mut current = callee;
            let base = loop {
                match &current.kind {
                    ExprKind::Attribute { value, attr } => {
                        names.push(attr);
                        current = value;
                    }
                    ExprKind::Name(name) => break Some(name),
                    _ => break None,
                }
            };
            names.reverse();
            let Some(base) = base else {
                self.syntax_error("invalid syntax", decorator.span);
                return count;
            };
            if base == "micropython" {
                if names.len() != 1 {
                    self.syntax_error("invalid micropython decorator", decorator.span);
                } else if names[0].name != "bytecode" {
                    if matches!(names[0].name.as_str(), "native" | "viper" | "asm_thumb" | "asm_xtensa" | "asm_rv32") {
                        self.syntax_error("invalid arch", names[0].span);
                    } else {
                        self.syntax_error("invalid micropython decorator", names[0].span);
                    }
                }
                continue;
            }
            count += 1;
            self.compile_expr(current);
            for name in names {
                self.emit.attr(&mut self.tables, &name.name, crate::emit::IdOp::Load);
            }
            if let Some((args, after)) = args {
                let paren = self.find_byte(after, b'(');
                self.set_line(paren);
                self.compile_call_args(args, false, 0);
            }
        }
        count
    }

    pub(crate) fn compile_function_def(&mut self, function: &'a FunctionDef, span: Span) {
        let call_count = self.compile_decorators(&function.decorators);
        let child =
            self.child_scope(ScopeKind::Function, &function.name.name, ScopeRoot::Function(function), span.start);
        self.compile_defaults_and_make(child, &function.params);
        if function.is_async {
            self.scopes.scopes[child].scope_flags |= SCOPE_FLAG_GENERATOR;
        }
        for _ in 0..call_count {
            self.emit.call_function(1, 0, false);
        }
        self.store_id(&function.name.name);
    }

    pub(crate) fn compile_class_def(&mut self, class: &'a ClassDef, span: Span) {
        let call_count = self.compile_decorators(&class.decorators);
        let child = self.child_scope(ScopeKind::Class, &class.name.name, ScopeRoot::Class(class), span.start);
        self.emit.load_build_class();
        self.close_over_variables(child, 0, 0);
        self.emit.load_const_str(&mut self.tables, &class.name.name);
        self.compile_call_args(&class.args, false, 2);
        for _ in 0..call_count {
            self.emit.call_function(1, 0, false);
        }
        self.store_id(&class.name.name);
    }

    pub(crate) fn compile_lambda(&mut self, params: &'a Parameters, body: &'a Expr, span: Span) {
        let child =
            self.child_scope(ScopeKind::Lambda, "<lambda>", ScopeRoot::Lambda { params, body, span }, span.start);
        self.compile_defaults_and_make(child, params);
    }

    pub(crate) fn compile_comprehension(
        &mut self,
        kind: ScopeKind,
        element: CompElement<'a>,
        generators: &'a [Comprehension],
        span: Span,
    ) {
        let name = match kind {
            ScopeKind::ListComp => "<listcomp>",
            ScopeKind::DictComp => "<dictcomp>",
            ScopeKind::SetComp => "<setcomp>",
            _ => "<genexpr>",
        };
        let Some(first) = generators.first() else { return };
        let child = self.child_scope(kind, name, ScopeRoot::Comprehension { element, generators, span }, span.start);
        self.close_over_variables(child, 0, 0);
        self.compile_expr(&first.iter);
        if kind == ScopeKind::GenExpr {
            self.emit.get_iter(false);
        }
        self.emit.call_function(1, 0, false);
    }

    /// Records the parameters of a function or lambda in its scope (scope pass).
    fn declare_params(&mut self, params: &'a Parameters) {
        self.have_star = false;
        for item in param_items(params) {
            if self.scopes.scopes[self.cur].scope_flags & SCOPE_FLAG_VARKEYWORDS != 0 {
                let offset = match &item {
                    ParamItem::Named(p) | ParamItem::DoubleStar(p) => p.name.span,
                    ParamItem::Star(p) => p.map(|p| p.name.span).unwrap_or_default(),
                };
                self.syntax_error("invalid syntax", offset);
                return;
            }
            let (param, flags) = match item {
                ParamItem::Named(param) => {
                    let scope = &mut self.scopes.scopes[self.cur];
                    if self.have_star {
                        scope.num_kwonly_args += 1;
                    } else {
                        scope.num_pos_args += 1;
                    }
                    (Some(param), FLAG_IS_PARAM)
                }
                ParamItem::Star(param) => {
                    self.have_star = true;
                    if param.is_some() {
                        self.scopes.scopes[self.cur].scope_flags |= SCOPE_FLAG_VARARGS;
                    }
                    (param, FLAG_IS_PARAM | FLAG_IS_STAR_PARAM)
                }
                ParamItem::DoubleStar(param) => {
                    self.scopes.scopes[self.cur].scope_flags |= SCOPE_FLAG_VARKEYWORDS;
                    (Some(param), FLAG_IS_PARAM | FLAG_IS_DBL_STAR_PARAM)
                }
            };
            if let Some(param) = param {
                let scope = &mut self.scopes.scopes[self.cur];
                let index = scope.find_or_add(&param.name.name, IdKind::Undecided);
                if scope.ids[index].kind != IdKind::Undecided {
                    self.syntax_error("argument name reused", param.name.span);
                    return;
                }
                scope.ids[index].kind = IdKind::Local;
                scope.ids[index].flags = flags;
            }
        }
    }

    pub(crate) fn compile_scope_body(&mut self, root: ScopeRoot<'a>) {
        match root {
            ScopeRoot::Module([statement])
                if self.options.mode == crate::compile::CompileMode::Eval
                    && matches!(statement.kind, crate::ast::StmtKind::Expr(_)) =>
            {
                // `eval` input: the body is one expression, whose value the
                // code returns (checked by `compile::compile_mode`).
                if let crate::ast::StmtKind::Expr(value) = &statement.kind {
                    self.set_line(statement.span.start);
                    self.compile_expr(value);
                    self.emit.return_value();
                }
            }
            ScopeRoot::Module(body) => {
                self.compile_block(body);
                self.emit.load_const_none();
                self.emit.return_value();
            }
            ScopeRoot::Function(function) => {
                if self.pass == Pass::Scope {
                    self.declare_params(&function.params);
                }
                self.compile_block(&function.body);
                self.emit.load_const_none();
                self.emit.return_value();
            }
            ScopeRoot::Lambda { params, body, span } => {
                self.set_line(span.start);
                if self.pass == Pass::Scope {
                    self.declare_params(params);
                }
                self.compile_expr(body);
                if self.emit.scope_flags & SCOPE_FLAG_GENERATOR != 0 {
                    self.emit.pop_top();
                    self.emit.load_const_none();
                }
                self.emit.return_value();
            }
            ScopeRoot::Comprehension { element, generators, span } => {
                let kind = self.scope().kind;
                if self.pass == Pass::Scope {
                    self.scopes.scopes[self.cur].find_or_add("", IdKind::Local);
                    self.scopes.scopes[self.cur].num_pos_args = 1;
                }
                let element_start = match element {
                    CompElement::Single(expr) => expr.span.start,
                    CompElement::KeyValue(key, _) => key.span.start,
                };
                let _ = span;
                self.set_line(element_start);
                match kind {
                    ScopeKind::ListComp => self.emit.build(op::BUILD_LIST, 0),
                    ScopeKind::DictComp => self.emit.build(op::BUILD_MAP, 0),
                    ScopeKind::SetComp => self.emit.build(op::BUILD_SET, 0),
                    _ => {}
                }
                if kind == ScopeKind::GenExpr {
                    self.emit.load_null();
                    self.load_id("");
                    self.emit.load_null();
                    self.emit.load_null();
                } else {
                    self.load_id("");
                    self.emit.get_iter(true);
                }
                self.compile_comp_iter(generators, 0, element, kind);
                if kind == ScopeKind::GenExpr {
                    self.emit.load_const_none();
                }
                self.emit.return_value();
            }
            ScopeRoot::Class(class) => {
                if self.pass == Pass::Scope {
                    self.scopes.scopes[self.cur].find_or_add("__class__", IdKind::Local);
                }
                self.load_id("__name__");
                self.store_id("__module__");
                self.emit.load_const_str(&mut self.tables, &class.name.name);
                self.store_id("__qualname__");
                self.compile_block(&class.body);
                let scope = &self.scopes.scopes[self.cur];
                match scope.find("__class__").map(|i| &scope.ids[i]) {
                    Some(id) if id.kind != IdKind::Local => {
                        let local = id.local_num;
                        self.emit.load_fast(local);
                    }
                    _ => self.emit.load_const_none(),
                }
                self.emit.return_value();
            }
        }
    }

    fn compile_comp_iter(
        &mut self,
        generators: &'a [Comprehension],
        depth: usize,
        element: CompElement<'a>,
        kind: ScopeKind,
    ) {
        let Some((generator, rest)) = generators.split_first() else { return };
        if generator.is_async {
            self.syntax_error("invalid syntax", generator.target.span);
            return;
        }
        let top = self.new_label();
        let end = self.new_label();
        self.emit.label_assign(top);
        self.emit.for_iter(end);
        self.c_assign(&generator.target, AssignKind::Store);
        for condition in generator.ifs.iter() {
            self.c_if_cond(condition, false, top);
        }
        if let Some(next) = rest.first() {
            self.compile_expr(&next.iter);
            self.emit.get_iter(true);
            self.compile_comp_iter(rest, depth + 1, element, kind);
        } else {
            match element {
                CompElement::Single(expr) => self.compile_expr(expr),
                CompElement::KeyValue(key, value) => {
                    self.set_line(key.span.start);
                    self.compile_expr(value);
                    self.compile_expr(key);
                }
            }
            match kind {
                ScopeKind::GenExpr => {
                    self.emit.yield_op(false);
                    self.emit.pop_top();
                }
                ScopeKind::ListComp => self.emit.store_comp(0, 4 * depth + 5),
                ScopeKind::DictComp => self.emit.store_comp(1, 4 * depth + 5),
                _ => self.emit.store_comp(2, 4 * depth + 5),
            }
        }
        self.emit.jump(top);
        self.emit.label_assign(end);
        self.emit.for_iter_end();
    }
}
