//! Expressions: loads, operators, displays, subscripts, conditions and
//! assignment targets.
//!
//! Expressions MicroPython's parser would have folded are emitted from their
//! [`Folded`] value; the rest follow the shapes of its parse tree (operator
//! chains are flat, `a.b.c(...)` is one atom with trailers), because the line
//! number table and the method-call optimisation depend on those shapes.

use alloc::vec::Vec;

use crate::ast::{Arg, BinOp, BoolOp, CmpOp, Constant, DictItem, Expr, ExprKind, Ident, UnaryOp};
use crate::emit::{binary, op, unary, IdOp, Pass};
use crate::fold::{ConstObj, Folded};
use crate::scope::ScopeKind;

use super::{CompElement, Compiler};

/// One trailer of an atom: `.name`, `(args)` or `[index]`.
#[derive(Clone, Copy)]
pub(crate) enum Trailer<'a> {
    Attr(&'a Ident),
    Call(&'a [Arg], u32),
    Index(&'a Expr, u32),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum AssignKind {
    Store,
    AugLoad,
    AugStore,
}

pub(crate) fn binop_code(op: BinOp) -> u8 {
    match op {
        BinOp::BitOr => binary::OR,
        BinOp::BitXor => binary::XOR,
        BinOp::BitAnd => binary::AND,
        BinOp::LShift => binary::LSHIFT,
        BinOp::RShift => binary::RSHIFT,
        BinOp::Add => binary::ADD,
        BinOp::Sub => binary::SUBTRACT,
        BinOp::Mult => binary::MULTIPLY,
        BinOp::MatMult => binary::MAT_MULTIPLY,
        BinOp::FloorDiv => binary::FLOOR_DIVIDE,
        BinOp::Div => binary::TRUE_DIVIDE,
        BinOp::Mod => binary::MODULO,
        BinOp::Pow => binary::POWER,
    }
}

impl<'a> Compiler<'a> {
    /// The offset of the first `open` byte at or after `from` (a `(` or `[`).
    pub(crate) fn find_byte(&self, from: u32, open: u8) -> u32 {
        let mut index = from as usize;
        while index < self.source.len() {
            if self.source[index] == open {
                return index as u32;
            }
            index += 1;
        }
        from
    }

    /// Splits `a.b(c)[d]` into its atom and trailers, stopping at parentheses.
    /// The list comes from a pool; hand it back with [`Self::recycle_trailers`].
    pub(crate) fn flatten_trailers(&mut self, expr: &'a Expr) -> (&'a Expr, Vec<Trailer<'a>>) {
        let mut trailers = self.trailer_pool.pop().unwrap_or_default();
        let mut current = expr;
        loop {
            let next = match &current.kind {
                ExprKind::Attribute { value, attr } => {
                    trailers.push(Trailer::Attr(attr));
                    value
                }
                ExprKind::Call { func, args } => {
                    let paren = self.find_byte(func.span.end, b'(');
                    trailers.push(Trailer::Call(args, paren));
                    func
                }
                ExprKind::Subscript { value, index } => {
                    let bracket = self.find_byte(value.span.end, b'[');
                    trailers.push(Trailer::Index(index, bracket));
                    value
                }
                _ => break,
            };
            if matches!(next.kind, ExprKind::Attribute { .. } | ExprKind::Call { .. } | ExprKind::Subscript { .. })
                && crate::fold::FoldContext::is_parenthesized(self, next)
            {
                current = next;
                break;
            }
            current = next;
        }
        trailers.reverse();
        (current, trailers)
    }

    /// Returns a list from [`Self::flatten_trailers`] to the pool, so that
    /// the passes over a file allocate one list per nesting depth, not one
    /// per expression.
    pub(crate) fn recycle_trailers(&mut self, mut trailers: Vec<Trailer<'a>>) {
        trailers.clear();
        self.trailer_pool.push(trailers);
    }

    /// Loads a folded constant; `origin` tells NaN constants apart (see
    /// `ModuleTables::use_object_from`).
    pub(crate) fn compile_folded(&mut self, folded: &Folded, origin: u32) {
        match folded {
            Folded::SmallInt(value) => self.emit.load_const_small_int(*value),
            Folded::Qstr(text) => self.emit.load_const_str(&mut self.tables, text),
            Folded::Token(Constant::None) => self.emit.load_const_none(),
            Folded::Token(Constant::True) => self.emit.load_const_bool(true),
            Folded::Token(Constant::False) => self.emit.load_const_bool(false),
            Folded::Token(Constant::Ellipsis) => self.emit.load_const_obj(&mut self.tables, &ConstObj::Ellipsis),
            Folded::Object { obj, line_offset } => {
                if let Some(offset) = line_offset {
                    self.set_line(*offset);
                }
                self.emit.load_const_obj_from(&mut self.tables, obj, origin);
            }
            Folded::EmptyTuple => self.emit.build(op::BUILD_TUPLE, 0),
        }
    }

    pub(crate) fn compile_expr(&mut self, expr: &'a Expr) {
        if self.should_stop(expr.span) {
            return;
        }
        // Fast paths for the most common leaves, avoiding a folded copy.
        match &expr.kind {
            ExprKind::Name(name) if name != "__debug__" && !self.consts.iter().any(|c| c.name == *name) => {
                self.load_id(name);
                return;
            }
            ExprKind::Str(literal)
                if crate::fold::FoldContext::string_is_qstr(self, &literal.value, literal.ident_before) =>
            {
                self.emit.load_const_str(&mut self.tables, &literal.value);
                return;
            }
            _ => {}
        }
        if let Some(folded) = self.fold(expr) {
            if let Folded::EmptyTuple = folded {
                self.set_line(expr.span.start);
            }
            let is_math_nan = matches!(&expr.kind, ExprKind::Attribute { value, attr }
                if attr.name == "nan" && matches!(&value.kind, ExprKind::Name(module) if module == "math"));
            let origin = if is_math_nan { crate::tables::MATH_NAN_ORIGIN } else { expr.span.start };
            self.compile_folded(&folded, origin);
            return;
        }
        if let ExprKind::Name(name) = &expr.kind {
            self.load_id(name);
            return;
        }
        self.set_line(expr.span.start);
        match &expr.kind {
            ExprKind::Tuple(items) => {
                for item in items {
                    self.compile_expr(item);
                }
                self.emit.build(op::BUILD_TUPLE, items.len());
            }
            ExprKind::List(items) => {
                for item in items {
                    self.compile_expr(item);
                }
                self.emit.build(op::BUILD_LIST, items.len());
            }
            ExprKind::Set(items) => {
                for item in items {
                    self.compile_expr(item);
                }
                self.emit.build(op::BUILD_SET, items.len());
            }
            ExprKind::Dict(items) => self.compile_dict(items, true),
            ExprKind::Starred(_) => self.syntax_error("*x must be assignment target", expr.span),
            ExprKind::Attribute { .. } | ExprKind::Call { .. } | ExprKind::Subscript { .. } => {
                let (atom, trailers) = self.flatten_trailers(expr);
                self.compile_atom_with_trailers(atom, &trailers);
                self.recycle_trailers(trailers);
            }
            ExprKind::Slice { .. } => self.compile_slice(expr),
            ExprKind::BinOp { op: BinOp::Pow, left, right } => {
                self.compile_expr(left);
                self.compile_expr(right);
                self.emit.binary_op(binop_code(BinOp::Pow));
            }
            ExprKind::BinOp { .. } => {
                let (first, rest) = crate::fold::flatten_chain(expr, self);
                self.compile_expr(first);
                for (operator, operand) in rest {
                    self.compile_expr(operand);
                    self.emit.binary_op(binop_code(operator));
                }
            }
            ExprKind::UnaryOp { op, operand } => {
                self.compile_expr(operand);
                let code = match op {
                    UnaryOp::Plus => unary::POSITIVE,
                    UnaryOp::Minus => unary::NEGATIVE,
                    UnaryOp::Invert => unary::INVERT,
                    UnaryOp::Not => unary::NOT,
                };
                self.emit.unary_op(code);
            }
            ExprKind::BoolOp { op, values } => {
                let kept = crate::fold::fold_bool_op(*op, values, self);
                if kept.len() == 1 {
                    self.compile_expr(kept[0]);
                    return;
                }
                let end = self.new_label();
                for (index, value) in kept.iter().enumerate() {
                    self.compile_expr(value);
                    if index + 1 < kept.len() {
                        self.emit.jump_if_or_pop(*op == BoolOp::Or, end);
                    }
                }
                self.emit.label_assign(end);
            }
            ExprKind::Compare { left, comparisons } => self.compile_comparison(left, comparisons),
            ExprKind::IfExp { test, body, orelse } => {
                let fail = self.new_label();
                let end = self.new_label();
                self.c_if_cond(test, false, fail);
                self.compile_expr(body);
                self.emit.jump(end);
                self.emit.label_assign(fail);
                self.emit.adjust_stack_size(-1);
                self.compile_expr(orelse);
                self.emit.label_assign(end);
            }
            ExprKind::Lambda { params, body } => self.compile_lambda(params, body, expr.span),
            ExprKind::NamedExpr { target, value } => self.compile_named_expr(target, value),
            ExprKind::ListComp { elt, generators } => {
                self.compile_comprehension(ScopeKind::ListComp, CompElement::Single(elt), generators, expr.span)
            }
            ExprKind::SetComp { elt, generators } => {
                self.compile_comprehension(ScopeKind::SetComp, CompElement::Single(elt), generators, expr.span)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.compile_comprehension(ScopeKind::GenExpr, CompElement::Single(elt), generators, expr.span)
            }
            ExprKind::DictComp { key, value, generators } => self.compile_comprehension(
                ScopeKind::DictComp,
                CompElement::KeyValue(key, value),
                generators,
                expr.span,
            ),
            ExprKind::Await(value) => {
                let kind = self.scope().kind;
                if kind != ScopeKind::Function && kind != ScopeKind::Lambda {
                    self.syntax_error("'await' outside function", expr.span);
                    return;
                }
                self.compile_expr(value);
                self.compile_yield_from();
            }
            ExprKind::Yield(value) => {
                let kind = self.scope().kind;
                if kind != ScopeKind::Function && kind != ScopeKind::Lambda {
                    self.syntax_error("'yield' outside function", expr.span);
                    return;
                }
                match value {
                    Some(value) => self.compile_expr(value),
                    None => self.emit.load_const_none(),
                }
                self.emit.yield_op(false);
            }
            ExprKind::YieldFrom(value) => {
                let kind = self.scope().kind;
                if kind != ScopeKind::Function && kind != ScopeKind::Lambda {
                    self.syntax_error("'yield' outside function", expr.span);
                    return;
                }
                self.compile_expr(value);
                self.compile_yield_from();
            }
            ExprKind::FString { parts, args_at } => self.compile_fstring(parts, expr.span, *args_at),
            _ => self.syntax_error("invalid syntax", expr.span),
        }
    }

    pub(crate) fn compile_yield_from(&mut self) {
        self.emit.get_iter(false);
        self.emit.load_const_none();
        self.emit.yield_op(true);
    }

    pub(crate) fn compile_dict(&mut self, items: &'a [DictItem], create_map: bool) {
        if create_map {
            self.emit.build(op::BUILD_MAP, items.len());
        }
        for item in items {
            match item {
                DictItem::KeyValue(key, value) => {
                    self.set_line(key.span.start);
                    self.compile_expr(value);
                    self.compile_expr(key);
                    self.emit.store_map();
                }
                DictItem::Unpack(value) => {
                    self.syntax_error("invalid syntax", value.span);
                    return;
                }
            }
        }
    }

    fn compile_comparison(&mut self, left: &'a Expr, comparisons: &'a [(CmpOp, Expr)]) {
        self.compile_expr(left);
        let multi = comparisons.len() > 1;
        let fail = if multi { self.new_label() } else { 0 };
        for (index, (operator, operand)) in comparisons.iter().enumerate() {
            let last = index + 1 == comparisons.len();
            self.compile_expr(operand);
            if !last {
                self.emit.dup_top();
                self.emit.rot_three();
            }
            let code = match operator {
                CmpOp::Lt => binary::LESS,
                CmpOp::Gt => binary::MORE,
                CmpOp::Eq => binary::EQUAL,
                CmpOp::LtE => binary::LESS_EQUAL,
                CmpOp::GtE => binary::MORE_EQUAL,
                CmpOp::NotEq => binary::NOT_EQUAL,
                CmpOp::In => binary::IN,
                CmpOp::NotIn => binary::NOT_IN,
                CmpOp::Is => binary::IS,
                CmpOp::IsNot => binary::IS_NOT,
            };
            self.emit.binary_op(code);
            if !last {
                self.emit.jump_if_or_pop(false, fail);
            }
        }
        if multi {
            let end = self.new_label();
            self.emit.jump(end);
            self.emit.label_assign(fail);
            self.emit.adjust_stack_size(1);
            self.emit.rot_two();
            self.emit.pop_top();
            self.emit.label_assign(end);
        }
    }

    fn compile_slice(&mut self, expr: &'a Expr) {
        let ExprKind::Slice { lower, upper, step } = &expr.kind else { return };
        match lower {
            Some(lower) => self.compile_expr(lower),
            None => self.emit.load_const_none(),
        }
        match upper {
            Some(upper) => self.compile_expr(upper),
            None => self.emit.load_const_none(),
        }
        match step {
            Some(step) => {
                self.compile_expr(step);
                self.emit.build(op::BUILD_SLICE, 3);
            }
            None => self.emit.build(op::BUILD_SLICE, 2),
        }
    }

    /// Compiles an atom followed by trailers, with `x.f(...)` as a method call
    /// and the special forms of `super()`.
    pub(crate) fn compile_atom_with_trailers(&mut self, atom: &'a Expr, trailers: &[Trailer<'a>]) {
        self.compile_expr(atom);
        let mut index = 0;
        if self.scope().kind == ScopeKind::Function {
            if let (ExprKind::Name(name), Some(Trailer::Call(args, paren))) = (&atom.kind, trailers.first()) {
                if name == "super" && args.is_empty() {
                    self.load_id("__class__");
                    let first_param = self
                        .scope()
                        .ids
                        .iter()
                        .find(|id| id.flags & crate::scope::FLAG_IS_PARAM != 0)
                        .map(|id| id.name.clone());
                    let Some(first_param) = first_param else {
                        self.syntax_error("super() can't find self", crate::ast::Span::new(*paren, *paren));
                        return;
                    };
                    self.load_id(&first_param);
                    if let (Some(Trailer::Attr(method)), Some(Trailer::Call(method_args, _))) =
                        (trailers.get(1), trailers.get(2))
                    {
                        self.emit.load_method(&mut self.tables, &method.name, true);
                        self.compile_call_args(method_args, true, 0);
                        index = 3;
                    } else {
                        self.emit.call_function(2, 0, false);
                        index = 1;
                    }
                }
            }
        }
        while index < trailers.len() {
            if let (Trailer::Attr(method), Some(Trailer::Call(args, _))) = (trailers[index], trailers.get(index + 1)) {
                self.emit.load_method(&mut self.tables, &method.name, false);
                self.compile_call_args(args, true, 0);
                index += 2;
            } else {
                self.compile_trailer(trailers[index]);
                index += 1;
            }
        }
    }

    pub(crate) fn compile_trailer(&mut self, trailer: Trailer<'a>) {
        match trailer {
            Trailer::Attr(attr) => {
                self.set_line(attr.span.start);
                self.emit.attr(&mut self.tables, &attr.name, IdOp::Load);
            }
            Trailer::Call(args, paren) => {
                self.set_line(paren);
                self.compile_call_args(args, false, 0);
            }
            Trailer::Index(index, bracket) => {
                self.set_line(bracket);
                self.compile_expr(index);
                self.emit.subscr(IdOp::Load);
            }
        }
    }

    /// Compiles a condition and jumps to `label` when it is `jump_if`.
    pub(crate) fn c_if_cond(&mut self, expr: &'a Expr, jump_if: bool, label: u32) {
        if let Some(folded) = self.fold(expr) {
            if folded.is_true() == jump_if {
                self.emit.jump(label);
            }
            return;
        }
        match &expr.kind {
            ExprKind::BoolOp { op, values } => {
                let kept = crate::fold::fold_bool_op(*op, values, self);
                if kept.len() == 1 {
                    self.c_if_cond(kept[0], jump_if, label);
                    return;
                }
                let short_circuit = (*op == BoolOp::Or) != jump_if;
                if short_circuit {
                    let label2 = self.new_label();
                    for value in &kept[..kept.len() - 1] {
                        self.c_if_cond(value, !jump_if, label2);
                    }
                    self.c_if_cond(kept[kept.len() - 1], jump_if, label);
                    self.emit.label_assign(label2);
                } else {
                    for value in kept.iter() {
                        self.c_if_cond(value, jump_if, label);
                    }
                }
            }
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => self.c_if_cond(operand, !jump_if, label),
            _ => {
                self.compile_expr(expr);
                self.emit.pop_jump_if(jump_if, label);
            }
        }
    }

    fn compile_named_expr(&mut self, target: &'a Ident, value: &'a Expr) {
        self.compile_expr(value);
        self.emit.dup_top();
        if self.pass == Pass::Scope && self.scope().kind.is_comprehension() {
            let parent = self.scope().parent.unwrap_or(0);
            let parent_index = self.scopes.id_for_modification(parent, &target.name);
            if self.scopes.scopes[parent].ids[parent_index].kind == crate::scope::IdKind::GlobalExplicit {
                self.scopes.scopes[self.cur].find_or_add(&target.name, crate::scope::IdKind::GlobalExplicit);
            } else {
                let index = self.scopes.scopes[self.cur].find_or_add(&target.name, crate::scope::IdKind::Undecided);
                let is_global = self.scopes.scopes[parent].parent.is_none();
                if !is_global && self.scopes.scopes[self.cur].ids[index].kind == crate::scope::IdKind::GlobalImplicit {
                    self.scopes.scopes[self.cur].ids[index].kind = crate::scope::IdKind::Undecided;
                }
                self.declare_global_or_nonlocal(index, is_global, target.span);
            }
        }
        self.store_id(&target.name);
    }

    /// Assigns the value on top of the stack to `target`.
    pub(crate) fn c_assign(&mut self, target: &'a Expr, kind: AssignKind) {
        match &target.kind {
            ExprKind::Name(name) => {
                if self.fold(target).is_some() {
                    self.syntax_error("can't assign to expression", target.span);
                    return;
                }
                match kind {
                    AssignKind::Store | AssignKind::AugStore => self.store_id(name),
                    AssignKind::AugLoad => self.load_id(name),
                }
            }
            ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                let (atom, trailers) = self.flatten_trailers(target);
                let Some((last, prefix)) = trailers.split_last() else {
                    self.syntax_error("can't assign to expression", target.span);
                    return;
                };
                if kind != AssignKind::AugStore {
                    self.compile_expr(atom);
                    for trailer in prefix {
                        self.compile_trailer(*trailer);
                    }
                }
                match last {
                    Trailer::Index(index, _) => match kind {
                        AssignKind::AugStore => {
                            self.emit.rot_three();
                            self.emit.subscr(IdOp::Store);
                        }
                        AssignKind::AugLoad => {
                            self.compile_expr(index);
                            self.emit.dup_top_two();
                            self.emit.subscr(IdOp::Load);
                        }
                        AssignKind::Store => {
                            self.compile_expr(index);
                            self.emit.subscr(IdOp::Store);
                        }
                    },
                    Trailer::Attr(attr) => match kind {
                        AssignKind::AugLoad => {
                            self.emit.dup_top();
                            self.emit.attr(&mut self.tables, &attr.name, IdOp::Load);
                        }
                        AssignKind::AugStore => {
                            self.emit.rot_two();
                            self.emit.attr(&mut self.tables, &attr.name, IdOp::Store);
                        }
                        AssignKind::Store => self.emit.attr(&mut self.tables, &attr.name, IdOp::Store),
                    },
                    Trailer::Call(..) => self.syntax_error("can't assign to expression", target.span),
                }
                self.recycle_trailers(trailers);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let is_empty_tuple = items.is_empty() && matches!(target.kind, ExprKind::Tuple(_));
                if kind != AssignKind::Store || is_empty_tuple {
                    self.syntax_error("can't assign to expression", target.span);
                    return;
                }
                self.c_assign_tuple(items);
            }
            _ => self.syntax_error("can't assign to expression", target.span),
        }
    }

    fn c_assign_tuple(&mut self, items: &'a [Expr]) {
        let mut star_index = None;
        for (index, item) in items.iter().enumerate() {
            if let ExprKind::Starred(_) = item.kind {
                if star_index.is_none() {
                    self.emit.unpack_ex(index, items.len() - index - 1);
                    star_index = Some(index);
                } else {
                    self.syntax_error("multiple *x in assignment", item.span);
                    return;
                }
            }
        }
        if star_index.is_none() {
            self.emit.unpack_sequence(items.len());
        }
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => self.c_assign(inner, AssignKind::Store),
                _ => self.c_assign(item, AssignKind::Store),
            }
        }
    }

    /// `del target`.
    pub(crate) fn c_del(&mut self, target: &'a Expr) {
        match &target.kind {
            ExprKind::Name(name) if self.fold(target).is_none() => self.delete_id(name),
            ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                let (atom, trailers) = self.flatten_trailers(target);
                let Some((last, prefix)) = trailers.split_last() else { return };
                self.compile_expr(atom);
                for trailer in prefix {
                    self.compile_trailer(*trailer);
                }
                match last {
                    Trailer::Index(index, _) => {
                        self.compile_expr(index);
                        self.emit.subscr(IdOp::Delete);
                    }
                    Trailer::Attr(attr) => self.emit.attr(&mut self.tables, &attr.name, IdOp::Delete),
                    Trailer::Call(..) => self.syntax_error("can't delete expression", target.span),
                }
                self.recycle_trailers(trailers);
            }
            ExprKind::Tuple(items) if !items.is_empty() => {
                for item in items {
                    self.c_del(item);
                }
            }
            _ => self.syntax_error("can't delete expression", target.span),
        }
    }
}
