//! Statements: assignments, imports, `if`/`while`/`for` (including the
//! counter loop MicroPython uses for `for i in range(...)`), `global` and
//! `nonlocal`, `assert`, `del`, `return`, `raise` and the loop jumps.

use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{Arg, DottedName, Expr, ExprKind, ImportNames, Span, Stmt, StmtKind};
use crate::emit::{binary, op, BREAK_FROM_FOR};
use crate::fold::Folded;
use crate::scope::{IdKind, ScopeKind};

use super::expr::{binop_code, AssignKind};
use super::{Compiler, INVALID_LABEL};

impl<'a> Compiler<'a> {
    pub(crate) fn compile_block(&mut self, body: &'a [Stmt]) {
        for statement in body {
            self.compile_stmt(statement);
        }
    }

    pub(crate) fn compile_stmt(&mut self, statement: &'a Stmt) {
        if self.should_stop(statement.span) || self.removed_statements.contains(&statement.span.start) {
            return;
        }
        let start = match &statement.kind {
            StmtKind::FunctionDef(function) => function
                .decorators
                .first()
                .map(|d| self.decorator_start(d))
                .unwrap_or(statement.span.start)
                .min(statement.span.start),
            StmtKind::ClassDef(class) => class
                .decorators
                .first()
                .map(|d| self.decorator_start(d))
                .unwrap_or(statement.span.start)
                .min(statement.span.start),
            _ => statement.span.start,
        };
        self.set_line(start);
        match &statement.kind {
            StmtKind::Expr(value)
                if self.options.mode == crate::compile::CompileMode::Single
                    && self.scope().kind == ScopeKind::Module =>
            {
                // A REPL entry prints what its expression statements give
                // (MicroPython calls the builtin `__repl_print__`).
                self.load_id("__repl_print__");
                self.compile_expr(value);
                self.emit.call_function(1, 0, false);
                self.emit.pop_top();
            }
            StmtKind::Expr(value) => match self.fold(value) {
                Some(Folded::EmptyTuple) | None => {
                    self.compile_expr(value);
                    self.emit.pop_top();
                }
                Some(_) => {}
            },
            StmtKind::Assign { targets, value } => {
                if let Some(folded) = self.const_statements.get(&statement.span.start).cloned() {
                    self.compile_folded(&folded, statement.span.start);
                    self.c_assign(&targets[0], AssignKind::Store);
                } else {
                    self.compile_assign(targets, value);
                }
            }
            StmtKind::AugAssign { target, op, value } => {
                self.c_assign(target, AssignKind::AugLoad);
                self.compile_expr(value);
                self.emit.binary_op(binop_code(*op) - binary::INPLACE_OFFSET);
                self.c_assign(target, AssignKind::AugStore);
            }
            StmtKind::AnnAssign { target, value, .. } => match value {
                Some(value) => self.compile_assign(core::slice::from_ref(target), value),
                None => {
                    if self.scope().kind == ScopeKind::Function {
                        if let ExprKind::Name(name) = &target.kind {
                            self.scopes.scopes[self.cur].find_or_add(name, IdKind::Local);
                        }
                    }
                }
            },
            StmtKind::Pass => {}
            StmtKind::Break | StmtKind::Continue => {
                let label =
                    if matches!(statement.kind, StmtKind::Break) { self.break_label } else { self.continue_label };
                if label == INVALID_LABEL {
                    self.syntax_error("'break'/'continue' outside loop", statement.span);
                }
                let depth = self.cur_except_level - self.break_continue_except_level;
                self.emit.unwind_jump(label, depth);
            }
            StmtKind::Return(value) => self.compile_return(value.as_ref(), statement.span),
            StmtKind::Raise { exc, cause } => match (exc, cause) {
                (None, _) => self.emit.raise_varargs(0),
                (Some(exc), Some(cause)) => {
                    self.compile_expr(exc);
                    self.compile_expr(cause);
                    self.emit.raise_varargs(2);
                }
                (Some(exc), None) => {
                    self.compile_expr(exc);
                    self.emit.raise_varargs(1);
                }
            },
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                let is_global = matches!(statement.kind, StmtKind::Global(_));
                self.compile_global_nonlocal(names, is_global, statement.span);
            }
            StmtKind::Del(targets) => {
                for target in targets {
                    self.c_del(target);
                }
            }
            StmtKind::Assert { test, msg } => {
                if self.options.opt_level != 0 {
                    return;
                }
                let end = self.new_label();
                self.c_if_cond(test, true, end);
                self.load_global_explicit("AssertionError");
                if let Some(msg) = msg {
                    self.compile_expr(msg);
                    self.emit.call_function(1, 0, false);
                }
                self.emit.raise_varargs(1);
                self.emit.label_assign(end);
            }
            StmtKind::Import(aliases) => {
                for alias in aliases {
                    self.emit.load_const_small_int(0);
                    self.emit.load_const_none();
                    let base = self.import_name(Some(&alias.name), alias.asname.is_some());
                    let store = alias.asname.as_ref().map(|a| a.name.clone()).unwrap_or(base);
                    self.store_id(&store);
                }
            }
            StmtKind::ImportFrom { level, module, names } => {
                self.compile_import_from(*level, module.as_ref(), names, statement.span)
            }
            StmtKind::If { .. } => self.compile_if(statement),
            StmtKind::While { test, body, orelse } => self.compile_while(test, body, orelse),
            StmtKind::For { is_async: false, target, iter, body, orelse } => {
                self.compile_for(target, iter, body, orelse)
            }
            StmtKind::For { is_async: true, target, iter, body, orelse } => {
                if self.check_async_allowed(statement.span) {
                    self.compile_async_for(target, iter, body, orelse);
                }
            }
            StmtKind::With { is_async: false, items, body } => self.compile_with(items, body),
            StmtKind::With { is_async: true, items, body } => {
                if self.check_async_allowed(statement.span) {
                    self.compile_async_with(items, body);
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => self.compile_try(body, handlers, orelse, finalbody),
            StmtKind::FunctionDef(function) => self.compile_function_def(function, statement.span),
            StmtKind::ClassDef(class) => self.compile_class_def(class, statement.span),
        }
    }

    fn decorator_start(&self, decorator: &Expr) -> u32 {
        let mut index = decorator.span.start as usize;
        while index > 0 && self.source[index - 1] != b'@' && matches!(self.source[index - 1], b' ' | b'\t') {
            index -= 1;
        }
        if index > 0 && self.source[index - 1] == b'@' {
            (index - 1) as u32
        } else {
            decorator.span.start
        }
    }

    fn check_async_allowed(&mut self, span: Span) -> bool {
        if self.scopes.scopes[self.cur].scope_flags & crate::scope::SCOPE_FLAG_GENERATOR == 0 {
            self.syntax_error("async for/with outside async function", span);
            return false;
        }
        true
    }

    /// True for a tuple written without parentheses (`a, b`).
    fn is_bare_tuple(&self, expr: &Expr) -> bool {
        matches!(&expr.kind, ExprKind::Tuple(items) if !items.is_empty())
            && !crate::fold::FoldContext::is_parenthesized(self, expr)
            && !self.is_wrapped_in_parens(expr)
    }

    pub(crate) fn is_wrapped_in_parens(&self, expr: &Expr) -> bool {
        let start = expr.span.start as usize;
        let end = expr.span.end as usize;
        start < end
            && end <= self.source.len()
            && self.source[start] == b'('
            && super::matching_paren(self.source, start) == Some(end - 1)
    }

    fn compile_assign(&mut self, targets: &'a [Expr], value: &'a Expr) {
        if targets.len() > 1 {
            self.compile_expr(value);
            self.emit.dup_top();
            self.c_assign(&targets[0], AssignKind::Store);
            for (index, target) in targets[1..].iter().enumerate() {
                if index + 2 < targets.len() {
                    self.emit.dup_top();
                }
                self.c_assign(target, AssignKind::Store);
            }
            return;
        }
        let target = &targets[0];
        if let (ExprKind::Tuple(left), ExprKind::Tuple(right)) = (&target.kind, &value.kind) {
            if self.is_bare_tuple(target)
                && self.is_bare_tuple(value)
                && self.fold(value).is_none()
                && left.len() == right.len()
                && (left.len() == 2 || left.len() == 3)
                && !left.iter().any(|item| matches!(item.kind, ExprKind::Starred(_)))
            {
                self.compile_expr(&right[0]);
                self.compile_expr(&right[1]);
                if left.len() == 3 {
                    self.compile_expr(&right[2]);
                    self.emit.rot_three();
                }
                self.emit.rot_two();
                for item in left.iter() {
                    self.c_assign(item, AssignKind::Store);
                }
                return;
            }
        }
        self.compile_expr(value);
        self.c_assign(target, AssignKind::Store);
    }

    fn compile_return(&mut self, value: Option<&'a Expr>, span: Span) {
        if self.scope().kind != ScopeKind::Function {
            self.syntax_error("'return' outside function", span);
            return;
        }
        match value {
            None => self.emit.load_const_none(),
            Some(value) => {
                if let (ExprKind::IfExp { test, body, orelse }, None) = (&value.kind, self.fold(value)) {
                    let fail = self.new_label();
                    self.c_if_cond(test, false, fail);
                    self.compile_expr(body);
                    self.emit.return_value();
                    self.emit.label_assign(fail);
                    self.compile_expr(orelse);
                } else {
                    self.compile_expr(value);
                }
            }
        }
        self.emit.return_value();
    }

    /// Emits the import of a dotted name and returns the name bound by a plain `import`.
    fn import_name(&mut self, name: Option<&'a DottedName>, is_as: bool) -> String {
        let Some(name) = name else {
            self.emit.import_name(&mut self.tables, "");
            return String::new();
        };
        let full: Vec<&str> = name.parts.iter().map(|p| p.name.as_str()).collect();
        let joined = full.join(".");
        self.emit.import_name(&mut self.tables, &joined);
        if is_as {
            for part in &name.parts[1..] {
                self.emit.attr(&mut self.tables, &part.name, crate::emit::IdOp::Load);
            }
        }
        name.parts.first().map(|p| p.name.clone()).unwrap_or_default()
    }

    fn compile_import_from(&mut self, level: u32, module: Option<&'a DottedName>, names: &'a ImportNames, span: Span) {
        match names {
            ImportNames::Star(_) => {
                if self.scope().kind != ScopeKind::Module {
                    self.syntax_error("import * not at module level", span);
                    return;
                }
                self.emit.load_const_small_int(level as i64);
                self.emit.load_const_str(&mut self.tables, "*");
                self.emit.build(op::BUILD_TUPLE, 1);
                self.import_name(module, false);
                self.emit.import_star();
            }
            ImportNames::Names(aliases) => {
                self.emit.load_const_small_int(level as i64);
                for alias in aliases {
                    self.emit.load_const_str(&mut self.tables, &alias.name.name);
                }
                self.emit.build(op::BUILD_TUPLE, aliases.len());
                self.import_name(module, false);
                for alias in aliases {
                    self.emit.import_from(&mut self.tables, &alias.name.name);
                    let store = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.store_id(&store.name);
                }
                self.emit.pop_top();
            }
        }
    }

    pub(crate) fn declare_global_or_nonlocal(&mut self, index: usize, is_global: bool, span: Span) {
        let cur = self.cur;
        let kind = self.scopes.scopes[cur].ids[index].kind;
        if is_global {
            if kind != IdKind::Undecided && kind != IdKind::GlobalExplicit {
                self.syntax_error("identifier redefined as global", span);
                return;
            }
            self.scopes.scopes[cur].ids[index].kind = IdKind::GlobalExplicit;
            let name = self.scopes.scopes[cur].ids[index].name.clone();
            let outer = self.scopes.outermost(cur);
            if let Some(global_index) = self.scopes.scopes[outer].find(&name) {
                self.scopes.scopes[outer].ids[global_index].kind = IdKind::GlobalExplicit;
            }
        } else if kind == IdKind::Undecided {
            self.scopes.scopes[cur].ids[index].kind = IdKind::GlobalImplicit;
            self.scopes.check_to_close_over(cur, index);
            if self.scopes.scopes[cur].ids[index].kind == IdKind::GlobalImplicit {
                self.syntax_error("no binding for nonlocal found", span);
            }
        } else if kind != IdKind::Free {
            self.syntax_error("identifier redefined as nonlocal", span);
        }
    }

    fn compile_global_nonlocal(&mut self, names: &'a [crate::ast::Ident], is_global: bool, span: Span) {
        if self.pass != crate::emit::Pass::Scope {
            return;
        }
        if !is_global && self.scope().kind == ScopeKind::Module {
            self.syntax_error("can't declare nonlocal in outer code", span);
            return;
        }
        for name in names {
            let index = self.scopes.scopes[self.cur].find_or_add(&name.name, IdKind::Undecided);
            self.declare_global_or_nonlocal(index, is_global, span);
        }
    }

    fn compile_if(&mut self, statement: &'a Stmt) {
        let StmtKind::If { test, body, orelse, .. } = &statement.kind else { return };
        // Gather the `elif` chain: MicroPython compiles it as one flat statement.
        let mut branches: Vec<(&'a Expr, &'a [Stmt])> = Vec::new();
        let mut else_body: &'a [Stmt] = orelse;
        loop {
            match else_body {
                [Stmt { kind: StmtKind::If { test, body, orelse, is_elif: true }, .. }] => {
                    branches.push((test, body));
                    else_body = orelse;
                }
                _ => break,
            }
        }
        let end = self.new_label();
        let test_folded = self.fold(test);
        let is_false = matches!(&test_folded, Some(f) if !f.is_true());
        let is_true = matches!(&test_folded, Some(f) if f.is_true());
        if !is_false {
            let fail = self.new_label();
            self.c_if_cond(test, false, fail);
            self.compile_block(body);
            if is_true {
                self.emit.label_assign(end);
                return;
            }
            if !(branches.is_empty() && else_body.is_empty()) {
                self.emit.jump(end);
            }
            self.emit.label_assign(fail);
        }
        for (elif_test, elif_body) in branches {
            let folded = self.fold(elif_test);
            if matches!(&folded, Some(f) if !f.is_true()) {
                continue;
            }
            let fail = self.new_label();
            self.c_if_cond(elif_test, false, fail);
            self.compile_block(elif_body);
            if matches!(&folded, Some(f) if f.is_true()) {
                self.emit.label_assign(end);
                return;
            }
            self.emit.jump(end);
            self.emit.label_assign(fail);
        }
        self.compile_block(else_body);
        self.emit.label_assign(end);
    }

    pub(crate) fn start_loop(&mut self) -> (u32, u32, u32, u32, u32) {
        let saved = (self.break_label, self.continue_label, self.break_continue_except_level);
        let break_label = self.new_label();
        let continue_label = self.new_label();
        self.break_label = break_label;
        self.continue_label = continue_label;
        self.break_continue_except_level = self.cur_except_level;
        (saved.0, saved.1, saved.2, break_label, continue_label)
    }

    pub(crate) fn end_loop(&mut self, saved: (u32, u32, u32, u32, u32)) {
        self.break_label = saved.0;
        self.continue_label = saved.1;
        self.break_continue_except_level = saved.2;
    }

    fn compile_while(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) {
        let saved = self.start_loop();
        let (break_label, continue_label) = (saved.3, saved.4);
        let folded = self.fold(test);
        if !matches!(&folded, Some(f) if !f.is_true()) {
            let top = self.new_label();
            if !matches!(&folded, Some(f) if f.is_true()) {
                self.emit.jump(continue_label);
            }
            self.emit.label_assign(top);
            self.compile_block(body);
            self.emit.label_assign(continue_label);
            self.c_if_cond(test, true, top);
        }
        self.end_loop(saved);
        self.compile_block(orelse);
        self.emit.label_assign(break_label);
    }

    /// The arguments of `range(...)` when the loop can be a counter loop.
    fn range_arguments(
        &self,
        target: &'a Expr,
        iter: &'a Expr,
    ) -> Option<(Option<&'a Expr>, &'a Expr, Option<(&'a Expr, i64)>)> {
        if !matches!(target.kind, ExprKind::Name(_)) || self.fold(target).is_some() {
            return None;
        }
        let ExprKind::Call { func, args } = &iter.kind else { return None };
        if !matches!(&func.kind, ExprKind::Name(name) if name == "range") || self.fold(func).is_some() {
            return None;
        }
        // As in MicroPython, a start or end that is not a plain expression
        // (`*args`, a keyword, or an unparenthesized generator expression such
        // as `range(0 for i in x)`) leaves the loop an iterator loop.
        let plain = |arg: &'a Arg| match arg {
            Arg::Positional(value)
                if !(matches!(value.kind, ExprKind::GeneratorExp { .. }) && !self.is_wrapped_in_parens(value)) =>
            {
                Some(value)
            }
            _ => None,
        };
        match args.as_slice() {
            [end] => Some((None, plain(end)?, None)),
            [start, end] => Some((Some(plain(start)?), plain(end)?, None)),
            [start, end, step] => {
                let step_expr = match step {
                    Arg::Positional(value) => value,
                    _ => return None,
                };
                let step_value = match self.fold(step_expr) {
                    Some(Folded::SmallInt(value)) if value != 0 => value,
                    _ => return None,
                };
                Some((Some(plain(start)?), plain(end)?, Some((step_expr, step_value))))
            }
            _ => None,
        }
    }

    fn compile_for(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) {
        if let Some((start, end, step)) = self.range_arguments(target, iter) {
            self.compile_for_range(target, start, end, step, body, orelse);
            return;
        }
        let saved = self.start_loop();
        let (break_label, continue_label) = (saved.3, saved.4);
        self.break_label |= BREAK_FROM_FOR;
        let pop_label = self.new_label();
        self.compile_expr(iter);
        self.emit.get_iter(true);
        self.emit.label_assign(continue_label);
        self.emit.for_iter(pop_label);
        self.c_assign(target, AssignKind::Store);
        self.compile_block(body);
        self.emit.jump(continue_label);
        self.emit.label_assign(pop_label);
        self.emit.for_iter_end();
        self.end_loop(saved);
        self.compile_block(orelse);
        self.emit.label_assign(break_label);
    }

    fn compile_for_range(
        &mut self,
        target: &'a Expr,
        start: Option<&'a Expr>,
        end: &'a Expr,
        step: Option<(&'a Expr, i64)>,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) {
        let saved = self.start_loop();
        let (break_label, continue_label) = (saved.3, saved.4);
        let top = self.new_label();
        let entry = self.new_label();
        let end_on_stack = !matches!(self.fold(end), Some(Folded::SmallInt(_)));
        if end_on_stack {
            self.compile_expr(end);
        }
        match start {
            Some(start) => self.compile_expr(start),
            None => self.emit.load_const_small_int(0),
        }
        self.emit.jump(entry);
        self.emit.label_assign(top);
        self.emit.dup_top();
        self.c_assign(target, AssignKind::Store);
        self.compile_block(body);
        self.emit.label_assign(continue_label);
        let step_value = match step {
            Some((step_expr, value)) => {
                self.compile_expr(step_expr);
                value
            }
            None => {
                self.emit.load_const_small_int(1);
                1
            }
        };
        self.emit.binary_op(binary::INPLACE_ADD);
        self.emit.label_assign(entry);
        if end_on_stack {
            self.emit.dup_top_two();
            self.emit.rot_two();
        } else {
            self.emit.dup_top();
            self.compile_expr(end);
        }
        self.emit.binary_op(if step_value >= 0 { binary::LESS } else { binary::MORE });
        self.emit.pop_jump_if(true, top);
        self.end_loop(saved);
        let mut end_label = 0;
        if !orelse.is_empty() {
            self.emit.pop_top();
            if end_on_stack {
                self.emit.pop_top();
            }
            self.compile_block(orelse);
            end_label = self.new_label();
            self.emit.jump(end_label);
            self.emit.adjust_stack_size(1 + end_on_stack as i32);
        }
        self.emit.label_assign(break_label);
        self.emit.pop_top();
        if end_on_stack {
            self.emit.pop_top();
        }
        if !orelse.is_empty() {
            self.emit.label_assign(end_label);
        }
    }
}
