//! Code generation: the syntax tree to MicroPython v6 bytecode, scope by scope.
//!
//! The generator mirrors the structure of MicroPython's compiler so that its
//! output is byte-identical: the whole tree is first walked once per scope in
//! the *scope pass* (creating child scopes and recording identifiers in the
//! order they are met), then identifiers are numbered, and each scope is walked
//! again for the stack-size pass by the same functions. That walk is recorded
//! by the emitter, and the code-size and emit passes replay the recording
//! instead of walking the tree again (see `crate::emit`).
//! Constant folding that MicroPython does in its parser is applied on the fly
//! through [`crate::fold`]. The submodules hold expressions (`expr`),
//! statements (`stmt`), calls (`call`), exception handling and `with`
//! (`exc`), and functions, classes, lambdas and comprehensions (`func`).

mod call;
mod exc;
mod expr;
mod func;
mod stmt;

use alloc::collections::{BTreeMap, BTreeSet};
use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{ClassDef, Comprehension, Expr, ExprKind, FunctionDef, Module, Parameters, Span, Stmt};
use crate::diagnostic::{Diagnostic, LineIndex};
use crate::emit::{Emitter, ModuleTables, Pass};
use crate::fold::{FoldContext, Folded};
use crate::scope::{IdKind, Scope, ScopeId, ScopeKind, ScopeTable};

/// What the compiler needs to know about the target.
#[derive(Clone, Debug)]
pub struct CodegenOptions {
    pub opt_level: u8,
    pub small_int_bits: u32,
    /// What the module body is: a file, one expression, or a REPL entry.
    pub mode: crate::compile::CompileMode,
    /// Asked at every statement and expression whether memory is running low.
    pub(crate) probe: crate::memory::MemoryProbe,
}

/// The syntax that owns a scope, so later passes can walk it again.
#[derive(Clone, Copy)]
pub(crate) enum ScopeRoot<'a> {
    Module(&'a [Stmt]),
    Function(&'a FunctionDef),
    Class(&'a ClassDef),
    Lambda { params: &'a Parameters, body: &'a Expr, span: Span },
    Comprehension { element: CompElement<'a>, generators: &'a [Comprehension], span: Span },
}

/// The value part of a comprehension.
#[derive(Clone, Copy)]
pub(crate) enum CompElement<'a> {
    Single(&'a Expr),
    KeyValue(&'a Expr, &'a Expr),
}

/// One code object produced by the compiler.
#[derive(Clone, Debug, Default)]
pub struct CompiledCode {
    pub fun_data: Vec<u8>,
    pub children: Vec<ScopeId>,
}

/// Everything the `.mpy` writer needs.
#[derive(Clone, Debug, Default)]
pub struct CompiledModule {
    pub tables: ModuleTables,
    /// Indexed by scope id; scope 0 is the module.
    pub codes: Vec<CompiledCode>,
}

/// A `NAME = const(...)` definition, valid after `defined_at`.
#[derive(Clone, Debug)]
pub(crate) struct ConstDef {
    pub name: String,
    pub value: Folded,
    pub defined_at: u32,
}

pub(crate) const INVALID_LABEL: u32 = 0xffff;

pub(crate) struct Compiler<'a> {
    pub source: &'a [u8],
    pub lines: LineIndex,
    pub options: CodegenOptions,
    pub scopes: ScopeTable,
    pub roots: Vec<ScopeRoot<'a>>,
    pub tables: ModuleTables,
    pub emit: Emitter,
    pub pass: Pass,
    pub cur: ScopeId,
    pub child_cursor: usize,
    pub next_label: u32,
    pub break_label: u32,
    pub continue_label: u32,
    pub cur_except_level: u32,
    pub break_continue_except_level: u32,
    pub have_star: bool,
    pub num_dict_params: u32,
    pub num_default_params: u32,
    pub error: Option<Diagnostic>,
    pub consts: Vec<ConstDef>,
    /// Statements removed by the parser (private `_X = const(...)`), by offset.
    pub removed_statements: BTreeSet<u32>,
    /// Public `X = const(value)` statements, by offset, with their value.
    pub const_statements: BTreeMap<u32, Folded>,
    /// Long strings that mpy-cross has interned before parsing any file.
    pub builtin_qstrs: &'static [&'static str],
    /// The byte range of the line last looked up by [`Compiler::set_line`] and its number.
    pub line_cache: (u32, u32, u32),
    /// Spare trailer lists for [`Compiler::flatten_trailers`].
    pub trailer_pool: Vec<Vec<expr::Trailer<'a>>>,
    /// While compiling an f-string's fields: the offset whose line they
    /// carry (see `ExprKind::FString`), used by [`Compiler::set_line`].
    pub line_override: Option<u32>,
}

impl<'a> FoldContext for Compiler<'a> {
    fn small_int_bits(&self) -> u32 {
        self.options.small_int_bits
    }

    fn string_is_qstr(&self, text: &str, ident_before: bool) -> bool {
        text.len() <= 10 || ident_before || self.builtin_qstrs.contains(&text)
    }

    fn const_name(&self, name: &str, offset: u32) -> Option<Folded> {
        if name == "__debug__" {
            return Some(Folded::Token(if self.options.opt_level == 0 {
                crate::ast::Constant::True
            } else {
                crate::ast::Constant::False
            }));
        }
        for definition in self.consts.iter().rev() {
            if definition.name == name && offset >= definition.defined_at {
                return Some(match &definition.value {
                    Folded::Object { obj, .. } => Folded::Object { obj: obj.clone(), line_offset: Some(offset) },
                    Folded::Qstr(text) => {
                        Folded::Object { obj: crate::fold::ConstObj::Str(text.clone()), line_offset: Some(offset) }
                    }
                    Folded::Token(token) => {
                        Folded::Object { obj: Folded::Token(*token).to_obj(), line_offset: Some(offset) }
                    }
                    Folded::EmptyTuple => {
                        Folded::Object { obj: crate::fold::ConstObj::Tuple(Vec::new()), line_offset: Some(offset) }
                    }
                    other => other.clone(),
                });
            }
        }
        None
    }

    fn tuple_line_offset(&self, tuple: &Expr, items: &[Expr]) -> u32 {
        let start = tuple.span.start as usize;
        let end = tuple.span.end as usize;
        let wrapped = start < end
            && end <= self.source.len()
            && self.source[start] == b'('
            && matching_paren(self.source, start) == Some(end - 1);
        match items {
            [_, second, ..] if wrapped => second.span.start,
            [first, ..] => first.span.start,
            [] => tuple.span.start,
        }
    }

    fn is_parenthesized(&self, inner: &Expr) -> bool {
        let source = self.source;
        let start = inner.span.start as usize;
        let end = (inner.span.end as usize).min(source.len());
        if start < end
            && source[start] == b'('
            && source[end - 1] == b')'
            && matching_paren(source, start) == Some(end - 1)
        {
            return true;
        }
        let mut before = start;
        while before > 0 && matches!(source[before - 1], b' ' | b'\t' | b'\n' | b'\r' | b'\\') {
            before -= 1;
        }
        let mut after = end;
        while after < source.len() && matches!(source[after], b' ' | b'\t' | b'\n' | b'\r' | b'\\') {
            after += 1;
        }
        before > 0 && source[before - 1] == b'(' && after < source.len() && source[after] == b')'
    }
}

/// The offset of the `)` matching the `(` at `open`, ignoring string contents
/// and comments (a comment may hold a lone quote: `# don't`).
pub(crate) fn matching_paren(source: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut index = open;
    let mut quote: Option<u8> = None;
    while index < source.len() {
        let byte = source[index];
        if let Some(q) = quote {
            if byte == b'\\' {
                index += 2;
                continue;
            }
            if byte == q {
                quote = None;
            }
        } else {
            match byte {
                b'\'' | b'"' => quote = Some(byte),
                b'#' => {
                    while index + 1 < source.len() && !matches!(source[index + 1], b'\n' | b'\r') {
                        index += 1;
                    }
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(index);
                    }
                }
                _ => {}
            }
        }
        index += 1;
    }
    None
}

impl<'a> Compiler<'a> {
    pub fn new(source: &'a [u8], options: CodegenOptions, builtin_qstrs: &'static [&'static str]) -> Compiler<'a> {
        let mut emit = Emitter::new();
        emit.no_source_lines = options.opt_level >= 3;
        Compiler {
            source,
            lines: LineIndex::new(source),
            options,
            scopes: ScopeTable::default(),
            roots: Vec::new(),
            tables: ModuleTables::default(),
            emit,
            pass: Pass::Scope,
            cur: 0,
            child_cursor: 0,
            next_label: 0,
            break_label: INVALID_LABEL,
            continue_label: INVALID_LABEL,
            cur_except_level: 0,
            break_continue_except_level: 0,
            have_star: false,
            num_dict_params: 0,
            num_default_params: 0,
            error: None,
            consts: Vec::new(),
            removed_statements: BTreeSet::new(),
            const_statements: BTreeMap::new(),
            builtin_qstrs,
            line_cache: (0, 0, 0),
            line_override: None,
            trailer_pool: Vec::new(),
        }
    }

    /// Whether code generation should stop: an error was found, or memory
    /// ran low (which becomes the error; see [`crate::memory`]).
    pub(crate) fn should_stop(&mut self, span: Span) -> bool {
        if self.error.is_some() {
            return true;
        }
        if self.options.probe.is_low() {
            self.error = Some(Diagnostic::out_of_memory(span));
            return true;
        }
        false
    }

    pub fn syntax_error(&mut self, message: &str, span: Span) {
        if self.error.is_none() {
            self.error = Some(Diagnostic::syntax(message, span));
        }
    }

    pub fn line_of(&self, offset: u32) -> u32 {
        self.lines.line(offset)
    }

    /// Records the source line of a node that MicroPython's parse tree holds
    /// as a structure (leaves such as names and small ints carry no line).
    pub fn set_line(&mut self, offset: u32) {
        // The scope pass writes no code, and so no line table.
        if self.pass == Pass::Scope || self.emit.no_source_lines {
            return;
        }
        let offset = self.line_override.unwrap_or(offset);
        let (start, end, cached) = self.line_cache;
        let line = if (start..end).contains(&offset) {
            cached
        } else {
            let line = self.line_of(offset);
            let range = self.lines.line_range(self.source, line);
            // The line ending belongs to the line too.
            self.line_cache = (range.start as u32, range.end as u32 + 1, line);
            line
        };
        self.emit.set_source_line(line);
    }

    pub fn new_label(&mut self) -> u32 {
        let label = self.next_label;
        self.next_label += 1;
        label
    }

    pub fn scope(&self) -> &Scope {
        &self.scopes.scopes[self.cur]
    }

    pub fn fold(&self, expr: &Expr) -> Option<Folded> {
        crate::fold::fold_expr(expr, self)
    }

    /// Creates a child scope in the scope pass, or finds it again later.
    pub fn child_scope(&mut self, kind: ScopeKind, name: &str, root: ScopeRoot<'a>, offset: u32) -> ScopeId {
        if self.pass == Pass::Scope {
            let id = self.scopes.scopes.len();
            self.scopes.scopes.push(Scope::new(kind, Some(self.cur), String::from(name), offset));
            self.roots.push(root);
            self.scopes.scopes[self.cur].child_scopes.push(id);
            id
        } else {
            let id = self.scopes.scopes[self.cur].child_scopes.get(self.child_cursor).copied().unwrap_or(0);
            self.child_cursor += 1;
            id
        }
    }

    pub fn load_id(&mut self, name: &str) {
        self.id_op(name, crate::emit::IdOp::Load);
    }

    pub fn store_id(&mut self, name: &str) {
        self.id_op(name, crate::emit::IdOp::Store);
    }

    pub fn delete_id(&mut self, name: &str) {
        self.id_op(name, crate::emit::IdOp::Delete);
    }

    fn id_op(&mut self, name: &str, kind: crate::emit::IdOp) {
        if self.pass == Pass::Scope {
            match kind {
                crate::emit::IdOp::Load => self.scopes.id_for_load(self.cur, name),
                _ => {
                    self.scopes.id_for_modification(self.cur, name);
                }
            }
            return;
        }
        let scope = &self.scopes.scopes[self.cur];
        let Some(index) = scope.find(name) else {
            // Cannot happen after the scope pass; emit a global access to stay total.
            self.emit.global_op(&mut self.tables, kind, name, false);
            return;
        };
        let id = &scope.ids[index];
        match id.kind {
            IdKind::GlobalImplicit | IdKind::GlobalImplicitAssigned | IdKind::Undecided => {
                self.emit.global_op(&mut self.tables, kind, name, false)
            }
            IdKind::GlobalExplicit => self.emit.global_op(&mut self.tables, kind, name, true),
            IdKind::Local => {
                let local = id.local_num;
                self.emit.local_op(kind, local, false)
            }
            IdKind::Cell | IdKind::Free => {
                let local = id.local_num;
                self.emit.local_op(kind, local, true)
            }
        }
    }

    pub fn load_global_explicit(&mut self, name: &str) {
        self.emit.global_op(&mut self.tables, crate::emit::IdOp::Load, name, true);
    }

    /// Compiles one scope in one pass; returns the final code when done.
    fn compile_scope(&mut self, scope_id: ScopeId, pass: Pass) -> Result<Option<CompiledCode>, ()> {
        self.pass = pass;
        self.cur = scope_id;
        self.next_label = 0;
        self.child_cursor = 0;
        {
            let scope = &self.scopes.scopes[scope_id];
            self.emit.start_pass(pass, scope, &mut self.tables);
        }
        if pass == Pass::Scope {
            self.scopes.scopes[scope_id].stack_size = 0;
            self.scopes.scopes[scope_id].exc_stack_size = 0;
            self.emit.max_stack_size = 0;
        }
        let root = self.roots[scope_id];
        self.compile_scope_body(root);
        let scope = &mut self.scopes.scopes[scope_id];
        scope.stack_size = self.emit.max_stack_size;
        scope.scope_flags |= self.emit.scope_flags;
        let scope = &self.scopes.scopes[scope_id];
        match self.emit.end_pass(scope) {
            Ok(Some(code)) => Ok(Some(CompiledCode { fun_data: code.fun_data, children: code.children })),
            Ok(None) => Ok(None),
            Err(()) => Err(()),
        }
    }

    pub fn compile_module(&mut self, module: &'a Module) -> Result<CompiledModule, Diagnostic> {
        self.collect_consts(&module.body);
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        self.scopes.scopes.push(Scope::new(ScopeKind::Module, None, String::from("<module>"), 0));
        self.roots.push(ScopeRoot::Module(&module.body));

        let mut index = 0;
        while index < self.scopes.scopes.len() && self.error.is_none() {
            let _ = self.compile_scope(index, Pass::Scope);
            let scope = &self.scopes.scopes[index];
            let implicit: Vec<usize> =
                (0..scope.ids.len()).filter(|i| scope.ids[*i].kind == IdKind::GlobalImplicit).collect();
            for id_index in implicit {
                self.scopes.check_to_close_over(index, id_index);
            }
            index += 1;
        }
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        for scope_id in 0..self.scopes.scopes.len() {
            self.scopes.compute_locals(scope_id);
        }

        let mut codes = alloc::vec![CompiledCode::default(); self.scopes.scopes.len()];
        for scope_id in 0..self.scopes.scopes.len() {
            self.emit.reset(self.options.opt_level >= 3);
            // Only the stack-size pass walks the tree; it records the code,
            // and the code-size and emit passes replay that recording.
            let _ = self.compile_scope(scope_id, Pass::StackSize);
            if self.error.is_none() {
                let _ = self.emit.replay(Pass::CodeSize, &self.scopes.scopes[scope_id], &mut self.tables);
            }
            let mut rounds = 0;
            while self.error.is_none() {
                match self.emit.replay(Pass::Emit, &self.scopes.scopes[scope_id], &mut self.tables) {
                    Ok(Some(code)) => {
                        codes[scope_id] = CompiledCode { fun_data: code.fun_data, children: code.children };
                        break;
                    }
                    Ok(None) => {}
                    Err(()) => {
                        let offset = self.scopes.scopes[scope_id].offset;
                        self.syntax_error("bytecode overflow", Span::new(offset, offset));
                    }
                }
                rounds += 1;
                if rounds > 64 {
                    let offset = self.scopes.scopes[scope_id].offset;
                    self.syntax_error("bytecode overflow", Span::new(offset, offset));
                }
            }
            if let Some(error) = self.error.take() {
                return Err(error);
            }
        }
        Ok(CompiledModule { tables: core::mem::take(&mut self.tables), codes })
    }

    /// Walks every statement in source order and records `NAME = const(value)`.
    fn collect_consts(&mut self, body: &'a [Stmt]) {
        for statement in body {
            self.collect_consts_statement(statement);
        }
    }

    fn collect_consts_statement(&mut self, statement: &'a Stmt) {
        use crate::ast::StmtKind;
        match &statement.kind {
            StmtKind::Assign { targets, value } if targets.len() == 1 => {
                if let (ExprKind::Name(name), ExprKind::Call { func, args }) = (&targets[0].kind, &value.kind) {
                    if matches!(&func.kind, ExprKind::Name(f) if f == "const")
                        && self.const_name(name, targets[0].span.start).is_none()
                    {
                        let folded = match args.as_slice() {
                            [crate::ast::Arg::Positional(argument)] => self.fold(argument),
                            _ => None,
                        };
                        match folded {
                            Some(value) => {
                                if name.starts_with('_') {
                                    self.removed_statements.insert(statement.span.start);
                                } else {
                                    self.const_statements.insert(statement.span.start, value.clone());
                                }
                                self.consts.push(ConstDef {
                                    name: name.clone(),
                                    value,
                                    defined_at: statement.span.end,
                                });
                            }
                            None => self.syntax_error("not a constant", value.span),
                        }
                    }
                }
            }
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => {
                self.collect_consts(body);
                self.collect_consts(orelse);
            }
            StmtKind::With { body, .. } => self.collect_consts(body),
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.collect_consts(body);
                for handler in handlers {
                    self.collect_consts(&handler.body);
                }
                self.collect_consts(orelse);
                self.collect_consts(finalbody);
            }
            StmtKind::FunctionDef(function) => self.collect_consts(&function.body),
            StmtKind::ClassDef(class) => self.collect_consts(&class.body),
            _ => {}
        }
    }
}
